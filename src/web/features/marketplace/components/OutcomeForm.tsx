import { useId, useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { recordOutcome, useAgreementsOf } from '../api/marketplace';
import { useFieldErrors } from '../hooks/useFieldErrors';
import { FieldError, invalidProps } from './FieldError';

/**
 * "This contact led to an agreement": one of the owner organisation's agreements in the registry, or a new
 * one created from here (its title in the reader's language), so that the platform counts it.
 */
export function OutcomeForm({ interestId, owner, onDone }: { interestId: string; owner: string | null; onDone(): void }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const id = useId();
  const errors = useFieldErrors();
  const agreements = useAgreementsOf(owner);
  const [choice, setChoice] = useState('new');
  const [title, setTitle] = useState('');
  const save = useSubmit(() =>
    errors.keeping(async () => {
      await recordOutcome(interestId, choice === 'new' ? { create: { title: { original: lang, [lang]: title } } } : { agreement: choice });
      onDone();
    }),
  );
  return (
    <form className="stack outcome-form" onSubmit={save.onSubmit} noValidate>
      <fieldset>
        <legend>{t('marketplace.outcome.title')}</legend>
        <div className="field">
          <label htmlFor={`${id}-agreement`}>{t('marketplace.outcome.agreement')}</label>
          <select id={`${id}-agreement`} value={choice} onChange={(e) => setChoice(e.target.value)} {...invalidProps(errors, 'body.agreement', `${id}-agreement-error`)}>
            <option value="new">{t('marketplace.outcome.createNew')}</option>
            {(agreements.data?.items ?? []).map((a) => (
              <option key={a.id} value={a.slug}>
                {text(a.title)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="body.agreement" id={`${id}-agreement-error`} />
        </div>
        {choice === 'new' && (
          <div className="field">
            <label htmlFor={`${id}-title`}>{t('marketplace.outcome.newTitle')}</label>
            <input id={`${id}-title`} value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} {...invalidProps(errors, 'body.create', `${id}-title-error`)} />
            <FieldError errors={errors} field="body.create" id={`${id}-title-error`} />
          </div>
        )}
        <button type="submit" disabled={save.busy}>
          {t('marketplace.outcome.save')}
        </button>
      </fieldset>
      <Outcome error={save.error} done={null} />
    </form>
  );
}
