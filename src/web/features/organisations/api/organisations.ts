import type { OrganisationDetail, OrganisationList } from '../../../../shared/schemas/organisations';
import { queryString } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type { DirectoryQuery } from '../hooks/useDirectoryQuery';

/** A page of the directory, with each filter choice's count (`facets`) for the filters' labels. */
export function useOrganisationSearch(query: DirectoryQuery) {
  const path = `/organisations${queryString({ ...query, pageSize: 20, facets: 'true' })}`;
  return useApi<OrganisationList>(path);
}

export function useOrganisation(slug: string) {
  return useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(slug)}`);
}
