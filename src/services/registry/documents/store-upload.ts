import type { Readable } from 'node:stream';
import type { Repositories } from '../../../repositories/index.js';
import type { DocumentRow } from '../../../repositories/registry/document.repository.js';
import { spool, SpoolLimitExceeded, type SpooledFile } from '../../../repositories/registry/document-spool.js';
import { AppError } from '../../errors.js';
import { checkFileName } from './file-name.js';
import { detectMediaType } from './media-type.js';

/** An upload as the route hands it over: the name the user gave, the body still streaming in. */
export interface Upload {
  fileName: string;
  body: Readable;
  /** Content-Length, when the client sent one: a file announced over the limit is refused before it is read. */
  declaredLength: number | null;
  maxBytes: number;
}

/** What was stored, for the audit entry its owner writes in the same transaction. */
export interface StoredFile {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
}

const NAME_FIELD = 'query.name';

const ABORTS = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);
const isAbort = (error: unknown) =>
  ABORTS.has((error as NodeJS.ErrnoException | null)?.code ?? '') || (error as Error | null)?.message === 'aborted';

const tooLarge = (limit: number) =>
  new AppError('document_too_large', `The file is larger than ${limit} bytes.`, 'body').because('file_too_large', { limit });

/**
 * Receives an upload and stores it as a document of its owner (a registry record or an event), the same way
 * for both: a name that is not a path, the size limit (announced or counted), the type read from the content,
 * the bytes in chunks, all in one transaction with the owner's audit entry, or nothing at all.
 */
export async function storeUpload(
  repos: Repositories,
  uploadedBy: string,
  owner: { recordId: string } | { eventId: string },
  upload: Upload,
  audit: (tx: Repositories, documentId: string, stored: StoredFile) => Promise<void>,
): Promise<DocumentRow> {
  const fileName = checkFileName(upload.fileName, NAME_FIELD);
  if (upload.declaredLength !== null && upload.declaredLength > upload.maxBytes) throw tooLarge(upload.maxBytes);
  let file: SpooledFile;
  try {
    file = await spool(upload.body, upload.maxBytes);
  } catch (error) {
    if (error instanceof SpoolLimitExceeded) throw tooLarge(error.limit);
    // a client that went away mid-file is not a fault of the server's (nothing was stored)
    if (isAbort(error)) throw new AppError('bad_request', 'The file did not arrive whole.', 'body');
    throw error;
  }
  try {
    const mediaType = file.size === 0 ? null : await detectMediaType(file.path, file.chunks);
    if (!mediaType) {
      throw new AppError('document_type_refused', `${fileName} is not a PDF, an office document or an image.`, NAME_FIELD).because(
        'file_type',
      );
    }
    const id = await repos.transaction(async (tx) => {
      const documentId = await tx.documents.create({
        ...owner,
        fileName,
        mediaType,
        size: file.size,
        sha256: file.sha256,
        uploadedBy,
        at: tx.clock.now(),
      });
      let seq = 0;
      for await (const chunk of file.chunks()) await tx.documents.addChunk(documentId, seq++, chunk);
      await audit(tx, documentId, { fileName, mediaType, size: file.size, sha256: file.sha256 });
      return documentId;
    });
    return (await repos.documents.get(id))!;
  } finally {
    await file.discard();
  }
}
