import { ORGANISATION_KINDS, SECTORS } from '../../../../shared/domain';
import { useAreas, useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import type { PartnerFilters } from '../api/partners';

const FILTERS = ['region', 'kind', 'sector', 'area'] as const;

/**
 * The suggested partners' filters. Without a region, partners come from beyond the organisation's own
 * region (its region, the region above it and that region's other parts); a region chosen replaces that.
 */
export function PartnerFilterBar({ filters, onChange }: { filters: PartnerFilters; onChange(filters: PartnerFilters): void }) {
  const { t } = useI18n();
  const text = useMlString();
  const regions = useRegions().data?.items ?? [];
  const areas = useAreas().data?.items ?? [];
  const options: Record<(typeof FILTERS)[number], { value: string; label: string }[]> = {
    region: regions.map((r) => ({ value: r.code, label: `${r.parentCode ? '— ' : ''}${text(r.name)} (${r.code})` })),
    kind: ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    sector: SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) })),
    area: areas.map((a) => ({ value: a.code, label: text(a.name) })),
  };

  return (
    <div className="partner-filters">
      {FILTERS.map((f) => (
        <label key={f} className="filter">
          <span>{t(`directory.${f}`)}</span>
          <select value={filters[f] ?? ''} onChange={(e) => onChange({ ...filters, [f]: e.target.value || undefined })}>
            <option value="">{f === 'region' ? t('partners.beyondOwnRegion') : t('directory.any')}</option>
            {options[f].map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      ))}
    </div>
  );
}
