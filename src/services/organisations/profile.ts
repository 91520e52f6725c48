import type { OrganisationRow, ProfileColumns } from '../../repositories/organisation.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import type { ClassificationService } from '../classification.service.js';
import { AppError, unknownValue } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';

/** The profile as its editors see it: the pending changes, or the live profile when there are none. */
export function currentProfile(org: OrganisationRow): ProfileChanges {
  return (
    org.pendingProfile ?? {
      kind: org.kind,
      sector: org.sector,
      region: org.regionCode,
      city: org.city,
      name: org.name,
      shortName: org.shortName,
      description: org.description,
      website: org.website,
      nace: org.naceClasses,
      productCodes: org.productCodes,
      areas: org.areaCodes,
      contact: org.publicContact,
    }
  );
}

/** Checks the values that name other records and turns activity codes into NACE classes, product codes into their stored form. */
export async function checkProfile(
  repos: Repositories,
  classifications: ClassificationService,
  profile: ProfileChanges,
): Promise<ProfileColumns> {
  if (!(await repos.regions.get(profile.region))) throw unknownValue('body.region', [profile.region], 'region');
  await requireKnownAreas(repos, profile.areas, 'body.areas');
  const nace = classifications.naceClassesOf(profile.nace, 'body.nace');
  const productCodes = profile.productCodes && classifications.products.storedCodes(profile.productCodes, 'body.productCodes');
  if (!profile.name[profile.name.original]) {
    throw new AppError(
      'validation_failed',
      `The name needs a value in its original language (${profile.name.original}).`,
      `body.name.${profile.name.original}`,
    ).because('original_language_missing', { language: profile.name.original });
  }
  if (profile.contact?.kind === 'person' && !profile.contact.personName?.trim())
    throw new AppError('validation_failed', 'A contact person needs a name.', 'body.contact.personName').because('required');
  return {
    kind: profile.kind,
    sector: profile.sector,
    regionCode: profile.region,
    city: profile.city,
    name: profile.name,
    shortName: profile.shortName,
    description: profile.description,
    website: profile.website,
    // a profile saved without the field keeps the contact it has
    ...(profile.contact !== undefined ? { publicContact: profile.contact } : {}),
    naceClasses: nace,
    ...(productCodes ? { productCodes } : {}),
    areaCodes: profile.areas,
  };
}
