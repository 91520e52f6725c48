import type { RegionRow } from '../../repositories/region.repository.js';
import type { PartyRow } from '../../repositories/registry/record.repository.js';
import { followsPipeline, stagesOf, type RecordKind } from '../../shared/registry.js';
import { organisationRole, type Actor } from '../access.js';
import type { ErrorReason } from '../errors.js';
import { canEditRecord, coordinatesRecord, type RecordAccessView } from './record-access.js';

/** What a stage change's rules ask of the one making it. */
export interface StageActor {
  /** Coordinators of a party's region and platform administrators: any change. */
  coordinates: boolean;
  /** Editors of a party (and coordinators). */
  edits: boolean;
  /** Residencies: editors of the host, and of the resident. */
  editsHost: boolean;
  editsResident: boolean;
}

/** A residency's decisions are its host's; withdrawing is the resident's. */
const HOST_STAGES = new Set(['admitted', 'declined', 'resident', 'graduated']);

/**
 * Why the actor may not move a record of the kind from `from` to `to`, or null when they may: along the
 * pipeline (the next step, or an end) any editor; a skip, a step back or leaving an end, coordinators only.
 * On a residency, the host decides on admission and residence, the resident withdraws.
 */
export function stageRefusal(kind: RecordKind, from: string, to: string, who: StageActor): ErrorReason | 'forbidden' | null {
  if (!who.edits && !who.coordinates) return 'forbidden';
  if (from === to) return 'same_stage';
  if (who.coordinates) return null;
  if (kind === 'residency' && HOST_STAGES.has(to) && !who.editsHost) return 'host_decides';
  if (kind === 'residency' && to === 'withdrawn' && !who.editsResident) return 'resident_withdraws';
  return followsPipeline(kind, from, to) ? null : 'skips_stage';
}

/** The stages the actor may move the record to now. */
export const allowedStages = (kind: RecordKind, from: string, who: StageActor) =>
  stagesOf(kind).filter((to) => stageRefusal(kind, from, to, who) === null);

/** The actor's standing towards a record, for its stage changes. */
export function stageActor(
  actor: Actor | null,
  access: RecordAccessView,
  parties: Pick<PartyRow, 'role' | 'organisation'>[],
  regions: RegionRow[],
): StageActor {
  const editsOne = (role: 'host' | 'resident') =>
    parties.some((p) => {
      if (p.role !== role || !p.organisation) return false;
      const held = organisationRole(actor, p.organisation.id);
      return held === 'org_admin' || held === 'org_editor';
    });
  return {
    coordinates: coordinatesRecord(actor, access, regions),
    edits: canEditRecord(actor, access, regions),
    editsHost: editsOne('host'),
    editsResident: editsOne('resident'),
  };
}
