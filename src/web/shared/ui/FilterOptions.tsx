import { ORGANISATION_KINDS, SECTORS } from '../../../shared/domain';
import { useAreas } from '../api/reference';
import { useI18n } from '../i18n/I18nProvider';
import { useMlString } from './MlText';

export interface FilterOption {
  value: string;
  label: string;
}

/** The choices of the filters the directory and the suggested partners share, in the reader's language (regions: region-choices.ts). */
export function useFilterOptions(): Record<'kind' | 'sector' | 'area', FilterOption[]> {
  const { t } = useI18n();
  const text = useMlString();
  const areas = useAreas().data?.items ?? [];
  return {
    kind: ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
    sector: SECTORS.map((s) => ({ value: s, label: t(`sectors.${s}`) })),
    area: areas.map((a) => ({ value: a.code, label: text(a.name) })),
  };
}

/** A filter's choices, as the options of its select. */
export function FilterOptions({ options }: { options: FilterOption[] }) {
  return (
    <>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
