import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions } from '../../../shared/ui/FilterOptions';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import type { PartnerFilters } from '../api/partners';

const SELECTS = ['kind', 'sector', 'area'] as const;

/**
 * The suggested partners' filters. Without a region, partners come from beyond the organisation's own
 * region (its region, the region above it and that region's other parts); a region chosen replaces that.
 * The region is typed: a list of 2,000 regions is no list to scroll.
 */
export function PartnerFilterBar({ filters, onChange }: { filters: PartnerFilters; onChange(filters: PartnerFilters): void }) {
  const { t } = useI18n();
  const options = useFilterOptions();
  const regions = useRegionGroups();
  return (
    <div className="partner-filters">
      <TypeaheadSelect
        className="filter"
        label={t('directory.region')}
        placeholder={t('partners.beyondOwnRegion')}
        data={regions.groups}
        searchText={regions.searchText}
        limit={REGION_CHOICES_SHOWN}
        clearable
        // Mantine hides its clear button from keyboards and screen readers; one can clear the region with both
        clearButtonProps={{ 'aria-label': t('partners.clearRegion'), 'aria-hidden': false, tabIndex: 0 }}
        value={filters.region ?? null}
        onChange={(region) => onChange({ ...filters, region: region || undefined })}
      />
      {SELECTS.map((f) => (
        <label key={f} className="filter">
          <span>{t(`directory.${f}`)}</span>
          <select value={filters[f] ?? ''} onChange={(e) => onChange({ ...filters, [f]: e.target.value || undefined })}>
            <option value="">{t('directory.any')}</option>
            <FilterOptions options={options[f]} />
          </select>
        </label>
      ))}
    </div>
  );
}
