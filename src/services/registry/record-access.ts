import type { RegionRow } from '../../repositories/region.repository.js';
import { coordinatedRegions, isAdmin, organisationRole, type Actor } from '../access.js';

/** What deciding who may see or change a registry record needs to know of it. */
export interface RecordAccessView {
  published: boolean;
  /** The parties' regions (cooperation_records.region_codes). */
  regionCodes: string[];
  /** The parties that are organisations of the platform. */
  partyOrganisationIds: string[];
}

/** Coordinators of any party's region (or of the region enclosing it), and platform administrators. */
export function coordinatesRecord(actor: Actor | null, record: RecordAccessView, regions: RegionRow[]): boolean {
  if (isAdmin(actor)) return true;
  const coordinated = new Set(coordinatedRegions(actor, regions));
  return record.regionCodes.some((code) => coordinated.has(code));
}

/** The parties' editors and administrators, and their regions' coordinators. */
export function canEditRecord(actor: Actor | null, record: RecordAccessView, regions: RegionRow[]): boolean {
  if (!actor) return false;
  const role = (id: string) => organisationRole(actor, id);
  return (
    record.partyOrganisationIds.some((id) => role(id) === 'org_admin' || role(id) === 'org_editor') ||
    coordinatesRecord(actor, record, regions)
  );
}

/** Published records are read by everyone; the others by the parties' people and those who edit them. */
export function canReadRecord(actor: Actor | null, record: RecordAccessView, regions: RegionRow[]): boolean {
  if (record.published) return true;
  if (!actor) return false;
  return record.partyOrganisationIds.some((id) => organisationRole(actor, id) !== null) || canEditRecord(actor, record, regions);
}
