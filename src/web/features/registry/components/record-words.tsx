import { formatPartialDate } from '../../../../shared/partial-date';
import type { RecordKind } from '../../../../shared/registry';
import type { PartialDateView, RecordSummary } from '../../../../shared/schemas/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/** A partial date as its readers write it, at its own precision ("2004", «juin 2004»); never 1 January. */
export function RecordDate({ date }: { date: PartialDateView }) {
  const { lang } = useI18n();
  return (
    <time dateTime={date.value} className="record-date">
      {formatPartialDate(date.value, lang)}
    </time>
  );
}

/** The stage's name, with the kind's wording (a residency's "admitted", an agreement's "in force"). */
export function StageBadge({ kind, stage }: { kind: RecordKind; stage: string }) {
  const { t } = useI18n();
  return <span className={`badge stage stage-${stage}`}>{t(`registry.stages.${kind}.${stage}`)}</span>;
}

/** An agreement's type, an academic partnership's kinds, or the record's kind for the others. */
export function TypeLabel({ record }: { record: Pick<RecordSummary, 'kind' | 'type' | 'kinds'> }) {
  const { t } = useI18n();
  if (record.type) return <span className="record-type">{t(`registry.types.${record.type}`)}</span>;
  if (record.kinds.length)
    return <span className="record-type">{record.kinds.map((k) => t(`registry.academicKinds.${k}`)).join(', ')}</span>;
  return <span className="record-type">{t(`registry.kinds.${record.kind}.one`)}</span>;
}
