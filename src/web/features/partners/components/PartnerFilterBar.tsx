import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions } from '../../../shared/ui/FilterOptions';
import type { PartnerFilters } from '../api/partners';

const FILTERS = ['region', 'kind', 'sector', 'area'] as const;

/**
 * The suggested partners' filters. Without a region, partners come from beyond the organisation's own
 * region (its region, the region above it and that region's other parts); a region chosen replaces that.
 */
export function PartnerFilterBar({ filters, onChange }: { filters: PartnerFilters; onChange(filters: PartnerFilters): void }) {
  const { t } = useI18n();
  const options = useFilterOptions();
  return (
    <div className="partner-filters">
      {FILTERS.map((f) => (
        <label key={f} className="filter">
          <span>{t(`directory.${f}`)}</span>
          <select value={filters[f] ?? ''} onChange={(e) => onChange({ ...filters, [f]: e.target.value || undefined })}>
            <option value="">{f === 'region' ? t('partners.beyondOwnRegion') : t('directory.any')}</option>
            <FilterOptions options={options[f]} />
          </select>
        </label>
      ))}
    </div>
  );
}
