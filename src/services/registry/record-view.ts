import { presentRecord } from '../../presenters/registry.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { PartyRow, RecordRow, Visibility } from '../../repositories/registry/record.repository.js';
import type { RecordKind } from '../../shared/registry.js';
import type { RegistryRecord } from '../../shared/schemas/registry.js';
import { coordinatedRegions, isAdmin, refusal, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import { canEditRecord, canReadRecord, type RecordAccessView } from './record-access.js';
import { allowedStages, stageActor } from './stage-rules.js';

export const accessView = (row: Pick<RecordRow, 'published' | 'regionCodes'>, parties: PartyRow[]): RecordAccessView => ({
  published: row.published,
  regionCodes: row.regionCodes,
  partyOrganisationIds: parties.flatMap((p) => (p.organisation ? [p.organisation.id] : [])),
});

/** Which unpublished records the actor reads, for lists (canReadRecord, as SQL reads it). */
export async function visibilityOf(repos: Repositories, actor: Actor | null): Promise<Visibility> {
  if (isAdmin(actor)) return { all: true };
  return {
    all: false,
    organisationIds: [...new Set(actor?.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])) ?? [])],
    regionCodes: coordinatedRegions(actor, await repos.regions.list()),
  };
}

export const today = (repos: Repositories) => repos.clock.now().toISOString().slice(0, 10);

/** A record of the kind the reader may read, with its parties; else 404 (an unpublished record is not revealed). */
export async function readableRecord(repos: Repositories, actor: Actor | null, kind: RecordKind, slug: string) {
  const row = await repos.records.get(slug);
  if (!row || row.kind !== kind) throw notFound('The record', 'params.slug');
  const parties = await repos.records.partiesOf([row.id]);
  if (!canReadRecord(actor, accessView(row, parties), await repos.regions.list())) throw notFound('The record', 'params.slug');
  return { row, parties };
}

/**
 * A record the actor is about to change, locked (SELECT … FOR UPDATE) and read as it is now, with its
 * parties: 404 for one they do not read, 403 for one they may not edit.
 */
export async function editableRecord(tx: Repositories, actorOrNull: Actor | null, kind: RecordKind, slug: string) {
  const actor = requireActor(actorOrNull);
  const { row } = await readableRecord(tx, actor, kind, slug);
  const locked = (await tx.records.lock(row.id))!;
  const parties = await tx.records.partiesOf([row.id]);
  if (!canEditRecord(actor, accessView(locked, parties), await tx.regions.list()))
    throw refusal(actor, 'Only the parties’ editors and their regions’ coordinators change this record.');
  return { actor, row: locked, parties };
}

/** The record as the reader sees it: its parts, links they may read, and what they may do with it. */
export async function recordView(repos: Repositories, actor: Actor | null, idOrSlug: string): Promise<RegistryRecord> {
  const row = (await repos.records.get(idOrSlug))!;
  const regions = await repos.regions.list();
  const [parties, history, milestones, participation, links, areas, partnerships] = await Promise.all([
    repos.records.partiesOf([row.id]),
    repos.records.stageHistory(row.id),
    row.kind === 'initiative' ? repos.recordParts.milestones(row.id) : [],
    row.kind === 'academic_partnership' ? repos.recordParts.participation(row.id) : [],
    repos.recordParts.linksOf(row.id),
    repos.areas.byCodes(row.areaCodes),
    row.partnershipId ? repos.partnerships.list() : [],
  ]);
  const partnership = partnerships.find((p) => p.id === row.partnershipId);
  const access = accessView(row, parties);
  const who = stageActor(actor, access, parties, regions);
  return presentRecord(row, {
    parties,
    history,
    milestones,
    participation,
    links: links.filter((l) => canReadRecord(actor, l, regions)),
    areas,
    partnership: partnership ? { slug: partnership.slug, name: partnership.name } : null,
    canEdit: who.edits,
    canCoordinate: who.coordinates,
    allowedStages: who.edits || who.coordinates ? allowedStages(row.kind, row.stage, who) : [],
    today: today(repos),
  });
}

/** The audit event of a change of a record. */
export function auditRecord(
  tx: Repositories,
  actor: Actor,
  action: string,
  row: Pick<RecordRow, 'id' | 'regionCodes'>,
  before?: unknown,
  after?: unknown,
) {
  return audit(tx, {
    actorId: actor.user.id,
    action,
    entityType: 'cooperation_record',
    entityId: row.id,
    regionCode: row.regionCodes[0] ?? null,
    before,
    after,
  });
}

/** A refusal naming the field, with the code a plain refusal of this actor would have (forbidden, outside_region). */
export const refusalAt = (actor: Actor, field: string, message: string) => new AppError(refusal(actor).code, message, field);
