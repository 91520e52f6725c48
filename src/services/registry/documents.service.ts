import type { Readable } from 'node:stream';
import type { Repositories } from '../../repositories/index.js';
import type { DocumentRow } from '../../repositories/registry/document.repository.js';
import { spool, SpoolLimitExceeded, type SpooledFile } from '../../repositories/registry/document-spool.js';
import type { RecordAccessRow } from '../../repositories/registry/record-access.repository.js';
import { presentDocument } from '../../presenters/document.presenter.js';
import { DOCUMENT_MEDIA_TYPES } from '../../shared/registry.js';
import type { DocumentList, DocumentView } from '../../shared/schemas/documents.js';
import { refusal, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { checkFileName } from './documents/file-name.js';
import { detectMediaType } from './documents/media-type.js';
import { canEditRecord, canReadRecord } from './record-access.js';

/** An upload as the route hands it over: the name the user gave, the body still streaming in. */
export interface Upload {
  fileName: string;
  body: Readable;
  /** Content-Length, when the client sent one: a file announced over the limit is refused before it is read. */
  declaredLength: number | null;
  maxBytes: number;
}

/** A download: the document and its bytes, read chunk by chunk as the answer is sent. */
export interface Download {
  document: DocumentView;
  bytes: AsyncIterable<Buffer>;
}

const NAME_FIELD = 'query.name';

const ABORTS = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED']);
const isAbort = (error: unknown) =>
  ABORTS.has((error as NodeJS.ErrnoException | null)?.code ?? '') || (error as Error | null)?.message === 'aborted';

const tooLarge = (limit: number) =>
  new AppError('document_too_large', `The file is larger than ${limit} bytes.`, 'body').because('file_too_large', { limit });

/**
 * Documents attached to registry records: the parties' editors and their regions' coordinators attach and
 * delete them; whoever may read the record downloads them. A file is checked by its content, refused over
 * the size limit, and stored whole or not at all (docs/decisions.md, "Documents in the database").
 */
export class DocumentsService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, idOrSlug: string, maxBytes: number): Promise<DocumentList> {
    const record = await this.readable(actor, idOrSlug);
    const [rows, canEdit] = await Promise.all([this.repos.documents.ofRecord(record.id), this.mayEdit(actor, record)]);
    return { items: rows.map(presentDocument), canEdit, maxBytes, mediaTypes: [...DOCUMENT_MEDIA_TYPES] };
  }

  async upload(actorOrNull: Actor | null, idOrSlug: string, upload: Upload): Promise<DocumentView> {
    const actor = requireActor(actorOrNull);
    const record = await this.editable(actor, idOrSlug);
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
      const id = await this.repos.transaction(async (tx) => {
        const at = tx.clock.now();
        const documentId = await tx.documents.create({
          recordId: record.id,
          fileName,
          mediaType,
          size: file.size,
          sha256: file.sha256,
          uploadedBy: actor.user.id,
          at,
        });
        let seq = 0;
        for await (const chunk of file.chunks()) await tx.documents.addChunk(documentId, seq++, chunk);
        await audit(tx, {
          actorId: actor.user.id,
          action: 'document.uploaded',
          entityType: 'document',
          entityId: documentId,
          regionCode: record.regionCodes[0] ?? null,
          after: { record: record.slug, fileName, mediaType, size: file.size, sha256: file.sha256 },
        });
        return documentId;
      });
      return presentDocument((await this.repos.documents.get(id))!);
    } finally {
      await file.discard();
    }
  }

  async download(actor: Actor | null, id: string): Promise<Download> {
    const { document } = await this.readableDocument(actor, id);
    return { document: presentDocument(document), bytes: this.repos.documents.chunks(document.id, document.size) };
  }

  async remove(actorOrNull: Actor | null, id: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const { document, record } = await this.readableDocument(actor, id);
    if (!(await this.mayEdit(actor, record)))
      throw refusal(actor, 'Only the parties’ editors and their regions’ coordinators delete documents.');
    await this.repos.transaction(async (tx) => {
      if (!(await tx.documents.delete(document.id))) throw notFound('The document', 'params.id');
      await audit(tx, {
        actorId: actor.user.id,
        action: 'document.deleted',
        entityType: 'document',
        entityId: document.id,
        regionCode: record.regionCodes[0] ?? null,
        before: {
          record: record.slug,
          fileName: document.fileName,
          mediaType: document.mediaType,
          size: document.size,
          sha256: document.sha256,
        },
      });
    });
  }

  private async mayEdit(actor: Actor | null, record: RecordAccessRow): Promise<boolean> {
    return canEditRecord(actor, record, await this.repos.regions.list());
  }

  /** The record, when the actor may read it; a record they may not read does not exist for them (404). */
  private async readable(actor: Actor | null, idOrSlug: string): Promise<RecordAccessRow> {
    const record = await this.repos.recordAccess.find(idOrSlug);
    if (!record || !canReadRecord(actor, record, await this.repos.regions.list())) throw notFound('The record', 'params.idOrSlug');
    return record;
  }

  private async editable(actor: Actor, idOrSlug: string): Promise<RecordAccessRow> {
    const record = await this.readable(actor, idOrSlug);
    if (!(await this.mayEdit(actor, record)))
      throw refusal(actor, 'Only the parties’ editors and their regions’ coordinators attach documents.');
    return record;
  }

  /** The document and its record, when the actor may read the record; else a 404, as if there were none. */
  private async readableDocument(actor: Actor | null, id: string): Promise<{ document: DocumentRow; record: RecordAccessRow }> {
    const document = await this.repos.documents.get(id);
    const record = document?.recordId ? await this.repos.recordAccess.find(document.recordId) : null;
    if (!document || !record || !canReadRecord(actor, record, await this.repos.regions.list())) throw notFound('The document', 'params.id');
    return { document, record };
  }
}
