import '../registry.css';
import { Link, NavLink, useParams } from 'react-router';
import { RECORD_KINDS, type RecordKind } from '../../../../shared/registry';
// a list address of no kind answers as every unknown address does
import { NotFoundPage } from '../../not-found/components/NotFoundPage';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useSession } from '../../../shared/session/SessionProvider';
import { Pagination } from '../../../shared/ui/Pagination';
import { kindOfCollection, listPage, useRecordList } from '../api/registry';
import { useRecordQuery } from '../hooks/useRecordQuery';
import { RecordFilters } from './RecordFilters';
import { RecordRow } from './RecordRow';

const PAGE_SIZE = 20;

/** The Cooperation section: one list per kind (a switch between them), filtered, newest first. */
export function RegistryListPage() {
  const { collection } = useParams();
  // /cooperation is the agreements' list; /cooperation/<anything else> is no page
  if (collection !== undefined && !kindOfCollection(collection)) return <NotFoundPage />;
  return <RecordList kind={kindOfCollection(collection) ?? 'agreement'} collection={collection} />;
}

function RecordList({ kind, collection }: { kind: RecordKind; collection: string | undefined }) {
  const { t } = useI18n();
  const { session } = useSession();
  const { query, update } = useRecordQuery();
  const result = useRecordList(kind, { ...query, pageSize: PAGE_SIZE });
  useTitle(t(`registry.kinds.${kind}.list`));
  const data = result.data;
  return (
    <>
      <h1>{t('registry.title')}</h1>
      <nav className="kind-switch" aria-label={t('registry.list.kinds')}>
        {RECORD_KINDS.map((k) => (
          <NavLink key={k} to={listPage(k)} className={() => (k === kind ? 'active' : '')} aria-current={k === kind ? 'page' : undefined}>
            {t(`registry.kinds.${k}.list`)}
          </NavLink>
        ))}
      </nav>
      {session?.user && (
        <p className="row">
          <Link className="button" to={`/cooperation/new?kind=${collection ?? 'agreements'}`}>
            {t('registry.list.new')}
          </Link>
        </p>
      )}
      {kind === 'residency' && session?.user && <HostLinks />}
      <RecordFilters kind={kind} query={query} onChange={update} />
      <section className="results" aria-busy={result.status === 'loading'}>
        <Status state={result} />
        {data && (
          <>
            <p className="result-count" role="status">
              {data.capped
                ? t('registry.list.countCapped', { count: data.meta.total })
                : t('registry.list.count', { count: data.meta.total })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('registry.list.none')}</p>
            ) : (
              <ul className="cards record-list">
                {data.items.map((r) => (
                  <RecordRow key={r.id} record={r} />
                ))}
              </ul>
            )}
            <Pagination page={data.meta.page} pageCount={data.meta.pageCount} onPage={(page) => update({ page })} />
          </>
        )}
      </section>
    </>
  );
}

/** For the editors of a technopark: the way to its applications and residents. */
function HostLinks() {
  const { t } = useI18n();
  const text = useMlString();
  const mine = useApi<{ items: { slug: string; kind: string; name: Parameters<typeof text>[0]; myRole: string }[] }>('/me/organisations');
  const hosts = (mine.data?.items ?? []).filter((o) => o.kind === 'technopark' && (o.myRole === 'org_admin' || o.myRole === 'org_editor'));
  if (hosts.length === 0) return null;
  return (
    <ul className="host-links">
      {hosts.map((h) => (
        <li key={h.slug}>
          <Link to={`/cooperation/hosts/${encodeURIComponent(h.slug)}`}>{t('registry.host.linkFor', { name: text(h.name) })}</Link>
        </li>
      ))}
    </ul>
  );
}
