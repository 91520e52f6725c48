import { useEffect, useState } from 'react';
import { MEETING_LIMITS } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import type { MeetingEvent } from '../api/contracts';
import { saveMeetingSettings } from '../api/meetings';
import { instantOf, wallClock } from '../hooks/event-time';

/**
 * The event's meeting rules: meetings on or off, their length, a break after so many back-to-back (none
 * when left empty), and when requests close, typed in the event's own time zone.
 */
export function SettingsForm({ event, onSaved }: { event: MeetingEvent; onSaved(): void }) {
  const { t } = useI18n();
  const errors = useFieldErrors();
  const closes = event.meetingRequestsCloseAt ? wallClock(event.meetingRequestsCloseAt, event.timeZone) : { date: '', time: '' };
  const [enabled, setEnabled] = useState(event.meetingsEnabled);
  const [length, setLength] = useState(String(event.meetingLengthMinutes ?? 20));
  const [backToBack, setBackToBack] = useState(event.maxBackToBack == null ? '' : String(event.maxBackToBack));
  const [closeDate, setCloseDate] = useState(closes.date);
  const [closeTime, setCloseTime] = useState(closes.time);
  useEffect(() => {
    setEnabled(event.meetingsEnabled);
    setLength(String(event.meetingLengthMinutes ?? 20));
    setBackToBack(event.maxBackToBack == null ? '' : String(event.maxBackToBack));
  }, [event]);
  const save = useSubmit(() =>
    errors.keeping(async () => {
      await saveMeetingSettings(
        event.slug,
        {
          meetingsEnabled: enabled,
          meetingLengthMinutes: Number(length),
          maxBackToBack: backToBack.trim() === '' ? null : Number(backToBack),
          meetingRequestsCloseAt: closeDate ? instantOf(closeDate, closeTime || '23:59', event.timeZone) : null,
        },
        event.version,
      );
      onSaved();
      return t('meetings.settings.saved');
    }),
  );
  return (
    <form className="stack" onSubmit={save.onSubmit} noValidate>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('meetings.settings.enabled')}
      </label>
      <div className="columns settings-columns">
        <div className="field">
          <label htmlFor="meeting-length">{t('meetings.settings.length')}</label>
          <input
            id="meeting-length"
            type="number"
            inputMode="numeric"
            min={MEETING_LIMITS.minLengthMinutes}
            max={MEETING_LIMITS.maxLengthMinutes}
            value={length}
            onChange={(e) => setLength(e.target.value)}
            {...invalidProps(errors, 'body.meetingLengthMinutes', 'meeting-length-error')}
          />
          <FieldError errors={errors} field="body.meetingLengthMinutes" id="meeting-length-error" />
        </div>
        <div className="field">
          <label htmlFor="meeting-back-to-back">{t('meetings.settings.backToBack')}</label>
          <input
            id="meeting-back-to-back"
            type="number"
            inputMode="numeric"
            min={1}
            max={MEETING_LIMITS.maxBackToBack}
            value={backToBack}
            aria-describedby="meeting-back-to-back-hint"
            onChange={(e) => setBackToBack(e.target.value)}
            {...invalidProps(errors, 'body.maxBackToBack', 'meeting-back-to-back-error')}
          />
          <small id="meeting-back-to-back-hint" className="muted">
            {t('meetings.settings.backToBackHint')}
          </small>
          <FieldError errors={errors} field="body.maxBackToBack" id="meeting-back-to-back-error" />
        </div>
      </div>
      <fieldset>
        <legend>{t('meetings.settings.closes', { zone: event.timeZone })}</legend>
        <div className="columns settings-columns">
          <div className="field">
            <label htmlFor="meeting-close-date">{t('meetings.settings.closeDate')}</label>
            <input id="meeting-close-date" type="date" value={closeDate} onChange={(e) => setCloseDate(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="meeting-close-time">{t('meetings.settings.closeTime')}</label>
            <input id="meeting-close-time" type="time" value={closeTime} onChange={(e) => setCloseTime(e.target.value)} />
          </div>
        </div>
        <FieldError errors={errors} field="body.meetingRequestsCloseAt" id="meeting-close-error" />
      </fieldset>
      <FieldError errors={errors} field="body" exact id="meeting-settings-error" />
      <button type="submit" disabled={save.busy}>
        {t('meetings.settings.save')}
      </button>
      <Outcome error={save.error} done={save.done} />
    </form>
  );
}
