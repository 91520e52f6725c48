import { presentDocument } from '../../../presenters/document.presenter.js';
import type { Repositories } from '../../../repositories/index.js';
import { DOCUMENT_MEDIA_TYPES } from '../../../shared/registry.js';
import type { DocumentList, DocumentView } from '../../../shared/schemas/documents.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { storeUpload, type Upload } from '../../registry/documents/store-upload.js';
import { isOrganiser, organisedEvent, readableEvent } from './event-guard.js';

/**
 * An event's documents (programme, presentations, photographs): its organisers attach them, whoever may read
 * the event lists and downloads them (GET /documents/:id), the registry's way: checked by content, within
 * the size limit, stored whole or not at all.
 */
export class EventDocumentsService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, slug: string, maxBytes: number): Promise<DocumentList> {
    const event = await readableEvent(this.repos, actor, slug);
    const [rows, canEdit] = await Promise.all([this.repos.documents.ofEvent(event.id), isOrganiser(this.repos, actor, event)]);
    return { items: rows.map(presentDocument), canEdit, maxBytes, mediaTypes: [...DOCUMENT_MEDIA_TYPES] };
  }

  async upload(actorOrNull: Actor | null, slug: string, upload: Upload): Promise<DocumentView> {
    const actor = requireActor(actorOrNull);
    const event = await organisedEvent(this.repos, actor, slug);
    const stored = await storeUpload(this.repos, actor.user.id, { eventId: event.id }, upload, (tx, documentId, file) =>
      audit(tx, {
        actorId: actor.user.id,
        action: 'document.uploaded',
        entityType: 'document',
        entityId: documentId,
        regionCode: event.regionCode,
        after: { event: event.slug, ...file },
      }),
    );
    return presentDocument(stored);
  }
}
