import { useEffect, useState } from 'react';
import { SUBMISSION_EMAILS, type SubmissionEmails } from '../../../../shared/roles';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

/** A coordinator's choice on their account page: an e-mail for each submitted profile, or one digest a day. */
export function SubmissionEmailsSetting() {
  const { t } = useI18n();
  const state = useApi<{ submissionEmails: SubmissionEmails }>('/me/notifications');
  const [choice, setChoice] = useState<SubmissionEmails>('each');
  useEffect(() => {
    if (state.data) setChoice(state.data.submissionEmails);
  }, [state.data]);
  const save = useSubmit(async () => {
    await sendJson('PUT', '/me/notifications', { submissionEmails: choice });
    return t('review.emails.saved');
  });
  return (
    <section aria-labelledby="submission-emails">
      <h2 id="submission-emails">{t('review.emails.title')}</h2>
      <form onSubmit={save.onSubmit} className="stack">
        <fieldset className="stack">
          <legend className="visually-hidden">{t('review.emails.title')}</legend>
          {SUBMISSION_EMAILS.map((value) => (
            <label key={value} className="checkbox">
              <input type="radio" name="submissionEmails" value={value} checked={choice === value} onChange={() => setChoice(value)} />{' '}
              {t(`review.emails.${value}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={save.busy || state.status !== 'ready'}>
          {t('accounts.save')}
        </button>
        <Outcome error={save.error} done={save.done} />
      </form>
    </section>
  );
}
