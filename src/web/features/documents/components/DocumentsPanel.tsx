import '../documents.css';
import { useCallback, useId, useRef, useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useAction } from '../../../shared/ui/forms';
import { deleteDocument, useDocuments } from '../api/documents';
import { useUpload } from '../hooks/useUpload';
import { formatBytes } from './document-format';
import { DocumentItem } from './DocumentItem';

/** What the file chooser offers; the server reads the type from the content whatever is chosen. */
const ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx,.pptx,.odt,.ods,application/pdf,image/png,image/jpeg,image/webp';

/**
 * The documents of a registry record (an agreement's signed text, a residency's contract): the list with
 * download links for its readers, and for its editors an upload with its progress and a delete. `record`
 * is the record's id or slug; `canEdit`, when the page knows it, else what the API answers for the reader.
 */
export function DocumentsPanel({ record, canEdit }: { record: string; canEdit?: boolean }) {
  const { t, lang } = useI18n();
  const list = useDocuments(record);
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const remove = useAction();
  const onUploaded = useCallback(() => list.reload(), [list.reload]);
  const upload = useUpload(record, list.data?.maxBytes, onUploaded);
  const editable = (canEdit ?? true) && (list.data?.canEdit ?? false);
  const sending = upload.state.status === 'sending';

  return (
    <section className="documents-panel stack" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('documents.title')}</h2>
      <Status state={list} />
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t('documents.empty')}</p>
        ) : (
          <ul className="document-list" aria-label={t('documents.list')}>
            {list.data.items.map((d) => (
              <DocumentItem
                key={d.id}
                document={d}
                canEdit={editable}
                onDelete={() =>
                  remove.run(
                    () => deleteDocument(d.url),
                    () => {
                      setDeleted(d.fileName);
                      list.reload();
                    },
                  )
                }
              />
            ))}
          </ul>
        ))}
      {remove.error && (
        <p role="alert" className="error">
          {remove.error}
        </p>
      )}
      {deleted && !remove.error && (
        <p role="status" className="success">
          {t('documents.deleted', { name: deleted })}
        </p>
      )}
      {editable && list.data && (
        <div className="document-upload stack">
          <p className="muted">{t('documents.accepted', { limit: formatBytes(list.data.maxBytes, lang) })}</p>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            hidden
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              setDeleted(null);
              if (file) upload.start(file);
            }}
          />
          <div className="row">
            <button type="button" disabled={sending} onClick={() => input.current?.click()}>
              {t('documents.attach')}
            </button>
          </div>
          {upload.state.status === 'sending' && (
            <div role="status">
              <span>{t('documents.uploading', { name: upload.state.name })}</span>
              <progress className="document-progress" max={1} value={upload.state.share} aria-label={t('documents.progress')} />
            </div>
          )}
          {upload.state.status === 'done' && (
            <p role="status" className="success">
              {t('documents.uploaded', { name: upload.state.name })}
            </p>
          )}
          {upload.state.status === 'failed' && (
            <p role="alert" className="error">
              {upload.state.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
