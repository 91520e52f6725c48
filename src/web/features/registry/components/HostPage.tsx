import '../registry.css';
import { Link, useParams } from 'react-router';
import type { RecordSummary } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useAction } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useApi } from '../../../shared/api/useApi';
import type { OrganisationDetail } from '../../../../shared/schemas/organisations';
import { changeStage, listPage, recordPage, useRecordList } from '../api/registry';
import { PartyName } from './PartyName';
import { RecordDate, StageBadge } from './record-words';

/** What the host does next with a residency at each stage: admit or decline an application, a resident's arrival and graduation. */
const NEXT: Record<string, { to: string; label: string; secondary?: boolean }[]> = {
  application: [
    { to: 'admitted', label: 'registry.host.admit' },
    { to: 'declined', label: 'registry.host.decline', secondary: true },
  ],
  admitted: [{ to: 'resident', label: 'registry.host.movedIn' }],
  resident: [{ to: 'graduated', label: 'registry.host.graduate' }],
};

const GROUPS = [
  { key: 'applications', stages: ['application'] },
  { key: 'residents', stages: ['admitted', 'resident'] },
  { key: 'past', stages: ['graduated', 'declined', 'withdrawn'] },
] as const;

/** A technopark's "Applications and residents": the residencies it hosts, with the host's decisions. */
export function HostPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const host = useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(slug)}`);
  const list = useRecordList('residency', { host: slug, pageSize: 100 });
  const act = useAction();
  useTitle(t('registry.host.title'));
  const items = list.data?.items ?? [];
  return (
    <>
      <p>
        <Link to={listPage('residency')}>← {t('registry.kinds.residency.list')}</Link>
      </p>
      <h1>{t('registry.host.title')}</h1>
      {host.data && (
        <p className="lead">
          <Link to={`/organisations/${encodeURIComponent(slug)}`}>
            <MlText value={host.data.name} />
          </Link>
        </p>
      )}
      <Status state={list} />
      <Outcome error={act.error} done={null} />
      {GROUPS.map((g) => {
        const inGroup = items.filter((r) => (g.stages as readonly string[]).includes(r.stage));
        return (
          <section key={g.key} aria-labelledby={`host-${g.key}`}>
            <h2 id={`host-${g.key}`}>{t(`registry.host.${g.key}`)}</h2>
            {inGroup.length === 0 ? (
              <p className="muted">{t('registry.host.none')}</p>
            ) : (
              <ul className="cards">
                {inGroup.map((r) => (
                  <HostRow key={r.id} record={r} onAct={(to) => act.run(() => changeStage('residency', r.slug, { to }), list.reload)} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

function HostRow({ record, onAct }: { record: RecordSummary; onAct(to: string): void }) {
  const { t } = useI18n();
  const resident = record.parties.find((p) => p.role === 'resident');
  return (
    <li className="card host-row">
      <h3 className="card-title">
        <Link to={recordPage('residency', record.slug)}>
          <MlText value={record.title} />
        </Link>
      </h3>
      <p className="meta">
        {resident && (
          <span>
            <span className="muted">{t('registry.roles.resident')}</span> <PartyName party={resident} />
          </span>
        )}
        <StageBadge kind="residency" stage={record.stage} />
        {record.dated && <RecordDate date={record.dated} />}
      </p>
      {NEXT[record.stage] && (
        <div className="row">
          {NEXT[record.stage]!.map((n) => (
            <button key={n.to} type="button" className={n.secondary ? 'secondary' : undefined} onClick={() => onAct(n.to)}>
              {t(n.label)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}
