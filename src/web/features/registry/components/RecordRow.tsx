import { Link } from 'react-router';
import type { RecordSummary } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { recordPage } from '../api/registry';
import { PartyNames } from './PartyName';
import { RecordDate, StageBadge, TypeLabel } from './record-words';

/** One record of a list: its title in the reader's language, type, stage, date at its own precision, parties. */
export function RecordRow({ record, headingLevel = 2 }: { record: RecordSummary; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card record-row">
      <Heading className="card-title">
        <Link to={recordPage(record.kind, record.slug)}>
          <MlText value={record.title} />
        </Link>
      </Heading>
      <p className="meta">
        <TypeLabel record={record} />
        <StageBadge kind={record.kind} stage={record.stage} />
        {record.dated && <RecordDate date={record.dated} />}
        {!record.published && <span className="badge">{t('registry.record.unpublished')}</span>}
      </p>
      <p className="record-parties">
        <PartyNames parties={record.parties} />
      </p>
    </li>
  );
}
