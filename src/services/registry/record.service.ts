import { presentRecordSummary } from '../../presenters/registry.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { PartyRow, RecordRow } from '../../repositories/registry/record.repository.js';
import { ACADEMIC_PARTNERSHIP_KINDS, AGREEMENT_TYPES, firstStage, stagesOf, type RecordKind } from '../../shared/registry.js';
import type { RecordCreateBody, RecordList, RecordListQuery, RecordPatchBody, RegistryRecord } from '../../shared/schemas/registry.js';
import { requireActor, type Actor } from '../access.js';
import { AppError, unknownValue } from '../errors.js';
import { requireKnownAreas } from '../known-areas.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import { canEditRecord } from './record-access.js';
import { checkedPartialDate, checkRecord, invalid, partyRows, type RecordInput } from './record-input.js';
import { insertRecord } from './insert-record.js';
import { auditRecord, editableRecord, readableRecord, recordView, refusalAt, visibilityOf } from './record-view.js';

const TYPES: Record<RecordKind, readonly string[]> = {
  agreement: AGREEMENT_TYPES,
  academic_partnership: ACADEMIC_PARTNERSHIP_KINDS,
  initiative: [],
  residency: [],
};

/** The record's input as it is now, for a patch to be laid over and checked in full. */
async function currentInput(repos: Repositories, row: RecordRow, parties: PartyRow[]): Promise<RecordInput> {
  const participation = row.kind === 'academic_partnership' ? await repos.recordParts.participation(row.id) : [];
  return {
    title: row.title,
    summary: row.summary,
    areas: row.areaCodes,
    dated: row.dated,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    published: row.published,
    parties: parties.map((p) =>
      p.organisation ? { organisation: p.organisation.slug, role: p.role } : { namedParty: p.named!.id, role: p.role },
    ),
    type: (row.types[0] ?? 'other') as RecordInput['type'],
    kinds: row.types as RecordInput['kinds'],
    commitments: row.details.commitments ?? null,
    commitmentRoles: row.details.commitmentRoles ?? [],
    services: row.details.services ?? [],
    participation: participation.map((p) => ({ academicYear: p.academicYear, participants: p.participants })),
    partnership: row.partnershipId ? ((await repos.partnerships.list()).find((p) => p.id === row.partnershipId)?.slug ?? null) : null,
  };
}

/** Agreements, initiatives, academic partnerships and residencies: their lists, creation, edits and deletion. */
export class RecordService {
  constructor(private readonly repos: Repositories) {}

  async list(actor: Actor | null, kind: RecordKind, query: RecordListQuery): Promise<RecordList> {
    const repos = this.repos;
    const types = query.type ?? [];
    const unknownTypes = types.filter((t) => !TYPES[kind].includes(t));
    if (unknownTypes.length > 0) throw unknownValue('query.type', unknownTypes, 'type');
    const stages = query.stage ?? [];
    const unknownStages = stages.filter((s) => !stagesOf(kind).includes(s));
    if (unknownStages.length > 0) throw unknownValue('query.stage', unknownStages, 'stage');
    await requireKnownAreas(repos, query.area ?? [], 'query.area');
    const regions = await repos.regions.withSubdivisions(query.region ?? []);
    const missing = (query.region ?? []).filter((code) => !regions.some((r) => r.code === code));
    if (missing.length > 0) throw unknownValue('query.region', missing, 'region');
    const organisationId = async (slug: string | undefined, field: string) => {
      if (!slug) return undefined;
      const organisation = await repos.organisations.getBySlug(slug);
      if (!organisation) throw unknownValue(field, [slug], 'organisation');
      return organisation.id;
    };
    const from = query.from ? checkedPartialDate(query.from, 'query.from') : undefined;
    const to = query.to ? checkedPartialDate(query.to, 'query.to') : undefined;
    if (from && to && to.last < from.first) throw invalid('query.to', 'ends_before_start', 'The period ends before it starts.');
    const { rows, total, capped } = await repos.records.list({
      kind,
      types,
      stages,
      areaCodes: query.area ?? [],
      regionCodes: regions.map((r) => r.code),
      organisationId: await organisationId(query.organisation, 'query.organisation'),
      hostId: await organisationId(query.host, 'query.host'),
      fromFirst: from?.first,
      toLast: to?.last,
      visibility: await visibilityOf(repos, actor),
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const parties = await repos.records.partiesOf(rows.map((r) => r.id));
    return {
      items: rows.map((row) =>
        presentRecordSummary(
          row,
          parties.filter((p) => p.recordId === row.id),
        ),
      ),
      meta: { page: query.page, pageSize: query.pageSize, total, pageCount: Math.ceil(total / query.pageSize) },
      ...(capped ? { capped } : {}),
    };
  }

  async get(actor: Actor | null, kind: RecordKind, slug: string): Promise<RegistryRecord> {
    const { row } = await readableRecord(this.repos, actor, kind, slug);
    return recordView(this.repos, actor, row.id);
  }

  /** A new record, with its first stage change; its creator must be one who may edit it. */
  async create(actorOrNull: Actor | null, kind: RecordKind, body: RecordCreateBody): Promise<RegistryRecord> {
    const actor = requireActor(actorOrNull);
    const id = await this.repos.transaction((tx) => insertRecord(tx, actor, kind, body));
    return recordView(this.repos, actor, id);
  }

  /** The fields sent replace the record's, checked with the rest as one record; a stale version is refused. */
  async update(
    actor: Actor | null,
    kind: RecordKind,
    slug: string,
    patch: RecordPatchBody,
    expected: ExpectedVersion,
  ): Promise<RegistryRecord> {
    const id = await this.repos.transaction(async (tx) => {
      const { actor: editor, row, parties } = await editableRecord(tx, actor, kind, slug);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      const input = { ...(await currentInput(tx, row, parties)), ...patch } as RecordInput;
      const checked = await checkRecord(tx, kind, input);
      if (!canEditRecord(editor, checked.access, await tx.regions.list()))
        throw refusalAt(editor, 'body.parties', 'After this change you could not edit the record any more: keep a party you edit for.');
      const written = await tx.records.update(row.id, checked.columns, tx.clock.now(), row.version);
      await requireWritten(written, () => tx.records.currentVersion(row.id));
      if (patch.parties) await tx.records.replaceParties(row.id, await partyRows(tx, checked.parties));
      if (patch.participation) await tx.recordParts.replaceParticipation(row.id, checked.participation);
      await tx.records.refreshDerived([row.id]);
      await auditRecord(tx, editor, 'registry_record.updated', row, row, { ...checked.columns, parties: patch.parties });
      return row.id;
    });
    return recordView(this.repos, actor, id);
  }

  /** Drafts (and proposals, applications) only: a record that went further stays, its history with it. */
  async delete(actor: Actor | null, kind: RecordKind, slug: string, expected: ExpectedVersion): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const { actor: editor, row } = await editableRecord(tx, actor, kind, slug);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      if (row.stage !== firstStage(kind))
        throw new AppError('stage_change_refused', 'Only a record still at its first stage is deleted.', 'params.slug').because(
          'not_a_draft',
        );
      await tx.records.delete(row.id);
      await auditRecord(tx, editor, 'registry_record.deleted', row, row);
    });
  }
}
