import { useState } from 'react';
import type { DocumentView } from '../../../../shared/schemas/documents';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { formatBytes, typeKey } from './document-format';

/** One document: its name as a download link, its kind, size and date; for editors, delete with a confirmation. */
export function DocumentItem({ document, canEdit, onDelete }: { document: DocumentView; canEdit: boolean; onDelete(): void }) {
  const { t, lang, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const name = document.fileName;
  const added = document.uploadedBy
    ? t('documents.addedBy', { date: dateTime(document.createdAt), name: document.uploadedBy })
    : t('documents.added', { date: dateTime(document.createdAt) });
  return (
    <li className="document-item">
      <div className="document-name">
        <a href={document.url} download={name} aria-label={t('documents.download', { name })}>
          {name}
        </a>
      </div>
      <div className="document-facts muted">
        <span>{t(`documents.types.${typeKey(document.mediaType)}`)}</span>
        <span>{formatBytes(document.size, lang)}</span>
        <span>{added}</span>
      </div>
      {canEdit &&
        (confirming ? (
          <div className="row document-confirm" role="group" aria-label={t('documents.confirmDelete', { name })}>
            <span>{t('documents.confirmDelete', { name })}</span>
            <button type="button" className="secondary" onClick={onDelete}>
              {t('documents.confirm')}
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(false)}>
              {t('documents.cancel')}
            </button>
          </div>
        ) : (
          <div className="row">
            <button type="button" className="secondary" onClick={() => setConfirming(true)}>
              {t('documents.delete')}
            </button>
          </div>
        ))}
    </li>
  );
}
