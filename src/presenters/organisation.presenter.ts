import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { AreaRow } from '../repositories/area.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';
import type { NaceEntry, ProductCode } from '../shared/schemas/reference.js';
import type { PublicContact, PublicContactView } from '../shared/schemas/public-contact.js';
import type { OrganisationDetail, OrganisationSummary, PersonRole } from '../shared/schemas/organisations.js';
import { presentArea } from './reference.presenter.js';
import { presentRegion } from './reference.presenter.js';

export function presentOrganisationSummary(row: OrganisationRow): OrganisationSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    sector: row.sector,
    regionCode: row.regionCode,
    city: row.city,
    name: row.name,
    shortName: row.shortName,
    description: row.description,
    naceClasses: row.naceClasses,
    productCodes: row.productCodes,
    areaCodes: row.areaCodes,
    source: row.source,
  };
}

export function presentOrganisationDetail(
  row: OrganisationRow,
  related: { region: RegionRow; areas: AreaRow[]; nace: NaceEntry[]; products: ProductCode[]; people: PersonRole[]; contactDetails: boolean },
): OrganisationDetail {
  return {
    ...presentOrganisationSummary(row),
    website: row.website,
    region: presentRegion(related.region),
    nace: related.nace.map((n) => ({ code: n.code, title: n.title })),
    products: related.products,
    areas: related.areas.map(presentArea),
    people: related.people,
    contact: presentPublicContact(row.publicContact, related.contactDetails),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The public contact; its e-mail and phone only for those who may see contact details. */
export function presentPublicContact(contact: PublicContact | null, details: boolean): PublicContactView | null {
  if (!contact) return null;
  const view: PublicContactView = { kind: contact.kind, personName: contact.personName ?? null, label: contact.label };
  return details ? { ...view, email: contact.email, phone: contact.phone } : view;
}
