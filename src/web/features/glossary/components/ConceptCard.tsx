import { useRef, useState } from 'react';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { Concept, GlossaryChange } from '../../../../shared/schemas/glossary';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { addTerm, removeTerm } from '../api/glossary';

/** A concept with its terms by language; editors add and remove terms, and learn how many organisations were re-tagged. */
export function ConceptCard({ concept, editable, onChange }: { concept: Concept; editable: boolean; onChange(): void }) {
  const { t } = useI18n();
  const text = useMlString();
  const [language, setLanguage] = useState<Language>('ru');
  const [term, setTerm] = useState('');
  const retagged = (change: GlossaryChange) => {
    onChange();
    return t('glossary.retagged', { count: change.retagged });
  };
  const add = useSubmit(async () => {
    const change = await addTerm(concept.code, { language, term });
    setTerm('');
    return retagged(change);
  });
  // a ref, not state: the click sets it and submits at once
  const removing = useRef<string | null>(null);
  const remove = useSubmit(async () => retagged(await removeTerm(removing.current!)));
  const fieldId = `term-${concept.code}`;

  return (
    <li className="card concept-card">
      <h2 className="card-title">
        {text(concept.label)} <code>{concept.code}</code>
      </h2>
      {(concept.broader.length > 0 || concept.naceClasses.length > 0) && (
        <p className="meta">
          {concept.broader.length > 0 && (
            <span>
              {t('glossary.broader')} {concept.broader.join(', ')}
            </span>
          )}
          {concept.naceClasses.length > 0 && <span>NACE {concept.naceClasses.join(', ')}</span>}
        </p>
      )}
      <dl className="terms">
        {LANGUAGES.map((lang) => (
          <div key={lang}>
            <dt>{t(`language.names.${lang}`)}</dt>
            <dd lang={lang}>
              {concept.terms
                .filter((x) => x.language === lang)
                .map((x) => (
                  <span key={x.id} className="term">
                    {x.term}
                    {editable && (
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('glossary.removeTerm', { term: x.term })}
                        onClick={() => {
                          removing.current = x.id;
                          void remove.onSubmit();
                        }}
                      >
                        ×
                      </button>
                    )}
                  </span>
                ))}
            </dd>
          </div>
        ))}
      </dl>
      {editable && (
        <form className="inline-form" onSubmit={add.onSubmit}>
          <label htmlFor={`${fieldId}-lang`}>{t('glossary.termLanguage')}</label>
          <select id={`${fieldId}-lang`} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.names.${l}`)}
              </option>
            ))}
          </select>
          <label htmlFor={fieldId}>{t('glossary.newTerm')}</label>
          <input id={fieldId} value={term} required maxLength={200} onChange={(e) => setTerm(e.target.value)} />
          <button type="submit" disabled={add.busy}>
            {t('glossary.addTerm')}
          </button>
        </form>
      )}
      <Outcome error={add.error ?? remove.error} done={add.done ?? remove.done} />
    </li>
  );
}
