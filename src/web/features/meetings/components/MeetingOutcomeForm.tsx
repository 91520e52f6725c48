import { useId, useState } from 'react';
import { MEETING_OUTCOMES, type MeetingOutcome } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, SelectField, useSubmit } from '../../../shared/ui/forms';
import { FieldError } from '../../../shared/ui/FieldError';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { recordMeetingOutcome } from '../api/meetings';
import { AgreementTypeahead } from './AgreementTypeahead';

/** Outcomes a side records after the meeting (not_held is what an unrecorded meeting counts as). */
const RECORDED: MeetingOutcome[] = MEETING_OUTCOMES.filter((o) => o !== 'not_held');
const LINKS_RECORD = new Set<MeetingOutcome>(['agreement', 'letter_of_intent']);

/** What came of a meeting once it has started: the outcome, a note, and the registry agreement that resulted. */
export function MeetingOutcomeForm({ meetingId, onSaved }: { meetingId: string; onSaved(): void }) {
  const { t } = useI18n();
  const id = useId();
  const errors = useFieldErrors();
  const [outcome, setOutcome] = useState<MeetingOutcome>('follow_up_planned');
  // the meeting as the last save left it: its outcome shown, its version sent with the next change
  const [saved, setSaved] = useState<{ outcome: MeetingOutcome | null; version: number } | null>(null);
  const [note, setNote] = useState('');
  const [record, setRecord] = useState<string | null>(null);
  const save = useSubmit(() =>
    errors.keeping(async () => {
      const meeting = await recordMeetingOutcome(
        meetingId,
        { outcome, note: note.trim() || null, recordSlug: LINKS_RECORD.has(outcome) ? record : null },
        saved?.version,
      );
      setSaved({ outcome: meeting.outcome, version: meeting.version });
      onSaved();
      return t('meetings.outcome.saved');
    }),
  );
  return (
    <form className="stack outcome-form" onSubmit={save.onSubmit} noValidate aria-label={t('meetings.outcome.title')}>
      {saved?.outcome && <p className="muted">{t('meetings.outcome.recorded', { outcome: t(`meetings.outcomes.${saved.outcome}`) })}</p>}
      <SelectField
        id={`${id}-outcome`}
        label={t('meetings.outcome.label')}
        value={outcome}
        options={RECORDED.map((o): { value: MeetingOutcome; label: string } => ({ value: o, label: t(`meetings.outcomes.${o}`) }))}
        onChange={(v: MeetingOutcome) => setOutcome(v)}
      />
      <FieldError errors={errors} field="body.outcome" id={`${id}-outcome-error`} />
      {LINKS_RECORD.has(outcome) && (
        <>
          <AgreementTypeahead
            id={`${id}-record`}
            label={t('meetings.outcome.agreement')}
            value={record}
            onChange={setRecord}
            describedBy={errors.of('body.recordSlug').length ? `${id}-record-error` : undefined}
            invalid={errors.of('body.recordSlug').length > 0}
          />
          <FieldError errors={errors} field="body.recordSlug" id={`${id}-record-error`} />
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('meetings.outcome.note')}</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        <FieldError errors={errors} field="body.note" id={`${id}-note-error`} />
      </div>
      <FieldError errors={errors} field="body" exact id={`${id}-error`} />
      <button type="submit" disabled={save.busy}>
        {t('meetings.outcome.save')}
      </button>
      <Outcome error={save.error} done={save.done} />
    </form>
  );
}
