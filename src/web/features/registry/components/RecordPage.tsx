import '../registry.css';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { RegistryRecord } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { kindOfCollection, listPage, recordPage, useRecord } from '../api/registry';
import { LinksPanel } from './LinksPanel';
import { MilestonesPanel } from './MilestonesPanel';
import { PartyName } from './PartyName';
import { RecordDate, StageBadge, TypeLabel } from './record-words';
import { StageHistory } from './StageHistory';

/**
 * One record of the registry as its readers see it, with its editors' buttons. `documents` is the slot of
 * the record's documents panel (upload and download), which its own feature fills.
 */
export function RecordPage({ documents }: { documents?: (record: RegistryRecord) => ReactNode }) {
  const { collection, slug = '' } = useParams();
  const kind = kindOfCollection(collection) ?? 'agreement';
  const { t } = useI18n();
  const text = useMlString();
  const state = useRecord(kind, slug);
  const record = state.data;
  useTitle(record ? text(record.title) : t('registry.title'));

  if (state.status === 'error' && 'status' in state.error && state.error.status === 404)
    return (
      <>
        <h1>{t('registry.record.notFound')}</h1>
        <Link to={listPage(kind)}>{t('registry.record.backToList')}</Link>
      </>
    );
  if (!record) return <Status state={state} />;
  return (
    <article className="record">
      <p>
        <Link to={listPage(kind)}>← {t(`registry.kinds.${kind}.list`)}</Link>
      </p>
      <h1>
        <MlText value={record.title} />
      </h1>
      <p className="meta">
        <TypeLabel record={record} />
        <StageBadge kind={record.kind} stage={record.stage} />
        {!record.published && <span className="badge">{t('registry.record.unpublished')}</span>}
      </p>
      {record.canEdit && (
        <p className="row">
          <Link className="button" to={`${recordPage(kind, slug)}/edit`}>
            {t('registry.record.edit')}
          </Link>
        </p>
      )}
      {record.summary && <MlText as="p" className="record-summary" value={record.summary} />}
      <RecordFacts record={record} />
      <section aria-labelledby="record-parties">
        <h2 id="record-parties">{t('registry.parties.title')}</h2>
        <ul className="party-list">
          {record.parties.map((p) => (
            <li key={p.position}>
              <PartyName party={p} /> — <span className="party-role">{t(`registry.roles.${p.role}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <Commitments record={record} />
      {record.kind === 'academic_partnership' && record.participation.length > 0 && <Participation record={record} />}
      {record.kind === 'initiative' && <MilestonesPanel record={record} onChange={state.reload} />}
      <StageHistory record={record} onChange={state.reload} />
      <LinksPanel record={record} onChange={state.reload} />
      {/* the documents panel (upload and download) goes here */}
      {documents?.(record)}
    </article>
  );
}

function RecordFacts({ record }: { record: RegistryRecord }) {
  const { t } = useI18n();
  const text = useMlString();
  return (
    <dl className="facts record-facts">
      {record.dated && (
        <>
          <dt>{t(record.kind === 'agreement' ? 'registry.fields.signed' : 'registry.fields.started')}</dt>
          <dd>
            <RecordDate date={record.dated} />
          </dd>
        </>
      )}
      <dt>{t('registry.fields.validity')}</dt>
      <dd>
        {/* "2004 – 2009" with a dash: prepositions would need each language's case ("с июня", "de juin") */}
        {!record.validFrom && !record.validUntil ? (
          <span className="open-ended">{t('registry.fields.notStated')}</span>
        ) : (
          <>
            {record.validFrom ? <RecordDate date={record.validFrom} /> : '…'}
            {' – '}
            {record.validUntil ? (
              <RecordDate date={record.validUntil} />
            ) : (
              <span className="open-ended">{t('registry.fields.openEnded')}</span>
            )}
          </>
        )}
      </dd>
      {record.areas.length > 0 && (
        <>
          <dt>{t('registry.fields.areas')}</dt>
          <dd>{record.areas.map((a) => text(a.name)).join(', ')}</dd>
        </>
      )}
      {record.services.length > 0 && (
        <>
          <dt>{t('registry.form.services')}</dt>
          <dd>{record.services.map((s) => t(`registry.services.${s}`)).join(', ')}</dd>
        </>
      )}
    </dl>
  );
}

/** An agreement's commitments: the free text, and the roles ("national coordinator of ⟨series⟩ for ⟨country⟩"). */
function Commitments({ record }: { record: RegistryRecord }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  if (!record.commitments && record.commitmentRoles.length === 0) return null;
  const countries = new Intl.DisplayNames([lang], { type: 'region' });
  const partyAt = (position: number) => record.parties.find((p) => p.position === position) ?? record.parties[position];
  return (
    <section aria-labelledby="record-commitments">
      <h2 id="record-commitments">{t('registry.form.commitments')}</h2>
      {record.commitments && <MlText as="p" className="record-commitments" value={record.commitments} />}
      {record.commitmentRoles.length > 0 && (
        <ul className="commitment-role-list">
          {record.commitmentRoles.map((c, i) => {
            const party = partyAt(c.party);
            return (
              <li key={i}>
                {party && <PartyName party={party} />}
                {' — '}
                {t(`registry.commitmentRoleText.${c.role}`, { series: text(c.eventSeries), country: countries.of(c.country) ?? c.country })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Participation({ record }: { record: RegistryRecord }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="record-participation">
      <h2 id="record-participation">{t('registry.form.participation')}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('registry.form.academicYear')}</th>
              <th scope="col">{t('registry.form.participants')}</th>
            </tr>
          </thead>
          <tbody>
            {record.participation.map((p) => (
              <tr key={p.academicYear}>
                <th scope="row">{p.academicYear}</th>
                <td>{p.participants}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
