import type { Repositories } from '../../repositories/index.js';
import { stagesOf, type RecordKind } from '../../shared/registry.js';
import type { RegistryRecord, StageChangeBody } from '../../shared/schemas/registry.js';
import { refusal as plainRefusal, type Actor } from '../access.js';
import { AppError, unknownValue, type ErrorReason } from '../errors.js';
import { requireWritten, VersionConflictError, type ExpectedVersion } from '../versioning.js';
import { checkedHappened } from './record-input.js';
import { accessView, auditRecord, editableRecord, recordView, today } from './record-view.js';
import { stageActor, stageRefusal } from './stage-rules.js';

const MESSAGES: Partial<Record<ErrorReason, string>> = {
  skips_stage: 'Only a coordinator moves a record past a stage, back, or out of an end.',
  same_stage: 'The record is at this stage already.',
  host_decides: 'The host decides on admission and residence.',
  resident_withdraws: 'Only the resident withdraws.',
};

/** The error of a refused stage change, naming the field. */
export function refusedStage(actor: Actor, reason: ErrorReason | 'forbidden', field: string): AppError {
  if (reason === 'forbidden') return plainRefusal(actor);
  const code = reason === 'host_decides' || reason === 'resident_withdraws' ? 'forbidden' : 'stage_change_refused';
  return new AppError(code, MESSAGES[reason], field).because(reason);
}

/** Stage changes: along the pipeline by editors, anything else by coordinators; each one a row of the history. */
export class StageService {
  constructor(private readonly repos: Repositories) {}

  /**
   * Moves the record to `to`. The record's row is locked first, so of two changes at once from the same
   * stage the second is checked against the stage the first left (and refused, or conflicts on version).
   */
  async change(
    actor: Actor | null,
    kind: RecordKind,
    slug: string,
    body: StageChangeBody,
    expected: ExpectedVersion,
  ): Promise<RegistryRecord> {
    const id = await this.repos.transaction(async (tx) => {
      const { actor: editor, row, parties } = await editableRecord(tx, actor, kind, slug);
      if (!stagesOf(kind).includes(body.to)) throw unknownValue('body.to', [body.to], `stage of ${kind}`);
      if (expected !== null && row.version !== expected) throw new VersionConflictError(row.version);
      const who = stageActor(editor, accessView(row, parties), parties, await tx.regions.list());
      const refusal = stageRefusal(kind, row.stage, body.to, who);
      if (refusal) throw refusedStage(editor, refusal, 'body.to');
      const happened = checkedHappened(body.happened ?? today(tx), today(tx), 'body.happened');
      const now = tx.clock.now();
      await requireWritten(await tx.records.update(row.id, { stage: body.to }, now, row.version), () => tx.records.currentVersion(row.id));
      await tx.records.addStageChange({
        recordId: row.id,
        fromStage: row.stage,
        toStage: body.to,
        happened: happened.value,
        happenedFirst: happened.first,
        reason: body.reason?.trim() || null,
        changedBy: editor.user.id,
        at: now,
      });
      await auditRecord(
        tx,
        editor,
        'registry_record.stage_changed',
        row,
        { stage: row.stage },
        { stage: body.to, happened: happened.value, reason: body.reason ?? null },
      );
      return row.id;
    });
    return recordView(this.repos, actor, id);
  }
}
