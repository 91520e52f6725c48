import type { OrganisationProfile } from '../repositories/revisions.js';

/** A published enterprise in Haute-Vienne with no codes, as the in-memory indexes read it; `values` change any field. */
export function organisationProfile(id: string, values: Partial<OrganisationProfile> = {}): OrganisationProfile {
  return {
    id,
    published: true,
    kind: 'enterprise',
    sector: 'business',
    regionCode: 'FR-87',
    areaCodes: [],
    naceClasses: [],
    conceptCodes: [],
    sortName: id,
    ...values,
  };
}
