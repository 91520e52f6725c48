import type { Repositories } from '../../repositories/index.js';
import type { PartyRow } from '../../repositories/registry/record.repository.js';
import type { RecordSource } from '../../shared/domain.js';
import { firstStage, stagesOf, type RecordKind } from '../../shared/registry.js';
import type { RecordCreateBody } from '../../shared/schemas/registry.js';
import type { Actor } from '../access.js';
import { unknownValue } from '../errors.js';
import { canEditRecord } from './record-access.js';
import { checkedHappened, checkRecord, partyRows } from './record-input.js';
import { auditRecord, refusalAt, today } from './record-view.js';
import { stageActor, stageRefusal } from './stage-rules.js';
import { refusedStage } from './stage.service.js';

export interface InsertOptions {
  /** The record's slug as given (an import keeps the slugs its links name); else one is made from its title. */
  slug?: string;
  source?: RecordSource;
}

/**
 * Checks and writes a new record with its parties, parts and first stage change, inside the caller's
 * transaction; returns its id. `actor` null is the platform itself (the demo seed, an import from the CLI),
 * which records anything; a person records only what they may then edit.
 */
export async function insertRecord(
  tx: Repositories,
  actor: Actor | null,
  kind: RecordKind,
  body: RecordCreateBody,
  options: InsertOptions = {},
): Promise<string> {
  const checked = await checkRecord(tx, kind, body);
  const regions = await tx.regions.list();
  if (actor && !canEditRecord(actor, checked.access, regions))
    throw refusalAt(
      actor,
      'body.parties',
      'Record what one of your organisations, or an organisation of a region you coordinate, is a party to.',
    );
  const stage = body.stage ?? firstStage(kind);
  if (!stagesOf(kind).includes(stage)) throw unknownValue('body.stage', [stage], `stage of ${kind}`);
  if (actor && kind === 'residency' && stage !== firstStage(kind)) {
    // a residency recorded as admitted already is the host's (or a coordinator's) to record
    const parties = checked.parties.map((p) => ({
      role: p.role,
      organisation: 'organisationId' in p ? ({ id: p.organisationId } as PartyRow['organisation']) : null,
    }));
    const refusal = stageRefusal(kind, firstStage(kind), stage, stageActor(actor, checked.access, parties, regions));
    if (refusal) throw refusedStage(actor, refusal, 'body.stage');
  }
  // a record entered at a later stage is history: its stage was reached on its own date, unless told otherwise
  const happened = checkedHappened(
    body.happened ?? (stage !== firstStage(kind) ? checked.columns.dated : null) ?? today(tx),
    today(tx),
    'body.happened',
  );
  const now = tx.clock.now();
  const values = {
    ...checked.columns,
    kind,
    stage,
    createdBy: actor?.user.id ?? null,
    ...(options.source ? { source: options.source } : {}),
  };
  const created = options.slug
    ? await tx.records.insertWithSlug(values, options.slug, now)
    : await tx.records.insertWithFreeSlug(values, now);
  await tx.records.replaceParties(created.id, await partyRows(tx, checked.parties));
  if (checked.participation.length > 0) await tx.recordParts.replaceParticipation(created.id, checked.participation);
  for (const milestone of checked.milestones) await tx.recordParts.addMilestone(created.id, milestone);
  await tx.records.refreshDerived([created.id]);
  await tx.records.addStageChange({
    recordId: created.id,
    fromStage: null,
    toStage: stage,
    happened: happened.value,
    happenedFirst: happened.first,
    reason: null,
    changedBy: actor?.user.id ?? null,
    at: now,
  });
  const row = (await tx.records.get(created.id))!;
  if (actor) await auditRecord(tx, actor, 'registry_record.created', row, undefined, { kind, slug: row.slug, ...checked.columns, stage });
  return created.id;
}
