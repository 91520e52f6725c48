import { Link } from 'react-router';
import type { RecordSearchResult } from '../../../../shared/schemas/registry-search';
import { resolveText } from '../../../../shared/multilingual';
import { formatPartialDate } from '../../../../shared/partial-date';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Highlighted, MatchedWords } from '../../organisations/components/SearchMatch';
import { recordPagePath } from '../../../../shared/record-pages';

/** One record found: its title (marked where the reader sees the original), kind, stage, date, parties, and why it matched. */
export function RecordResult({ record: r }: { record: RecordSearchResult }) {
  const { t, lang } = useI18n();
  const label = useMlString();
  const titleShown = resolveText(r.title, lang);
  return (
    <li className="card record-result">
      <h3>
        <Link to={recordPagePath(r.kind, r.slug)}>
          {titleShown?.lang === r.titleHighlight.language ? <Highlighted segments={r.titleHighlight.segments} /> : <MlText value={r.title} />}
        </Link>
      </h3>
      <p className="meta">
        <span className="badge">{t(`registrySearch.kind.${r.kind}`)}</span>
        <span className="badge">{t(`registrySearch.stage.${r.stage}`)}</span>
        {r.date && <span>{formatPartialDate(r.date.value, lang)}</span>}
      </p>
      {r.parties.length > 0 && (
        <p className="record-parties">
          <span className="match-label">{t('registrySearch.parties')}</span> {r.parties.map((p) => label(p)).join(' · ')}
        </p>
      )}
      {r.summary && (
        <p className="description">
          {/* the words are marked in the text as written: said so, as the directory's results do */}
          {r.summary.language !== lang && (
            <span className="match-label">{t('directory.inOriginal', { language: t(`language.names.${r.summary.language}`) })} </span>
          )}
          <span lang={r.summary.language}>
            <Highlighted segments={r.summary.segments} />
          </span>
        </p>
      )}
      <div className="match">
        <MatchedWords words={r.match.words} />
        {r.match.concepts.length > 0 && (
          <p className="match-reasons">
            <span className="match-label">{t('directory.matchedBecause')}</span>{' '}
            {r.match.concepts.map((c) => (
              <span key={c.code} className="concept">
                {label(c.label)}
              </span>
            ))}
          </p>
        )}
      </div>
    </li>
  );
}
