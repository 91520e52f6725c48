import { useNaceClasses } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions, type FilterOption } from '../../../shared/ui/FilterOptions';
import { NationalCodeInput } from './NationalCodeInput';
import { RegionOptions, regionsValue, withCount } from './RegionOptions';
import type { DirectoryFacets } from '../../../../shared/schemas/organisations';
import { FILTERS, type DirectoryQuery, type Filter } from '../hooks/useDirectoryQuery';

interface Props {
  query: DirectoryQuery;
  onChange(changes: Partial<DirectoryQuery>): void;
  /** How many organisations each choice would give with the other filters as they are. */
  facets?: DirectoryFacets;
}

export function DirectoryFilters({ query, onChange, facets }: Props) {
  const { t, lang } = useI18n();
  const nace = useNaceClasses().data?.items ?? [];
  const options: Record<Filter, FilterOption[]> = {
    ...useFilterOptions(),
    nace: nace.map((n) => ({ value: n.code, label: `${n.code} ${n.title[lang] ?? n.title.en}` })),
  };
  for (const f of ['kind', 'sector', 'area'] as const)
    if (facets) options[f] = options[f].map((o) => ({ ...o, label: withCount(o.label, facets[f][o.value] ?? 0) }));

  return (
    <fieldset className="filters">
      <legend>{t('directory.filters')}</legend>
      {FILTERS.map((f) => {
        const chosen = query[f] ?? [];
        // several values come from links (a partnership side's regions); they show as one choice
        const combined = chosen.length > 1 ? regionsValue(chosen) : null;
        const label = (v: string) => options[f].find((o) => o.value === v)?.label ?? v;
        return (
          <label key={f} className="filter">
            <span>{t(`directory.${f}`)}</span>
            <select
              name={f}
              value={combined ?? chosen[0] ?? ''}
              onChange={(e) => onChange({ [f]: e.target.value ? e.target.value.split(',') : undefined })}
            >
              <option value="">{t('directory.any')}</option>
              {f === 'region' ? <RegionOptions counts={facets?.region} /> : <FilterOptions options={options[f]} />}
              {/* after the named sets, so that a partnership side's link shows as that side */}
              {combined && <option value={combined}>{chosen.map(label).join(' + ')}</option>}
            </select>
          </label>
        );
      })}
      <NationalCodeInput onResolved={(nace) => onChange({ nace: [nace] })} />
      {FILTERS.some((f) => query[f]?.length) && (
        <button type="button" className="link-button" onClick={() => onChange(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
          {t('directory.clear')}
        </button>
      )}
    </fieldset>
  );
}
