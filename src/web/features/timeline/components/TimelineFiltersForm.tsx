import { useState } from 'react';
import { PARTIAL_DATE_PATTERN } from '../../../../shared/partial-date';
import { TIMELINE_ENTRY_KINDS, type TimelineEntryKind } from '../../../../shared/schemas/timeline';
import { useAreas } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import type { TimelineFilters } from '../api/timeline';

const DATE = new RegExp(PARTIAL_DATE_PATTERN);

/** A period bound as typed; applied when it is a date (2004, 2004-06, 2004-06-15) or empty. */
function DateInput({ name, label, value, onChange }: { name: string; label: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(value);
  const valid = typed === '' || DATE.test(typed);
  return (
    <label className="filter">
      <span>{label}</span>
      <input
        name={name}
        value={typed}
        inputMode="numeric"
        placeholder={t('timeline.datePlaceholder')}
        aria-invalid={!valid}
        onChange={(e) => {
          setTyped(e.target.value.trim());
          if (e.target.value.trim() === '' || DATE.test(e.target.value.trim())) onChange(e.target.value.trim());
        }}
      />
      {!valid && <span className="error">{t('timeline.dateHint')}</span>}
    </label>
  );
}

export function TimelineFiltersForm({
  filters,
  onChange,
}: {
  filters: TimelineFilters;
  onChange(changes: Partial<TimelineFilters>): void;
}) {
  const { t } = useI18n();
  const text = useMlString();
  const areas = useAreas();
  const toggle = (kind: TimelineEntryKind, on: boolean) =>
    onChange({ kind: on ? [...filters.kind, kind] : filters.kind.filter((k) => k !== kind) });
  return (
    <fieldset className="filters timeline-filters">
      <legend>{t('timeline.filters')}</legend>
      <div className="timeline-kinds" role="group" aria-label={t('timeline.kind')}>
        {TIMELINE_ENTRY_KINDS.map((kind) => (
          <label key={kind} className="timeline-kind-choice">
            <input
              type="checkbox"
              name="kind"
              value={kind}
              checked={filters.kind.includes(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />{' '}
            {t(`timeline.kinds.${kind}`)}
          </label>
        ))}
      </div>
      <label className="filter">
        <span>{t('timeline.area')}</span>
        <select name="area" value={filters.area} onChange={(e) => onChange({ area: e.target.value })}>
          <option value="">{t('timeline.anyArea')}</option>
          {(areas.status === 'ready' ? areas.data.items : []).map((a) => (
            <option key={a.code} value={a.code}>
              {text(a.name)}
            </option>
          ))}
        </select>
      </label>
      <DateInput name="from" label={t('timeline.from')} value={filters.from} onChange={(from) => onChange({ from })} />
      <DateInput name="to" label={t('timeline.to')} value={filters.to} onChange={(to) => onChange({ to })} />
      <label className="filter">
        <span>{t('timeline.order')}</span>
        <select name="order" value={filters.order} onChange={(e) => onChange({ order: e.target.value as TimelineFilters['order'] })}>
          <option value="newest">{t('timeline.newest')}</option>
          <option value="oldest">{t('timeline.oldest')}</option>
        </select>
      </label>
    </fieldset>
  );
}
