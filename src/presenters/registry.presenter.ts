import type { AreaRow } from '../repositories/area.repository.js';
import type { LinkRow, MilestoneRow, ParticipationRow } from '../repositories/registry/record-parts.repository.js';
import type { PartyRow, RecordRow, StageChangeRow } from '../repositories/registry/record.repository.js';
import type { MultilingualText } from '../shared/multilingual.js';
import { partialDate } from '../shared/partial-date.js';
import type { Party, PartialDateView, RecordSummary, RegistryRecord } from '../shared/schemas/registry.js';

/** A partial date as {value, precision, first, last}: clients show it at its precision, never as 1 January. */
export const presentPartialDate = (value: string | null): PartialDateView | null => (value ? partialDate(value) : null);

export function presentParty(party: PartyRow): Party {
  return { position: party.position, role: party.role, organisation: party.organisation, named: party.named };
}

export function presentRecordSummary(row: RecordRow, parties: PartyRow[]): RecordSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    type: row.kind === 'agreement' ? (row.types[0] ?? null) : null,
    kinds: row.kind === 'academic_partnership' ? row.types : [],
    title: row.title,
    stage: row.stage,
    areaCodes: row.areaCodes,
    dated: presentPartialDate(row.dated),
    validFrom: presentPartialDate(row.validFrom),
    validUntil: presentPartialDate(row.validUntil),
    published: row.published,
    parties: parties.map(presentParty),
    regionCodes: row.regionCodes,
  };
}

/** Everything a record's page shows, as the services gathered it for one reader. */
export interface RecordContext {
  parties: PartyRow[];
  history: StageChangeRow[];
  milestones: MilestoneRow[];
  participation: ParticipationRow[];
  /** Only the linked records the reader may read. */
  links: LinkRow[];
  areas: AreaRow[];
  canEdit: boolean;
  canCoordinate: boolean;
  allowedStages: string[];
  /** The partnership it is filed under. */
  partnership: { slug: string; name: MultilingualText } | null;
  /** YYYY-MM-DD: a milestone due before it and not done is overdue. */
  today: string;
}

export function presentRecord(row: RecordRow, context: RecordContext): RegistryRecord {
  const areaNames = new Map(context.areas.map((a) => [a.code, a.name]));
  return {
    ...presentRecordSummary(row, context.parties),
    summary: row.summary ?? null,
    areas: row.areaCodes.flatMap((code) => {
      const name = areaNames.get(code);
      return name ? [{ code, name }] : [];
    }),
    commitments: row.details.commitments ?? null,
    commitmentRoles: row.details.commitmentRoles ?? [],
    services: row.details.services ?? [],
    participation: context.participation.map((p) => ({ academicYear: p.academicYear, participants: p.participants })),
    milestones: context.milestones.map((m) => ({
      id: m.id,
      position: m.position,
      title: m.title,
      dueOn: m.dueOn,
      doneOn: m.doneOn,
      overdue: m.doneOn === null && m.dueOn !== null && m.dueOn < context.today,
    })),
    stageHistory: context.history.map((c) => ({
      from: c.fromStage,
      to: c.toStage,
      happened: partialDate(c.happened),
      reason: c.reason,
      by: c.by,
      recordedAt: c.recordedAt.toISOString(),
    })),
    links: context.links.map((l) => ({ kind: l.kind, id: l.id, slug: l.slug, title: l.title, direction: l.direction })),
    partnership: context.partnership,
    canEdit: context.canEdit,
    canCoordinate: context.canCoordinate,
    allowedStages: context.allowedStages,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
