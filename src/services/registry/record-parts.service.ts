import type { Repositories } from '../../repositories/index.js';
import type { MilestoneValues } from '../../repositories/registry/record-parts.repository.js';
import { RECORD_KINDS, type RecordKind } from '../../shared/registry.js';
import type { LinkBody, MilestoneInput, MilestonePatch, RegistryRecord } from '../../shared/schemas/registry.js';
import type { Actor } from '../access.js';
import { notFound, unknownValue } from '../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import { canReadRecord } from './record-access.js';
import { checkedMilestone, invalid } from './record-input.js';
import { accessView, auditRecord, editableRecord, recordView } from './record-view.js';

type Change = (
  tx: Repositories,
  row: { id: string; regionCodes: string[] },
  actor: Actor,
) => Promise<{ action: string; before?: unknown; after?: unknown } | null>;

/**
 * A record's milestones and links. The record is the editable unit: each change of one of its parts
 * moves the record's version on, and a stale If-Match is refused as for its fields.
 */
export class RecordPartsService {
  constructor(private readonly repos: Repositories) {}

  /** Runs one change of a part in the record's transaction, with the lock, the version and the audit event. */
  private async changePart(
    actor: Actor | null,
    kind: RecordKind,
    slug: string,
    expected: ExpectedVersion,
    change: Change,
  ): Promise<RegistryRecord> {
    const id = await this.repos.transaction(async (tx) => {
      const { actor: editor, row } = await editableRecord(tx, actor, kind, slug);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      const done = await change(tx, row, editor);
      if (!done) return row.id;
      await requireWritten(await tx.records.update(row.id, {}, tx.clock.now(), row.version), () => tx.records.currentVersion(row.id));
      await auditRecord(tx, editor, done.action, row, done.before, done.after);
      return row.id;
    });
    return recordView(this.repos, actor, id);
  }

  addMilestone(actor: Actor | null, slug: string, body: MilestoneInput, expected: ExpectedVersion) {
    const values = { dueOn: null, doneOn: null, ...checkedMilestone(body, 'body') } as MilestoneValues;
    return this.changePart(actor, 'initiative', slug, expected, async (tx, row) => {
      const milestone = await tx.recordParts.addMilestone(row.id, values);
      return { action: 'registry_record.milestone_added', after: milestone };
    });
  }

  updateMilestone(actor: Actor | null, slug: string, id: string, body: MilestonePatch, expected: ExpectedVersion) {
    const values = checkedMilestone(body, 'body');
    return this.changePart(actor, 'initiative', slug, expected, async (tx, row) => {
      const before = (await tx.recordParts.milestones(row.id)).find((m) => m.id === id);
      if (!before) throw notFound('The milestone', 'params.id');
      const after = await tx.recordParts.updateMilestone(row.id, id, values);
      return { action: 'registry_record.milestone_changed', before, after };
    });
  }

  deleteMilestone(actor: Actor | null, slug: string, id: string, expected: ExpectedVersion) {
    return this.changePart(actor, 'initiative', slug, expected, async (tx, row) => {
      const removed = await tx.recordParts.deleteMilestone(row.id, id);
      if (!removed) throw notFound('The milestone', 'params.id');
      return { action: 'registry_record.milestone_deleted', before: removed };
    });
  }

  /** Links the record to another one the actor reads (stored once; shown on both). Linking twice changes nothing. */
  link(actor: Actor | null, kind: RecordKind, slug: string, body: LinkBody, expected: ExpectedVersion) {
    return this.changePart(actor, kind, slug, expected, async (tx, row, editor) => {
      if (!(RECORD_KINDS as readonly string[]).includes(body.targetKind))
        throw unknownValue('body.targetKind', [body.targetKind], 'kind of record that can be linked yet');
      const ref = body.targetId ?? body.targetSlug;
      if (!ref) throw invalid('body.targetSlug', 'required', 'Name the record to link: targetId or targetSlug.');
      const field = body.targetId ? 'body.targetId' : 'body.targetSlug';
      const target = await tx.records.get(ref);
      const readable =
        target &&
        target.kind === body.targetKind &&
        canReadRecord(editor, accessView(target, await tx.records.partiesOf([target.id])), await tx.regions.list());
      if (!target || !readable) throw notFound('The record to link', field);
      if (target.id === row.id) throw invalid(field, 'invalid', 'A record is not linked to itself.');
      if (await tx.recordParts.linked(row.id, target.id)) return null;
      await tx.recordParts.addLink(row.id, target.kind, target.id, editor.user.id, tx.clock.now());
      return { action: 'registry_record.linked', after: { targetKind: target.kind, targetId: target.id } };
    });
  }

  unlink(actor: Actor | null, kind: RecordKind, slug: string, targetId: string, expected: ExpectedVersion) {
    return this.changePart(actor, kind, slug, expected, async (tx, row) => {
      if (!(await tx.recordParts.removeLink(row.id, targetId))) throw notFound('The link', 'params.targetId');
      return { action: 'registry_record.unlinked', before: { targetId } };
    });
  }
}
