import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { sendDecision } from '../api/review';

/** Validate, or return with a reason; `version` is the one reviewed, sent as If-Match. */
export function DecisionForm({ slug, version, onDone }: { slug: string; version?: number; onDone(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const validate = useSubmit(async () => {
    await sendDecision(slug, 'validated', reason, version);
    onDone();
  });
  const ret = useSubmit(async () => {
    await sendDecision(slug, 'returned', reason, version);
    onDone();
  });
  const id = `reason-${slug}`;
  return (
    <div className="stack">
      <label className="field" htmlFor={id}>
        <span>{t('validation.reason')}</span>
        <textarea id={id} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" onClick={() => void validate.onSubmit()} disabled={validate.busy || ret.busy}>
          {t('validation.validate')}
        </button>
        <button type="button" className="secondary" onClick={() => void ret.onSubmit()} disabled={validate.busy || ret.busy}>
          {t('validation.return')}
        </button>
      </div>
      <Outcome error={validate.error ?? ret.error} done={null} />
    </div>
  );
}
