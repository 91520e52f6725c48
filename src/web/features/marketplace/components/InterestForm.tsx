import { useState } from 'react';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useApi } from '../../../shared/api/useApi';
import { SelectField } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { Link } from 'react-router';
import { OFFER_LIMITS } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { expressInterest } from '../api/marketplace';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

const QUESTIONS = ['offers', 'expects', 'timeline'] as const;

/** An expression of interest: a message and the three standard questions (what we offer, what we expect, our timeline). */
export function InterestForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const [message, setMessage] = useState('');
  const [answers, setAnswers] = useState({ offers: '', expects: '', timeline: '' });
  const [sent, setSent] = useState(false);
  const text = useMlString();
  // a member of several organisations says which one is interested
  const mine = useApi<{ items: { slug: string; name: MultilingualText }[] }>('/me/organisations').data?.items ?? [];
  const [organisation, setOrganisation] = useState('');
  const send = useSubmit(() =>
    errors.keeping(async () => {
      await expressInterest(slug, { message, answers, ...(mine.length > 1 && organisation ? { organisation } : {}) });
      setSent(true);
    }),
  );
  if (sent)
    return (
      <p role="status" className="success">
        {t('marketplace.interest.sent')} <Link to="/my/interests">{t('marketplace.myInterests.title')}</Link>
      </p>
    );
  return (
    <form className="stack interest-form" onSubmit={send.onSubmit} noValidate>
      {mine.length > 1 && (
        <>
          <SelectField
            id="interest-organisation"
            label={t('marketplace.fields.organisation')}
            value={organisation}
            options={mine.map((o) => ({ value: o.slug, label: text(o.name) }))}
            placeholder={t('marketplace.editor.chooseOrganisation')}
            onChange={setOrganisation}
          />
          <FieldError errors={errors} field="body.organisation" id="interest-organisation-error" />
        </>
      )}
      <TextArea
        id="interest-message"
        field="body.message"
        label={t('marketplace.interest.message')}
        value={message}
        max={OFFER_LIMITS.interestMessage}
        rows={5}
        onChange={setMessage}
        errors={errors}
      />
      {QUESTIONS.map((q) => (
        <TextArea
          key={q}
          id={`interest-${q}`}
          field={`body.answers.${q}`}
          label={t(`marketplace.interest.questions.${q}`)}
          value={answers[q]}
          max={OFFER_LIMITS.interestAnswer}
          rows={2}
          onChange={(v) => setAnswers((a) => ({ ...a, [q]: v }))}
          errors={errors}
        />
      ))}
      <div className="row">
        <button type="submit" disabled={send.busy}>
          {t('marketplace.interest.send')}
        </button>
      </div>
      <Outcome error={send.error} done={null} />
    </form>
  );
}

function TextArea(props: {
  id: string;
  field: string;
  label: string;
  value: string;
  max: number;
  rows: number;
  onChange(value: string): void;
  errors: ReturnType<typeof useFieldErrors>;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        rows={props.rows}
        maxLength={props.max}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...invalidProps(props.errors, props.field, `${props.id}-error`)}
      />
      <FieldError errors={props.errors} field={props.field} id={`${props.id}-error`} />
    </div>
  );
}
