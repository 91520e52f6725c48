import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../shared/schemas/documents';
import { ApiRequestError } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { errorMessage } from '../../../shared/i18n/error-text';
import { uploadDocument, UploadNetworkError, type UploadHandle } from '../api/documents';
import { formatBytes } from '../components/document-format';

export type UploadState =
  | { status: 'idle' }
  | { status: 'sending'; name: string; share: number }
  | { status: 'done'; name: string }
  | { status: 'failed'; message: string };

/**
 * One upload at a time with its progress, and its refusal in the reader's language: the file named, the
 * limit in their units. A file over the limit is refused here, before a byte is sent.
 */
export function useUpload(record: string, maxBytes: number | undefined, onUploaded: (document: DocumentView) => void) {
  const { t, lang } = useI18n();
  const [state, setState] = useState<UploadState>({ status: 'idle' });
  const current = useRef<UploadHandle | null>(null);
  useEffect(() => () => current.current?.abort(), []);

  const refusal = useCallback(
    (name: string, error: unknown): string => {
      if (error instanceof UploadNetworkError) return t('documents.errors.network', { name });
      if (!(error instanceof ApiRequestError) || !error.body) return t('app.error');
      const { code, reason, params } = error.body.error;
      if (code === 'document_too_large') {
        const limit = typeof params?.limit === 'number' ? params.limit : (maxBytes ?? 0);
        return t('documents.errors.tooLarge', { name, limit: formatBytes(limit, lang) });
      }
      if (code === 'document_type_refused') return t('documents.errors.type', { name });
      if (reason === 'path_in_name') return t('documents.errors.name', { name });
      return errorMessage(t, error.body.error);
    },
    [t, lang, maxBytes],
  );

  const start = useCallback(
    (file: File) => {
      if (maxBytes !== undefined && file.size > maxBytes) {
        setState({ status: 'failed', message: t('documents.errors.tooLarge', { name: file.name, limit: formatBytes(maxBytes, lang) }) });
        return;
      }
      setState({ status: 'sending', name: file.name, share: 0 });
      const handle = uploadDocument(record, file, (share) => setState({ status: 'sending', name: file.name, share }));
      current.current = handle;
      handle.done.then(
        (document) => {
          setState({ status: 'done', name: document.fileName });
          onUploaded(document);
        },
        (error: unknown) => {
          if (current.current === handle) setState({ status: 'failed', message: refusal(file.name, error) });
        },
      );
    },
    [record, maxBytes, t, lang, refusal, onUploaded],
  );

  return { state, start };
}
