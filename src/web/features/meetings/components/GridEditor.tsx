import { useEffect, useState } from 'react';
import { MEETING_LIMITS } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { FieldError } from '../../../shared/ui/FieldError';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import type { MeetingSlot } from '../api/contracts';
import { saveSlotGrid } from '../api/meetings';
import { instantOf, wallClock } from '../hooks/event-time';

interface BlockDraft {
  date: string;
  from: string;
  to: string;
  tables: string;
}

/** The grid's blocks as they were typed: back-to-back slots with the same number of tables make one block. */
export function blocksOf(slots: MeetingSlot[], timeZone: string): BlockDraft[] {
  const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const blocks: { startsAt: string; endsAt: string; tableCount: number }[] = [];
  for (const s of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && last.endsAt === s.startsAt && last.tableCount === s.tableCount) last.endsAt = s.endsAt;
    else blocks.push({ startsAt: s.startsAt, endsAt: s.endsAt, tableCount: s.tableCount });
  }
  return blocks.map((b) => {
    const from = wallClock(b.startsAt, timeZone);
    return { date: from.date, from: from.time, to: wallClock(b.endsAt, timeZone).time, tables: String(b.tableCount) };
  });
}

/**
 * The meeting grid as blocks of time (a day, from, to, tables), typed in the event's time zone; the API
 * cuts each block into slots of the meeting length and replaces the grid.
 */
export function GridEditor({
  slug,
  slots,
  timeZone,
  defaultDate,
  onSaved,
}: {
  slug: string;
  slots: MeetingSlot[];
  timeZone: string;
  defaultDate: string;
  onSaved(): void;
}) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const [blocks, setBlocks] = useState<BlockDraft[]>(() => blocksOf(slots, timeZone));
  // the grid as saved, by its slots' identity: a reload that brings the same grid keeps what is being typed
  const saved = slots.map((s) => `${s.id}/${s.tableCount}`).join(',');
  useEffect(() => setBlocks(blocksOf(slots, timeZone)), [saved, timeZone]);
  const set = (i: number, patch: Partial<BlockDraft>) => setBlocks((bs) => bs.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const save = useSubmit(() =>
    errors.keeping(async () => {
      await saveSlotGrid(
        slug,
        blocks.map((b) => ({
          startsAt: instantOf(b.date, b.from, timeZone) ?? '',
          endsAt: instantOf(b.date, b.to, timeZone) ?? '',
          tableCount: Number(b.tables),
        })),
      );
      onSaved();
      return t('meetings.grid.saved');
    }),
  );
  return (
    <form className="stack grid-editor" onSubmit={save.onSubmit} noValidate>
      <p className="muted">{t('meetings.grid.hint', { zone: timeZone })}</p>
      {blocks.length === 0 && <p>{t('meetings.grid.none')}</p>}
      {blocks.map((b, i) => {
        const id = `grid-block-${i}`;
        return (
          <fieldset key={i} className="grid-block">
            <legend>{t('meetings.grid.block', { n: i + 1 })}</legend>
            <div className="block-fields">
              <div className="field">
                <label htmlFor={`${id}-date`}>{t('meetings.grid.date')}</label>
                <input id={`${id}-date`} type="date" value={b.date} onChange={(e) => set(i, { date: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-from`}>{t('meetings.grid.from')}</label>
                <input id={`${id}-from`} type="time" value={b.from} onChange={(e) => set(i, { from: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>{t('meetings.grid.to')}</label>
                <input id={`${id}-to`} type="time" value={b.to} onChange={(e) => set(i, { to: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-tables`}>{t('meetings.grid.tables')}</label>
                <input
                  id={`${id}-tables`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={MEETING_LIMITS.maxTablesPerSlot}
                  value={b.tables}
                  onChange={(e) => set(i, { tables: e.target.value })}
                />
              </div>
            </div>
            <FieldError errors={errors} field={`body.blocks.${i}`} id={`${id}-error`} />
            <FieldError errors={errors} field={`body.blocks[${i}]`} id={`${id}-error-2`} />
            <button type="button" className="secondary" onClick={() => setBlocks((bs) => bs.filter((_, j) => j !== i))}>
              {t('meetings.grid.remove')}
            </button>
          </fieldset>
        );
      })}
      <FieldError errors={errors} field="body.blocks" exact id="grid-blocks-error" />
      <FieldError errors={errors} field="body" exact id="grid-error" />
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            const last = blocks[blocks.length - 1];
            setBlocks((bs) => [
              ...bs,
              { date: last?.date ?? defaultDate, from: last?.to ?? '10:00', to: '', tables: last?.tables ?? '10' },
            ]);
          }}
        >
          {t('meetings.grid.add')}
        </button>
        <button type="submit" disabled={save.busy}>
          {t('meetings.grid.save')}
        </button>
      </div>
      <Outcome error={save.error} done={save.done} />
    </form>
  );
}
