import { useRef, useState } from 'react';
import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { Concept, GlossaryChange } from '../../../../shared/schemas/glossary';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useMlString } from '../../../shared/ui/MlText';
import { VersionConflict } from '../../../shared/ui/VersionConflict';
import { versionConflict, type Conflict } from '../../../shared/versioning';
import { addTerm, getConcept, removeTerm } from '../api/glossary';

/** A concept's terms in each language, as one line each: what a conflict compares. */
type TermsByLanguage = Record<Language, string>;
const termsByLanguage = (terms: { language: Language; term: string }[]): TermsByLanguage =>
  Object.fromEntries(
    LANGUAGES.map((l) => [
      l,
      terms
        .filter((x) => x.language === l)
        .map((x) => x.term)
        .join(', '),
    ]),
  ) as TermsByLanguage;

/** A concept with its terms by language; editors add and remove terms, and learn how many organisations were re-tagged. */
export function ConceptCard({ concept, editable, onChange }: { concept: Concept; editable: boolean; onChange(): void }) {
  const { t } = useI18n();
  const text = useMlString();
  const [language, setLanguage] = useState<Language>('ru');
  const [term, setTerm] = useState('');
  // what the change means for search, not how many rows were re-tagged: adding a term finds more
  // organisations, removing one finds fewer
  const retagged = (change: GlossaryChange, removed = false) => {
    onChange();
    const key = removed ? 'words.glossaryLost' : 'words.glossaryFound';
    return change.retagged === 0 ? t(`${key}None`) : t(key, { count: change.retagged });
  };
  // a change refused because someone else changed the concept's terms since this card was loaded
  const [conflict, setConflict] = useState<
    (Conflict<TermsByLanguage> & { mine: TermsByLanguage; retry(version: number): Promise<GlossaryChange> }) | null
  >(null);
  /** Runs a change based on `version`; on a conflict, shows it and stops (returns null). */
  const attempt = async (
    change: (version: number) => Promise<GlossaryChange>,
    mine: TermsByLanguage,
    version: number,
  ): Promise<GlossaryChange | null> => {
    try {
      const done = await change(version);
      setConflict(null);
      return done;
    } catch (error) {
      if (versionConflict(error) === null) throw error;
      const now = await getConcept(concept.code);
      setConflict({ theirs: termsByLanguage(now.terms), version: now.version, mine, retry: change });
      return null;
    }
  };
  const add = useSubmit(async () => {
    const adding = { language, term: term.trim() };
    const mine = termsByLanguage([...concept.terms, adding]);
    const change = await attempt((version) => addTerm(concept.code, adding, version), mine, concept.version);
    if (!change) return;
    setTerm('');
    return retagged(change);
  });
  // a ref, not state: the click sets it and submits at once
  const removing = useRef<string | null>(null);
  const remove = useSubmit(async () => {
    const id = removing.current!;
    const mine = termsByLanguage(concept.terms.filter((x) => x.id !== id));
    const change = await attempt((version) => removeTerm(id, version), mine, concept.version);
    return change ? retagged(change, true) : undefined;
  });
  const keepMine = useSubmit(async () => {
    const change = await attempt(conflict!.retry, conflict!.mine, conflict!.version);
    if (!change) return;
    setTerm('');
    return retagged(change);
  });
  // the concept as saved now; the term being typed stays in the field
  const takeTheirs = () => {
    setConflict(null);
    onChange();
  };
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
              {t('glossary.broader')} {concept.broaderConcepts.map((b) => text(b.label)).join(', ')}
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
      {conflict && (
        <VersionConflict
          mine={conflict.mine}
          theirs={conflict.theirs}
          label={(lang) => t('glossary.termsIn', { language: t(`language.names.${lang}`) })}
          show={(_lang, value) => value}
          busy={keepMine.busy}
          onKeepMine={() => void keepMine.onSubmit()}
          onTakeTheirs={takeTheirs}
          actions={{ keepMine: 'conflict.glossary.keepMine', takeTheirs: 'conflict.glossary.takeTheirs' }}
        />
      )}
      <Outcome error={add.error ?? remove.error ?? keepMine.error} done={add.done ?? remove.done ?? keepMine.done} />
    </li>
  );
}
