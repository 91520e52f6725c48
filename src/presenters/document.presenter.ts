import type { DocumentRow } from '../repositories/registry/document.repository.js';
import type { DocumentMediaType } from '../shared/registry.js';
import type { DocumentView } from '../shared/schemas/documents.js';

export const documentUrl = (id: string) => `/api/v1/documents/${id}`;

export function presentDocument(row: DocumentRow): DocumentView {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType as DocumentMediaType,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
    url: documentUrl(row.id),
  };
}
