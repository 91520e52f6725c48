import type { Repositories } from '../../repositories/index.js';
import type { DocumentRow } from '../../repositories/registry/document.repository.js';
import type { RecordAccessRow } from '../../repositories/registry/record-access.repository.js';
import { presentDocument } from '../../presenters/document.presenter.js';
import { DOCUMENT_MEDIA_TYPES } from '../../shared/registry.js';
import type { DocumentList, DocumentView } from '../../shared/schemas/documents.js';
import { refusal, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { notFound } from '../errors.js';
import { storeUpload, type Upload } from './documents/store-upload.js';
import { canEditRecord, canReadRecord } from './record-access.js';
import type { EventAccessRow } from '../../repositories/events/event-access.repository.js';
import { canReadEvent } from '../events/events/event-access.js';
import { isOrganiser } from '../events/events/event-guard.js';

export type { Upload };

/** A download: the document and its bytes, read chunk by chunk as the answer is sent. */
export interface Download {
  document: DocumentView;
  bytes: AsyncIterable<Buffer>;
}

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
    const stored = await storeUpload(this.repos, actor.user.id, { recordId: record.id }, upload, (tx, documentId, file) =>
      audit(tx, {
        actorId: actor.user.id,
        action: 'document.uploaded',
        entityType: 'document',
        entityId: documentId,
        regionCode: record.regionCodes[0] ?? null,
        after: { record: record.slug, ...file },
      }),
    );
    return presentDocument(stored);
  }

  async download(actor: Actor | null, id: string): Promise<Download> {
    const { document } = await this.readableDocument(actor, id);
    return { document: presentDocument(document), bytes: this.repos.documents.chunks(document.id, document.size) };
  }

  async remove(actorOrNull: Actor | null, id: string): Promise<void> {
    const actor = requireActor(actorOrNull);
    const { document, owner } = await this.readableDocument(actor, id);
    if (!(await owner.mayEdit()))
      throw refusal(
        actor,
        document.eventId
          ? 'Only the event’s organisers delete its documents.'
          : 'Only the parties’ editors and their regions’ coordinators delete documents.',
      );
    await this.repos.transaction(async (tx) => {
      if (!(await tx.documents.delete(document.id))) throw notFound('The document', 'params.id');
      await audit(tx, {
        actorId: actor.user.id,
        action: 'document.deleted',
        entityType: 'document',
        entityId: document.id,
        regionCode: owner.regionCode,
        before: {
          ...owner.label,
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

  /**
   * The document and its owner, when the actor may read the owner: a registry record, or an event (a
   * draft's documents are its organisers' only); else a 404, as if there were none.
   */
  private async readableDocument(actor: Actor | null, id: string): Promise<{ document: DocumentRow; owner: DocumentOwner }> {
    const document = await this.repos.documents.get(id);
    if (document?.eventId) {
      const event = await this.repos.events.access.findById(document.eventId);
      if (event && (await canReadEventDocuments(this.repos, actor, event)))
        return {
          document,
          owner: {
            regionCode: event.regionCode,
            label: { event: event.slug },
            mayEdit: () => isOrganiser(this.repos, actor, event),
          },
        };
      throw notFound('The document', 'params.id');
    }
    const record = document?.recordId ? await this.repos.recordAccess.find(document.recordId) : null;
    if (!document || !record || !canReadRecord(actor, record, await this.repos.regions.list())) throw notFound('The document', 'params.id');
    return {
      document,
      owner: { regionCode: record.regionCodes[0] ?? null, label: { record: record.slug }, mayEdit: () => this.mayEdit(actor, record) },
    };
  }
}

/** Who owns a document, as downloads and deletions check it. */
interface DocumentOwner {
  regionCode: string | null;
  label: Record<string, string>;
  mayEdit: () => Promise<boolean>;
}

async function canReadEventDocuments(repos: Repositories, actor: Actor | null, event: EventAccessRow): Promise<boolean> {
  return canReadEvent(actor, event, await repos.regions.list());
}
