import type { OrganisationDetail, OrganisationList } from '../../../../shared/schemas/organisations';
import { queryString } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type { DirectoryQuery } from '../hooks/useDirectoryQuery';
import type { Language } from '../../../../shared/languages';

/**
 * A page of the directory, with each filter choice's count (`facets`) for the filters' labels; names in
 * the order of the reader's language, as they see them.
 */
export function useOrganisationSearch(query: DirectoryQuery, lang: Language) {
  const path = `/organisations${queryString({ ...query, lang, pageSize: 20, facets: 'true' })}`;
  return useApi<OrganisationList>(path);
}

export function useOrganisation(slug: string) {
  return useApi<OrganisationDetail>(`/organisations/${encodeURIComponent(slug)}`);
}
