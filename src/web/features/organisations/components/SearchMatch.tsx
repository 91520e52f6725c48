import '../search-match.css';
import type { SearchMatch as Match, TextSegment } from '../../../../shared/schemas/search';
import type { MultilingualText } from '../../../../shared/multilingual';
import { resolveText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';

/** A text with the search's hits marked. */
export function Highlighted({ segments }: { segments: TextSegment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/**
 * A multilingual text with the search's hits marked when the reader sees it in the language the hits were
 * found in; otherwise the plain text (the original with its hits is shown by MatchExplanation).
 */
export function MatchedText({ value, match, field }: { value: MultilingualText | null; match?: Match; field: 'name' | 'description' }) {
  const { lang } = useI18n();
  const highlight = match?.highlights.find((h) => h.field === field);
  const shown = resolveText(value, lang);
  if (highlight && shown?.lang === highlight.language) return <Highlighted segments={highlight.segments} />;
  return <MlText value={value} />;
}

/** Why a record matched: the original text with its hits, when the reader sees a translation, and the shared concepts. */
export function MatchExplanation({ match, description }: { match: Match; description: MultilingualText | null }) {
  const { lang, t } = useI18n();
  const label = useMlString();
  const original = match.highlights.find((h) => h.field === 'description');
  const shownInOriginal = original && resolveText(description, lang)?.lang === original.language;
  return (
    <div className="match">
      <MatchedWords words={match.words} />
      {original && !shownInOriginal && (
        <p className="match-original" lang={original.language}>
          <span className="match-label">{t('directory.inOriginal', { language: t(`language.names.${original.language}`) })}</span>{' '}
          <Highlighted segments={original.segments} />
        </p>
      )}
      {(match.areas.length > 0 || match.nace.length > 0) && (
        <p className="match-reasons match-codes">
          <span className="match-label">{t('directory.matchedByCodes')}</span>{' '}
          {match.areas.map((a) => (
            <span key={a.code} className="concept">
              {label(a.name)}
            </span>
          ))}
          {match.nace.map((n) => (
            <span key={n.code} className="concept">
              {n.code} {n.title[lang] ?? n.title.en}
            </span>
          ))}
        </p>
      )}
      {match.reasons.length > 0 && (
        <p className="match-reasons">
          <span className="match-label">{t('directory.matchedBecause')}</span>{' '}
          {match.reasons.map((r) => (
            <span key={r.concept.code} className="concept" title={r.found.map((f) => f.term).join(', ')}>
              {label(r.concept.label)}
              {r.found[0] && (
                <>
                  {' '}
                  <q lang={r.found[0].language}>{r.found[0].term}</q>
                </>
              )}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/**
 * Which of the query's words the record matched, and how when it is not plain to see (a code's title, a
 * concept, a translation), then those it did not: a long query ranks records by how much of it they
 * cover, so the reader sees what each covers. Nothing for a one-word query matched as typed.
 */
export function MatchedWords({ words }: { words: Match['words'] }) {
  const { lang, t } = useI18n();
  const found = words.filter((w) => w.way !== null);
  const missing = words.filter((w) => w.way === null);
  if (words.length < 2 && found.every((w) => w.way === 'text')) return null;
  const how = (w: Match['words'][number]) => {
    switch (w.way) {
      case 'code':
        return t('directory.wayCode');
      case 'concept':
        return t('directory.wayConcept');
      case 'name':
        return t('directory.wayName');
      case 'translation':
        // the record's own word, which the reader can find in its text; the vocabulary entry's title is too broad to show
        return w.via?.term ? t('directory.wayTranslation', { term: w.via.term }) : t('directory.wayTranslated');
      default:
        return null;
    }
  };
  return (
    <p className="match-words">
      {found.length > 0 && (
        <>
          <span className="match-label">{t('directory.wordsFound')}</span>{' '}
          {found.map((w, i) => {
            const note = how(w);
            const title = w.way === 'translation' ? (w.via?.label?.[lang] ?? w.via?.label?.en) : undefined;
            return (
              <span key={i} className="word-found" title={title}>
                {w.word}
                {note && <span className="word-way"> ({note})</span>}
                {i < found.length - 1 ? ', ' : ''}
              </span>
            );
          })}
        </>
      )}
      {missing.length > 0 && (
        <>
          {found.length > 0 && ' · '}
          <span className="match-label">{t('directory.wordsMissing')}</span>{' '}
          <span className="word-missing">{missing.map((w) => w.word).join(', ')}</span>
        </>
      )}
    </p>
  );
}
