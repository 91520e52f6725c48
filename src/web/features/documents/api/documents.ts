import type { DocumentList, DocumentView } from '../../../../shared/schemas/documents';
import { ApiRequestError, currentCsrfToken } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

const listPath = (record: string) => `/records/${encodeURIComponent(record)}/documents`;

/** The record's documents, and whether the reader may add and delete them. */
export const useDocuments = (record: string) => useApi<DocumentList>(listPath(record));

export interface UploadHandle {
  done: Promise<DocumentView>;
  abort(): void;
}

/**
 * Sends the file itself as the body (the API reads it as a stream, its name in ?name=), through
 * XMLHttpRequest: fetch cannot report an upload's progress in every browser yet. `onProgress` gets the
 * share sent, from 0 to 1.
 */
export function uploadDocument(record: string, file: File, onProgress: (share: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const done = new Promise<DocumentView>((resolve, reject) => {
    xhr.open('POST', `/api/v1${listPath(record)}?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // an answer that is not JSON (a proxy's error page) is reported by its status alone
      }
      if (xhr.status === 201) resolve(body as DocumentView);
      else reject(new ApiRequestError(xhr.status, body as ConstructorParameters<typeof ApiRequestError>[1]));
    };
    xhr.onerror = () => reject(new UploadNetworkError());
    xhr.onabort = () => reject(new UploadNetworkError());
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}

/** The upload never got an answer: the connection broke, or it was cancelled. */
export class UploadNetworkError extends Error {}

export async function deleteDocument(url: string): Promise<void> {
  const token = currentCsrfToken();
  const response = await fetch(url, {
    method: 'DELETE',
    headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
  });
  if (!response.ok) throw new ApiRequestError(response.status, await response.json().catch(() => null));
}
