import { useState } from 'react';
import { queryString } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { AuditChange, useAuditWords, type AuditEvent } from './audit-words';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Field } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';

interface Email {
  id: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  transport: string;
  createdAt: string;
}

/** Every e-mail written without SMTP (and those sent), for administrators of a local platform. */
export function OutboxPage() {
  const { t, dateTime } = useI18n();
  const state = useApi<{ items: Email[] }>('/admin/emails');
  useTitle(t('admin.outbox'));
  return (
    <>
      <h1>{t('admin.outbox')}</h1>
      <p className="lead">{t('admin.outboxRedacted')}</p>
      <Status state={state} />
      <ul className="cards">
        {(state.data?.items ?? []).map((m) => (
          <li key={m.id} className="card email">
            <h2 className="card-title">{m.subject}</h2>
            <p className="meta">
              <span>{m.to}</span>
              <span>{dateTime(m.createdAt)}</span>
              <span className="badge">{m.transport}</span>
            </p>
            <pre lang={m.language}>{m.text}</pre>
          </li>
        ))}
      </ul>
    </>
  );
}

export function AuditLogPage() {
  const { t, dateTime } = useI18n();
  const words = useAuditWords();
  const [action, setAction] = useState('');
  const [entityType, setEntityType] = useState('');
  const query = queryString({ action, entityType, limit: 200 });
  const state = useApi<{ items: AuditEvent[] }>(`/audit-events${query}`);
  useTitle(t('admin.audit'));
  return (
    <>
      <h1>{t('admin.audit')}</h1>
      <div className="row">
        <Field
          label={t('admin.action')}
          name="action"
          placeholder="organisation.validated"
          value={action}
          onChange={(e) => setAction(e.target.value)}
        />
        <Field
          label={t('admin.entityType')}
          name="entityType"
          placeholder="organisation"
          value={entityType}
          onChange={(e) => setEntityType(e.target.value)}
        />
        <a className="button" href={`/api/v1/audit-events.csv${queryString({ action, entityType })}`}>
          {t('admin.exportCsv')}
        </a>
        <a className="button secondary" href={`/api/v1/audit-events.csv${queryString({ action, entityType, separator: 'semicolon' })}`}>
          {t('admin.exportCsvSemicolon')}
        </a>
      </div>
      <Status state={state} />
      {state.data?.items.length === 0 && <p>{t('admin.noEvents')}</p>}
      <div className="table-wrap">
        <table className="table stacked">
          <thead>
            <tr>
              <th scope="col">{t('admin.when')}</th>
              <th scope="col">{t('admin.action')}</th>
              <th scope="col">{t('admin.entity')}</th>
              <th scope="col">{t('organisation.region')}</th>
              <th scope="col">{t('admin.change')}</th>
            </tr>
          </thead>
          <tbody>
            {(state.data?.items ?? []).map((e) => (
              <tr key={e.id}>
                <td data-label={t('admin.when')}>{dateTime(e.at, true)}</td>
                <td data-label={t('admin.action')} title={e.action}>
                  {words.action(e)}
                </td>
                <td data-label={t('admin.entity')}>{words.entity(e)}</td>
                <td data-label={t('organisation.region')}>{e.regionCode ?? ''}</td>
                <td data-label={t('admin.change')}>
                  <AuditChange event={e} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
