import { useId, useState } from 'react';
import { ApiRequestError } from '../../../shared/api/client';
import { errorMessage } from '../../../shared/i18n/error-text';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { SelectField } from '../../../shared/ui/forms';
import type { MeetingSlot, Side } from '../api/contracts';
import { timeRange } from '../hooks/event-time';

/**
 * A meeting's conflict in the reader's words, naming who or what is in the way: a side with another
 * meeting then or away then (the API names them in the details, on `body.slotId`), the table taken or
 * missing (on `body.tableNumber`).
 */
export function useConflictText() {
  const { t, lang } = useI18n();
  return (error: unknown, table: number): string => {
    if (!(error instanceof ApiRequestError) || !error.body) return t('app.error');
    const body = error.body.error;
    if (body.code !== 'meeting_conflict' || !body.details?.length) return errorMessage(t, body, lang);
    const reasons = body.details.map((d) => {
      const name = d.params?.name;
      if (d.field === 'body.tableNumber')
        return d.reason === 'maximum' ? t('meetings.conflict.no_table', { table }) : t('meetings.conflict.table_taken', { table });
      if (name !== undefined) return t(/blocked/i.test(d.message) ? 'meetings.conflict.blocked' : 'meetings.conflict.busy', { name });
      return errorMessage(t, { ...body, ...d }, lang);
    });
    return `${t('meetings.conflict.title')} ${reasons.join(' ')}`;
  };
}

/** Choose a slot and a table for a meeting (to move it, or to place an unscheduled request); the result pins it. */
export function PlaceForm({
  title,
  a,
  b,
  slots,
  timeZone,
  initial,
  busy,
  error,
  onPlace,
  onClose,
}: {
  title: string;
  a: Side;
  b: Side;
  slots: MeetingSlot[];
  timeZone: string;
  initial?: { slotId: string; tableNumber: number };
  busy: boolean;
  error: string | null;
  onPlace(slotId: string, tableNumber: number): void;
  onClose(): void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const sorted = [...slots].sort((x, y) => x.startsAt.localeCompare(y.startsAt));
  const [slotId, setSlotId] = useState(initial?.slotId ?? sorted[0]?.id ?? '');
  const [table, setTable] = useState(String(initial?.tableNumber ?? 1));
  const slot = sorted.find((s) => s.id === slotId);
  const tables = Array.from({ length: slot?.tableCount ?? 0 }, (_, i) => String(i + 1));
  return (
    <form
      className="stack notice place-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onPlace(slotId, Number(table));
      }}
    >
      <h3>{title}</h3>
      <p>{t('meetings.schedule.meetingOf', { a: a.name, b: b.name })}</p>
      <SelectField
        id={`${id}-slot`}
        label={t('meetings.schedule.slot')}
        value={slotId}
        options={sorted.map((s) => ({ value: s.id, label: timeRange(lang, s.startsAt, s.endsAt, timeZone) }))}
        onChange={(v) => {
          setSlotId(v);
          const next = sorted.find((s) => s.id === v);
          if (next && Number(table) > next.tableCount) setTable('1');
        }}
      />
      <SelectField
        id={`${id}-table`}
        label={t('meetings.schedule.table')}
        value={table}
        options={tables.map((n) => ({ value: n, label: t('meetings.agenda.table', { table: n }) }))}
        onChange={setTable}
      />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={busy || !slotId}>
          {t('meetings.schedule.place')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('meetings.request.close')}
        </button>
      </div>
    </form>
  );
}
