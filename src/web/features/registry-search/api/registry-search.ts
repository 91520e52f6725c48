import type { RecordSearchList } from '../../../../shared/schemas/registry-search';
import { queryString } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type { RecordKind } from '../../../../shared/registry';

/** A page of the registry's records matching the words (none asked without words), narrowed to a kind. */
export function useRecordSearch(q: string | undefined, kind: RecordKind | null, page: number, pageSize: number) {
  const path = q ? `/registry/search${queryString({ q, kind: kind ?? undefined, page, pageSize })}` : null;
  return useApi<RecordSearchList>(path);
}
