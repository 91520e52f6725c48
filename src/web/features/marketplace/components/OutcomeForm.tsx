import { useId, useState } from 'react';
import { AGREEMENT_TYPES, type AgreementType } from '../../../../shared/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, SelectField, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { recordOutcome, useAgreementsOf } from '../api/marketplace';
import type { Interest } from '../api/contracts';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

/**
 * "This contact led to an agreement": one of the registry's agreements the two organisations are parties
 * to, or a new one created from here (its title in the reader's language), so that the platform counts it.
 */
export function OutcomeForm({ interest, onDone }: { interest: Interest; onDone(): void }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const id = useId();
  const errors = useFieldErrors();
  const agreements = useAgreementsOf(interest.owner?.slug ?? null);
  const [choice, setChoice] = useState('new');
  const [title, setTitle] = useState('');
  const [type, setType] = useState<AgreementType>('cooperation_agreement');
  const save = useSubmit(() =>
    errors.keeping(async () => {
      await recordOutcome(
        interest,
        choice === 'new' ? { create: { title: { original: lang, [lang]: title }, type } } : { agreement: choice },
      );
      onDone();
    }),
  );
  return (
    <form className="stack outcome-form" onSubmit={save.onSubmit} noValidate>
      <fieldset className="stack">
        <legend>{t('marketplace.outcome.title')}</legend>
        <div className="field">
          <label htmlFor={`${id}-agreement`}>{t('marketplace.outcome.agreement')}</label>
          <select
            id={`${id}-agreement`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            {...invalidProps(errors, 'body.agreement', `${id}-agreement-error`)}
          >
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
          <>
            <div className="field">
              <label htmlFor={`${id}-title`}>{t('marketplace.outcome.newTitle')}</label>
              <input
                id={`${id}-title`}
                value={title}
                maxLength={300}
                onChange={(e) => setTitle(e.target.value)}
                {...invalidProps(errors, 'body.create.title', `${id}-title-error`)}
              />
              <FieldError errors={errors} field="body.create.title" id={`${id}-title-error`} />
            </div>
            <SelectField
              id={`${id}-type`}
              label={t('marketplace.outcome.type')}
              value={type}
              options={AGREEMENT_TYPES.map((v) => ({ value: v, label: t(`registry.types.${v}`) }))}
              onChange={(v: AgreementType) => setType(v)}
            />
          </>
        )}
        <FieldError errors={errors} field="body" exact id={`${id}-error`} />
        <button type="submit" disabled={save.busy}>
          {t('marketplace.outcome.save')}
        </button>
      </fieldset>
      <Outcome error={save.error} done={null} />
    </form>
  );
}
