import { OFFER_KINDS, PARTNERSHIP_KINDS_SOUGHT } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions, type FilterOption } from '../../../shared/ui/FilterOptions';
import { REGION_CHOICES_SHOWN, useRegionGroups, withCount } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import type { MarketQuery } from '../api/marketplace';

type Facets = { kind: Record<string, number> } & Partial<Record<string, Record<string, number>>>;

/** The marketplace's filters: kind (with how many offers each gives), area, owner's region, target region, partnership sought. */
export function OfferFilters({
  query,
  facets,
  onChange,
}: {
  query: MarketQuery;
  facets?: Facets;
  onChange(changes: Partial<MarketQuery>): void;
}) {
  const { t } = useI18n();
  const options = useFilterOptions();
  const regions = useRegionGroups(facets?.region as Record<string, number> | undefined);
  const targets = useRegionGroups();
  const one = (values: string[] | undefined) => values?.[0] ?? '';
  const many = (value: string | null) => (value ? [value] : undefined);
  const counted = (list: FilterOption[], counts?: Record<string, number>) =>
    list.map((o) => ({ ...o, label: withCount(o.label, counts ? (counts[o.value] ?? 0) : undefined) }));
  return (
    <fieldset className="filters offer-filters">
      <legend>{t('marketplace.filters')}</legend>
      <div className="row">
        <ChoiceFilter
          id="offers-kind"
          label={t('marketplace.fields.kind')}
          value={one(query.kind)}
          options={counted(
            OFFER_KINDS.map((k) => ({ value: k, label: t(`marketplace.kinds.${k}`) })),
            facets?.kind,
          )}
          onChange={(v) => onChange({ kind: many(v) })}
        />
        <ChoiceFilter
          id="offers-area"
          label={t('marketplace.fields.areas')}
          value={one(query.area)}
          options={counted(options.area, facets?.area)}
          onChange={(v) => onChange({ area: many(v) })}
        />
        <ChoiceFilter
          id="offers-partnership"
          label={t('marketplace.fields.partnershipKinds')}
          value={one(query.partnership)}
          options={counted(
            PARTNERSHIP_KINDS_SOUGHT.map((k) => ({ value: k, label: t(`marketplace.partnershipKinds.${k}`) })),
            facets?.partnership,
          )}
          onChange={(v) => onChange({ partnership: many(v) })}
        />
        <TypeaheadSelect
          id="offers-region"
          className="field region-field"
          label={t('marketplace.fields.region')}
          data={regions.groups}
          searchText={regions.searchText}
          limit={REGION_CHOICES_SHOWN}
          value={one(query.region) || null}
          allowDeselect
          clearable
          onChange={(region) => onChange({ region: many(region) })}
          placeholder={t('marketplace.anyRegion')}
        />
        <TypeaheadSelect
          id="offers-target"
          className="field region-field"
          label={t('marketplace.fields.targetRegions')}
          data={targets.groups}
          searchText={targets.searchText}
          limit={REGION_CHOICES_SHOWN}
          value={one(query.target) || null}
          allowDeselect
          clearable
          onChange={(target) => onChange({ target: many(target) })}
          placeholder={t('marketplace.anyRegion')}
        />
      </div>
    </fieldset>
  );
}

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
        <option value="">{t('marketplace.any')}</option>
        <FilterOptions options={options} />
      </select>
    </div>
  );
}
