import { useId, useState } from 'react';
import type { MeetingPriority } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { MlText } from '../../../shared/ui/MlText';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import type { MeetingParticipant } from '../api/contracts';
import { sendMeetingRequest } from '../api/meetings';
import { PriorityChoice } from './PriorityChoice';

/** Someone to meet: who they are, what they bring, and a request with my priority and a message. */
export function ParticipantCard({
  slug,
  person,
  reasons,
  canRequest,
  onSent,
}: {
  slug: string;
  person: MeetingParticipant;
  reasons?: string[];
  canRequest: boolean;
  onSent(): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const errors = useFieldErrors();
  const [open, setOpen] = useState(false);
  const [priority, setPriority] = useState<MeetingPriority>('would_like');
  const [message, setMessage] = useState('');
  const send = useSubmit(() =>
    errors.keeping(async () => {
      await sendMeetingRequest(slug, { recipientRegistrationId: person.registrationId, priority, message: message.trim() || undefined });
      setOpen(false);
      onSent();
      return t('meetings.request.sent');
    }),
  );
  const organisation = person.organisation?.name ?? person.organisationName;
  return (
    <li className="card meeting-person">
      <h3 className="card-title">{person.name}</h3>
      <p className="meta">
        {person.jobTitle && <span>{person.jobTitle}</span>}
        {organisation && <span>{typeof organisation === 'string' ? organisation : <MlText value={organisation} />}</span>}
        {person.requestState && (
          <span className={`badge request-${person.requestState}`}>{t(`meetings.requestState.${person.requestState}`)}</span>
        )}
      </p>
      {person.meetingProfile && <MlText as="p" value={person.meetingProfile} className="meeting-profile-text" />}
      {person.offers.length > 0 && (
        <ul className="meeting-offers">
          {person.offers.map((o) => (
            <li key={o.slug}>
              <a href={`/marketplace/${encodeURIComponent(o.slug)}`}>
                <MlText value={o.title} />
              </a>
            </li>
          ))}
        </ul>
      )}
      {reasons && reasons.length > 0 && (
        <p className="why">
          {t('meetings.suggestions.why')} {reasons.join(' · ')}
        </p>
      )}
      {canRequest && person.requestState === null && !open && (
        <button type="button" onClick={() => setOpen(true)}>
          {t('meetings.request.open', { name: person.name })}
        </button>
      )}
      {open && (
        <form className="stack" onSubmit={send.onSubmit} noValidate aria-label={t('meetings.request.open', { name: person.name })}>
          <PriorityChoice id={`${id}-priority`} value={priority} onChange={setPriority} />
          <div className="field">
            <label htmlFor={`${id}-message`}>{t('meetings.request.message')}</label>
            <textarea
              id={`${id}-message`}
              rows={3}
              maxLength={2000}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              {...invalidProps(errors, 'body.message', `${id}-message-error`)}
            />
            <FieldError errors={errors} field="body.message" id={`${id}-message-error`} />
          </div>
          <FieldError errors={errors} field="body.recipientRegistrationId" id={`${id}-recipient-error`} />
          <div className="row">
            <button type="submit" disabled={send.busy}>
              {t('meetings.request.send')}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t('meetings.request.close')}
            </button>
          </div>
        </form>
      )}
      <Outcome error={send.error} done={send.done} />
    </li>
  );
}
