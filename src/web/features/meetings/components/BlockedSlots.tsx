import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { BlockedTime, MeetingSlot } from '../api/contracts';
import { dayOf, hours } from '../hooks/event-time';

/** Whether a blocked time covers a slot (it overlaps it at all: no meeting can be held there). */
const covers = (b: BlockedTime, s: MeetingSlot) =>
  Date.parse(b.startsAt) < Date.parse(s.endsAt) && Date.parse(b.endsAt) > Date.parse(s.startsAt);

/**
 * The times I am away, picked on the grid's slots (grouped by day, in the event's time zone): a checked
 * slot is one blocked time of the slot's start and end.
 */
export function BlockedSlots({
  slots,
  timeZone,
  blocked,
  onChange,
}: {
  slots: MeetingSlot[];
  timeZone: string;
  blocked: BlockedTime[];
  onChange(next: BlockedTime[]): void;
}) {
  const { t, lang } = useI18n();
  const days = new Map<string, { label: string; slots: MeetingSlot[] }>();
  for (const s of [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const day = dayOf(lang, s.startsAt, timeZone);
    if (!days.has(day.key)) days.set(day.key, { label: day.label, slots: [] });
    days.get(day.key)!.slots.push(s);
  }
  const toggle = (s: MeetingSlot, away: boolean) =>
    onChange(away ? [...blocked, { startsAt: s.startsAt, endsAt: s.endsAt }] : blocked.filter((b) => !covers(b, s)));
  return (
    <fieldset className="blocked-slots">
      <legend>{t('meetings.profile.blocked')}</legend>
      <p className="muted">{t('meetings.profile.blockedHint')}</p>
      {slots.length === 0 && <p className="muted">{t('meetings.profile.noSlots')}</p>}
      {[...days.entries()].map(([key, day]) => (
        <div key={key} className="slot-day">
          <h4>{day.label}</h4>
          <div className="slot-choices">
            {day.slots.map((s) => (
              <label key={s.id} className="checkbox">
                <input type="checkbox" checked={blocked.some((b) => covers(b, s))} onChange={(e) => toggle(s, e.target.checked)} />
                {hours(lang, s.startsAt, s.endsAt, timeZone)}
              </label>
            ))}
          </div>
        </div>
      ))}
    </fieldset>
  );
}
