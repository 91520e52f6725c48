import type { RoleGrantRow, UserRow } from '../repositories/account.repository.js';
import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';
import { ORGANISATION_ROLES, type OrganisationRole } from '../shared/roles.js';
import { AppError } from './errors.js';

/** Who is acting: a signed-in user, their session and the roles they hold. */
export interface Actor {
  user: UserRow;
  sessionId: string;
  grants: RoleGrantRow[];
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw new AppError('not_signed_in');
  return actor;
}

/** The refusal for a signed-in actor without the right: a coordinator learns the place is outside their regions. */
export function refusal(actor: Actor, message?: string): AppError {
  return new AppError(actor.grants.some((g) => g.role === 'regional_coordinator') ? 'outside_region' : 'forbidden', message);
}

export const isAdmin = (actor: Actor | null) => !!actor?.grants.some((g) => g.role === 'platform_admin');

/** The strongest role the actor holds in the organisation, if any. */
export function organisationRole(actor: Actor | null, organisationId: string): OrganisationRole | null {
  const held = new Set(actor?.grants.filter((g) => g.organisationId === organisationId).map((g) => g.role));
  return ORGANISATION_ROLES.find((r) => held.has(r)) ?? null;
}

/** Regions the actor coordinates, with their subdivisions (a coordinator of FR-NAQ covers FR-87). */
export function coordinatedRegions(actor: Actor | null, regions: RegionRow[]): string[] {
  const direct = new Set(actor?.grants.filter((g) => g.role === 'regional_coordinator' && g.regionCode).map((g) => g.regionCode!));
  return regions.filter((r) => direct.has(r.code) || (r.parentCode !== null && direct.has(r.parentCode))).map((r) => r.code);
}

export function canEditProfile(actor: Actor | null, organisation: OrganisationRow): boolean {
  const role = organisationRole(actor, organisation.id);
  return isAdmin(actor) || role === 'org_admin' || role === 'org_editor';
}

export function canManageMembers(actor: Actor | null, organisation: OrganisationRow): boolean {
  return isAdmin(actor) || organisationRole(actor, organisation.id) === 'org_admin';
}

/**
 * The region whose coordinators decide on the organisation's profile: the one the submitted profile names
 * (a profile that moves to FR-87 is decided in FR-87), else the one it is in.
 */
export function decidingRegion(organisation: Pick<OrganisationRow, 'status' | 'regionCode' | 'pendingProfile'>): string {
  return organisation.status === 'submitted' && organisation.pendingProfile ? organisation.pendingProfile.region : organisation.regionCode;
}

export function canValidate(actor: Actor | null, organisation: OrganisationRow, regions: RegionRow[]): boolean {
  return isAdmin(actor) || coordinatedRegions(actor, regions).includes(decidingRegion(organisation));
}

/**
 * Unpublished profiles are seen by their own people, their region's coordinators and administrators, and,
 * for a profile submitted with another region, that region's coordinators (who decide on it).
 */
export function canSeeUnpublished(actor: Actor | null, organisation: OrganisationRow, regions: RegionRow[]): boolean {
  return (
    organisationRole(actor, organisation.id) !== null ||
    canValidate(actor, organisation, regions) ||
    coordinatedRegions(actor, regions).includes(organisation.regionCode)
  );
}

/**
 * Contact details are for signed-in people of validated organisations (and those who run the platform),
 * so that addresses are not harvested by anyone who signs up.
 */
export function canSeeContacts(actor: Actor | null, publishedOrganisationIds: Set<string>): boolean {
  if (!actor) return false;
  if (isAdmin(actor) || actor.grants.some((g) => g.role === 'regional_coordinator')) return true;
  return actor.grants.some((g) => g.organisationId !== null && publishedOrganisationIds.has(g.organisationId));
}
