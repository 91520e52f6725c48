import { useEffect, useState } from 'react';
import { ACADEMIC_PARTNERSHIP_KINDS, AGREEMENT_TYPES, stagesOf, type RecordKind } from '../../../../shared/registry';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions, type FilterOption } from '../../../shared/ui/FilterOptions';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { readPartialDate } from '../hooks/partial-date-input';
import type { RecordQuery } from '../hooks/useRecordQuery';

const TYPES: Partial<Record<RecordKind, readonly string[]>> = {
  agreement: AGREEMENT_TYPES,
  academic_partnership: ACADEMIC_PARTNERSHIP_KINDS,
};

/** A list's filters: type, stage, area, a party's region, and the period its date meets (a year, a month or a day). */
export function RecordFilters({
  kind,
  query,
  onChange,
}: {
  kind: RecordKind;
  query: RecordQuery;
  onChange(changes: Partial<RecordQuery>): void;
}) {
  const { t } = useI18n();
  const options = useFilterOptions();
  const regions = useRegionGroups();
  const types = TYPES[kind];
  const typeLabel = kind === 'agreement' ? 'registry.types' : 'registry.academicKinds';
  const one = (values: string[] | undefined) => values?.[0] ?? '';
  const many = (value: string) => (value ? [value] : undefined);
  return (
    <fieldset className="filters record-filters">
      <legend>{t('registry.list.filters')}</legend>
      <div className="row">
        {types && (
          <ChoiceFilter
            id="records-type"
            label={t('registry.list.type')}
            value={one(query.type)}
            options={types.map((v) => ({ value: v, label: t(`${typeLabel}.${v}`) }))}
            onChange={(v) => onChange({ type: many(v) })}
          />
        )}
        <ChoiceFilter
          id="records-stage"
          label={t('registry.list.stage')}
          value={one(query.stage)}
          options={stagesOf(kind).map((s) => ({ value: s, label: t(`registry.stages.${kind}.${s}`) }))}
          onChange={(v) => onChange({ stage: many(v) })}
        />
        <ChoiceFilter
          id="records-area"
          label={t('registry.fields.area')}
          value={one(query.area)}
          options={options.area}
          onChange={(v) => onChange({ area: many(v) })}
        />
        <TypeaheadSelect
          id="records-region"
          className="field region-field"
          label={t('registry.list.region')}
          data={regions.groups}
          searchText={regions.searchText}
          limit={REGION_CHOICES_SHOWN}
          value={one(query.region) || null}
          allowDeselect
          clearable
          onChange={(region) => onChange({ region: many(region ?? '') })}
          placeholder={t('registry.list.anyRegion')}
        />
        <PeriodBound id="records-from" label={t('registry.list.from')} value={query.from} onChange={(from) => onChange({ from })} />
        <PeriodBound id="records-to" label={t('registry.list.to')} value={query.to} onChange={(to) => onChange({ to })} />
      </div>
    </fieldset>
  );
}

/** A filter of one choice among a few, or any. */
function ChoiceFilter({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: FilterOption[];
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('registry.list.any')}</option>
        <FilterOptions options={options} />
      </select>
    </div>
  );
}

const sameDate = (typed: string, value: string | undefined) => {
  const read = readPartialDate(typed);
  return 'value' in read && read.value === (value ?? null);
};

/** One end of the period: applied as soon as it reads as a year, a month or a day (or is emptied). */
function PeriodBound({ id, label, value, onChange }: { id: string; label: string; value?: string; onChange(value?: string): void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(value ?? '');
  // a filter changed from outside (the address) replaces what was typed, unless it reads as the same
  useEffect(() => setTyped((now) => (sameDate(now, value) ? now : (value ?? ''))), [value]);
  const read = readPartialDate(typed);
  return (
    <div className="field period-bound">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        size={10}
        placeholder={t('registry.list.periodPlaceholder')}
        value={typed}
        aria-invalid={'problem' in read || undefined}
        aria-describedby={'problem' in read ? `${id}-problem` : undefined}
        onChange={(e) => {
          setTyped(e.target.value);
          const next = readPartialDate(e.target.value);
          if (!('problem' in next)) onChange(next.value ?? undefined);
        }}
      />
      {'problem' in read && (
        <small id={`${id}-problem`} className="error">
          {t(`registry.date.${read.problem}`)}
        </small>
      )}
    </div>
  );
}
