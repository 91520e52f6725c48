import { useNaceClasses } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FilterOptions, useFilterOptions } from '../../../shared/ui/FilterOptions';
import { choiceCountry, countryChoice, REGION_CHOICES_SHOWN, withCount } from '../../../shared/ui/region-choices';
import { TypeaheadMultiSelect } from '../../../shared/ui/Typeahead';
import { NationalCodeInput } from './NationalCodeInput';
import { chosenRegionChoices, regionsValue, useRegionFilterChoices } from './RegionOptions';
import type { DirectoryFacets } from '../../../../shared/schemas/organisations';
import { FILTERS, type DirectoryQuery } from '../hooks/useDirectoryQuery';

interface Props {
  query: DirectoryQuery;
  onChange(changes: Partial<DirectoryQuery>): void;
  /** How many organisations each choice would give with the other filters as they are. */
  facets?: DirectoryFacets;
}

const SELECTS = ['kind', 'sector', 'area'] as const;

export function DirectoryFilters({ query, onChange, facets }: Props) {
  const { t, lang } = useI18n();
  const nace = (useNaceClasses().data?.items ?? []).map((n) => ({ value: n.code, label: `${n.code} ${n.title[lang] ?? n.title.en}` }));
  const regions = useRegionFilterChoices(facets?.region);
  const options = useFilterOptions();
  const distinct = (values: string[]) => [...new Set(values.flatMap((v) => v.split(',')))];

  return (
    <fieldset className="filters">
      <legend>{t('directory.filters')}</legend>
      <TypeaheadMultiSelect
        className="filter"
        label={t('directory.region')}
        placeholder={query.region?.length ? undefined : t('directory.any')}
        data={regions.choices}
        searchText={regions.searchText}
        limit={REGION_CHOICES_SHOWN}
        value={[...chosenRegionChoices(query.region ?? [], regions.choices), ...(query.country ?? []).map(countryChoice)]}
        onChange={(values) => {
          const countries = values.map(choiceCountry).filter((c) => c !== null);
          const codes = distinct(values.filter((v) => choiceCountry(v) === null));
          onChange({ region: codes.length ? codes : undefined, country: countries.length ? countries : undefined });
        }}
      />
      {SELECTS.map((f) => {
        const chosen = query[f] ?? [];
        const choices = facets ? options[f].map((o) => ({ ...o, label: withCount(o.label, facets[f][o.value] ?? 0) })) : options[f];
        // several values come from links; they show as one choice
        const combined = chosen.length > 1 ? regionsValue(chosen) : null;
        const label = (v: string) => choices.find((o) => o.value === v)?.label ?? v;
        return (
          <label key={f} className="filter">
            <span>{t(`directory.${f}`)}</span>
            <select
              name={f}
              value={combined ?? chosen[0] ?? ''}
              onChange={(e) => onChange({ [f]: e.target.value ? e.target.value.split(',') : undefined })}
            >
              <option value="">{t('directory.any')}</option>
              <FilterOptions options={choices} />
              {combined && <option value={combined}>{chosen.map(label).join(' + ')}</option>}
            </select>
          </label>
        );
      })}
      <TypeaheadMultiSelect
        className="filter"
        label={t('directory.nace')}
        placeholder={query.nace?.length ? undefined : t('directory.naceSearch')}
        data={nace}
        limit={20}
        value={query.nace ?? []}
        onChange={(values) => onChange({ nace: values.length ? values : undefined })}
      />
      <NationalCodeInput onResolved={(code) => onChange({ nace: [...new Set([...(query.nace ?? []), code])] })} />
      {FILTERS.some((f) => query[f]?.length) && (
        <button type="button" className="link-button" onClick={() => onChange(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>
          {t('directory.clear')}
        </button>
      )}
    </fieldset>
  );
}
