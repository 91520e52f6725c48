import '../registry-search.css';
import { useEffect, useState } from 'react';
import { RECORD_KINDS, type RecordKind } from '../../../../shared/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useRecordSearch } from '../api/registry-search';
import { RecordResult } from './RecordResult';

/** Records shown at first beside the organisations; "more" shows the next ones. */
const SHOWN = 5;

/**
 * The cooperation records (agreements, initiatives, academic partnerships, residencies) the directory's
 * words find, beside the organisations: how many of each kind, a kind to narrow to, and the best first.
 */
export function RecordResults({ q }: { q: string | undefined }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<RecordKind | null>(null);
  const [shown, setShown] = useState(SHOWN);
  // new words: every kind again, the first few
  useEffect(() => {
    setKind(null);
    setShown(SHOWN);
  }, [q]);
  const result = useRecordSearch(q, kind, 1, shown);
  if (!q) return null;
  const data = result.data;
  const counts = data?.facets.kind ?? {};
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section className="record-results" aria-labelledby="record-results-title" aria-busy={result.status === 'loading'}>
      <h2 id="record-results-title">{t('registrySearch.title')}</h2>
      <Status state={result} />
      {data && (
        <>
          <div className="record-kinds" role="group" aria-label={t('registrySearch.kinds')}>
            <button type="button" aria-pressed={kind === null} onClick={() => (setKind(null), setShown(SHOWN))}>
              {t('registrySearch.allKinds', { count: all })}
            </button>
            {RECORD_KINDS.filter((k) => counts[k]).map((k) => (
              <button key={k} type="button" aria-pressed={kind === k} onClick={() => (setKind(k), setShown(SHOWN))}>
                {t(`registrySearch.kindCount.${k}`, { count: counts[k]! })}
              </button>
            ))}
          </div>
          {data.partial && data.results.length > 0 && <p className="partial-notice records-partial">{t('registrySearch.partial')}</p>}
          {data.results.length === 0 ? (
            <p>{t('registrySearch.none')}</p>
          ) : (
            <ul className="cards">
              {data.results.map((r) => (
                <RecordResult key={r.slug} record={r} />
              ))}
            </ul>
          )}
          {data.total > data.results.length && (
            <button type="button" className="link-button" onClick={() => setShown((n) => Math.min(n + SHOWN * 2, 100))}>
              {t('registrySearch.more', { count: data.total - data.results.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
