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
