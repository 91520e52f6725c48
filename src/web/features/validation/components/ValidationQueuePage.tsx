import { useState } from 'react';
import type { OrganisationSummary } from '../../../../shared/schemas/organisations';
import type { ProfileChanges } from '../../../../shared/schemas/profile';
import { postJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';

type Item = OrganisationSummary & { pending: ProfileChanges; submittedAt: string };

function Decision({ item, onDone }: { item: Item; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const validate = useSubmitDecision(item.slug, 'validated', reason, onDone);
  const ret = useSubmitDecision(item.slug, 'returned', reason, onDone);
  const id = `reason-${item.slug}`;
  return (
    <div className="stack">
      <label className="field" htmlFor={id}>
        <span>{t('validation.reason')}</span>
        <textarea id={id} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" onClick={() => void validate.onSubmit()} disabled={validate.busy}>
          {t('validation.validate')}
        </button>
        <button type="button" className="secondary" onClick={() => void ret.onSubmit()} disabled={ret.busy}>
          {t('validation.return')}
        </button>
      </div>
      <Outcome error={validate.error ?? ret.error} done={null} />
    </div>
  );
}

function useSubmitDecision(slug: string, decision: 'validated' | 'returned', reason: string, onDone: () => void) {
  return useSubmit(async () => {
    await postJson(`/organisations/${slug}/decision`, { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) });
    onDone();
  });
}

export function ValidationQueuePage() {
  const { t, dateTime } = useI18n();
  const state = useApi<{ items: Item[] }>('/validation-queue');
  useTitle(t('validation.title'));
  return (
    <>
      <h1>{t('validation.title')}</h1>
      <Status state={state} />
      {state.data?.items.length === 0 && <p>{t('validation.empty')}</p>}
      <ul className="cards">
        {(state.data?.items ?? []).map((item) => (
          <li key={item.id} className="card">
            <h2 className="card-title">
              <MlText value={item.pending.name} />
            </h2>
            <p className="meta">
              <span className="badge">{t(`kinds.${item.pending.kind}`)}</span>
              <span>{item.pending.region}</span>
              <span>{dateTime(item.submittedAt)}</span>
            </p>
            {item.pending.region !== item.regionCode && (
              <p className="notice" role="note">
                {t('validation.movingRegion', { from: item.regionCode, to: item.pending.region })}
              </p>
            )}
            {item.pending.description && <MlText as="p" value={item.pending.description} />}
            <Decision item={item} onDone={state.reload} />
          </li>
        ))}
      </ul>
    </>
  );
}
