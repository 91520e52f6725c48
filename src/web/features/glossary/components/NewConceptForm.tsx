import { useState } from 'react';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Field, Outcome, useSubmit } from '../../../shared/ui/forms';
import { createConcept } from '../api/glossary';

const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** A new concept: its code, wider concepts, NACE classes and at least one term; several terms of a language are comma-separated. */
export function NewConceptForm({ onCreated }: { onCreated(): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [broader, setBroader] = useState('');
  const [nace, setNace] = useState('');
  const [terms, setTerms] = useState<Record<Language, string>>({ ru: '', fr: '', en: '' });
  const submit = useSubmit(async () => {
    const change = await createConcept({
      code,
      broader: list(broader),
      nace: list(nace),
      terms: LANGUAGES.flatMap((language) => list(terms[language]).map((term) => ({ language, term }))),
    });
    onCreated();
    return t('glossary.created', { code: change.concept.code, count: change.retagged });
  });
  return (
    <details className="new-concept">
      <summary>{t('glossary.newConcept')}</summary>
      <form onSubmit={submit.onSubmit}>
        <Field
          label={t('glossary.code')}
          name="code"
          value={code}
          required
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(e) => setCode(e.target.value)}
          hint={t('glossary.codeHint')}
        />
        {LANGUAGES.map((l) => (
          <Field
            key={l}
            label={t('glossary.termsIn', { language: t(`language.names.${l}`) })}
            name={`terms-${l}`}
            lang={l}
            value={terms[l]}
            onChange={(e) => setTerms({ ...terms, [l]: e.target.value })}
            hint={t('words.termsHint')}
          />
        ))}
        <Field
          label={t('glossary.broader')}
          name="broader"
          value={broader}
          onChange={(e) => setBroader(e.target.value)}
          hint={t('glossary.listHint')}
        />
        <Field label="NACE" name="nace" value={nace} onChange={(e) => setNace(e.target.value)} hint={t('glossary.listHint')} />
        <button type="submit" disabled={submit.busy}>
          {t('glossary.create')}
        </button>
        <Outcome error={submit.error} done={submit.done} />
      </form>
    </details>
  );
}
