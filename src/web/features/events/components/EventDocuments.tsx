import { useRef } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { formatBytes } from '../../documents/components/document-format';
import { deleteEventDocument, uploadEventDocument, useEventDocuments } from '../api/events';
import type { Event } from '../api/contracts';
import { ignoreNoContent } from '../api/no-content';

/** The event's documents (programme, invitation, presentations): links for its readers; upload and delete for its organisers. */
export function EventDocuments({ event }: { event: Event }) {
  const { t, lang } = useI18n();
  const list = useEventDocuments(event.slug);
  const input = useRef<HTMLInputElement>(null);
  const action = useAction();
  const items = list.data?.items ?? [];
  if (!event.can.edit && items.length === 0) return null;
  return (
    <section id="documents" className="stack" aria-labelledby="event-documents-title">
      <h2 id="event-documents-title">{t('events.documents.title')}</h2>
      <Status state={list} />
      {list.data && items.length === 0 && <p className="muted">{t('events.documents.empty')}</p>}
      <ul className="document-list">
        {items.map((d) => (
          <li key={d.id} className="row">
            <a href={d.url} download={d.fileName}>
              {d.fileName}
            </a>
            <span className="muted">{formatBytes(d.size, lang)}</span>
            {event.can.edit && (
              <button
                type="button"
                className="secondary"
                aria-label={t('events.documents.delete', { name: d.fileName })}
                onClick={() => action.run(() => deleteEventDocument(d.id).catch(ignoreNoContent), list.reload)}
              >
                {t('events.editor.deleteItem')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {event.can.edit && (
        <>
          <input
            ref={input}
            type="file"
            hidden
            aria-label={t('events.documents.attach')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) action.run(() => uploadEventDocument(event.slug, file), list.reload);
            }}
          />
          <p>
            <button type="button" onClick={() => input.current?.click()}>
              {t('events.documents.attach')}
            </button>
          </p>
        </>
      )}
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
    </section>
  );
}
