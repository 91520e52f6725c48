import { useAreas, useRegions } from '../api/reference';
import { useMlString } from './MlText';

/**
 * Names of areas of cooperation and regions in the reader's language, by code, for places that hold codes
 * (a conflict's rows, notices): a person reads «Фильтры и фильтрующие материалы», not
 * `filters-filtering-materials`. Until the lists have loaded, and for an unknown code, the code itself.
 */
export function useReferenceNames() {
  const areas = useAreas();
  const regions = useRegions();
  const text = useMlString();
  const nameOf = (items: { code: string; name: Parameters<typeof text>[0] }[] | undefined, code: string) => {
    const item = items?.find((i) => i.code === code);
    return item ? text(item.name) || code : code;
  };
  return {
    area: (code: string) => nameOf(areas.status === 'ready' ? areas.data.items : undefined, code),
    region: (code: string) => nameOf(regions.status === 'ready' ? regions.data.items : undefined, code),
  };
}
