import { useState } from 'react';
import { Link } from 'react-router';
import type { Agenda } from '../../../../shared/schemas/events/outputs';
import { ApiRequestError } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { registrationClosed } from '../hooks/registration-open';
import { decideRegistration, register, useMyRegistration, useParticipationTypes } from '../api/events';
import type { Event, ParticipationType, Registration } from '../api/contracts';
import { eventPath, Named, RegistrationStatusBadge } from './event-words';
import { noOrganisation, organisationInput, RegistrationOrganisation, type OrganisationDraft } from './RegistrationOrganisation';

/**
 * Registration as an attendee sees it: a visitor is asked to sign in; a member chooses a way to take part,
 * answers its questions and registers; once registered, their status (confirmed, awaiting approval, on the
 * waiting list at a position) and the way to cancel.
 */
export function RegistrationPanel({ event, onChanged }: { event: Event; onChanged(): void }) {
  const { t } = useI18n();
  const { session } = useSession();
  const signedIn = !!session?.user;
  const mine = useMyRegistration(signedIn && event.status === 'published' ? event.slug : null);
  const none = mine.status === 'error' && mine.error instanceof ApiRequestError && mine.error.status === 404;
  const registration = mine.status === 'ready' ? mine.data : null;
  if (event.status !== 'published') return null;
  const changed = () => {
    mine.reload();
    onChanged();
  };
  return (
    <section className="registration card stack" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('events.registration.title')}</h2>
      {!signedIn ? (
        session &&
        (registrationClosed(event, new Date()) ? (
          <p className="muted">{t('events.registration.closed')}</p>
        ) : (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(eventPath(event.slug))}`}>{t('events.registration.signIn')}</Link>
          </p>
        ))
      ) : registration && registration.status !== 'cancelled' && registration.status !== 'declined' ? (
        <MyRegistration event={event} registration={registration} onChanged={changed} />
      ) : none || registration ? (
        event.can.register ? (
          <RegistrationForm event={event} onRegistered={changed} />
        ) : (
          <p className="muted">{t('events.registration.closed')}</p>
        )
      ) : null}
    </section>
  );
}

function MyRegistration({ event, registration, onChanged }: { event: Event; registration: Registration; onChanged(): void }) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const cancel = useSubmit(async () => {
    await decideRegistration(registration, 'cancel');
    setConfirming(false);
    onChanged();
    return t('events.registration.cancelled');
  });
  return (
    <div className="stack my-registration">
      <p role="status">
        {t('events.registration.registeredAs')} <Named value={registration.participationType.name} />{' '}
        <RegistrationStatusBadge status={registration.status} position={registration.waitlistPosition} />
      </p>
      <p className="muted">{t(`events.registration.explain.${registration.status}`)}</p>
      {confirming ? (
        <CancelConfirmation event={event} busy={cancel.busy} onConfirm={() => void cancel.onSubmit()} onKeep={() => setConfirming(false)} />
      ) : (
        <div className="row">
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>
            {t('events.registration.cancel')}
          </button>
        </div>
      )}
      <Outcome error={cancel.error} done={cancel.done} />
    </div>
  );
}

/** Cancelling is asked twice: it gives up the place (and, with it, my meetings, which the API cancels too). */
function CancelConfirmation({ event, busy, onConfirm, onKeep }: { event: Event; busy: boolean; onConfirm(): void; onKeep(): void }) {
  const { t, lang } = useI18n();
  const agenda = useApi<Agenda>(event.meetingsEnabled ? `/events/${encodeURIComponent(event.slug)}/agenda/mine?lang=${lang}` : null);
  const meetings = (agenda.data?.items ?? []).filter((i) => i.kind === 'meeting' && i.status !== 'cancelled').length;
  return (
    <div className="stack cancel-confirmation" role="group" aria-labelledby="cancel-question">
      <p id="cancel-question">
        <strong>{t('events.registration.cancelQuestion')}</strong>{' '}
        {meetings > 0 && t('events.registration.cancelMeetings', { count: meetings })}
      </p>
      <div className="row">
        <button type="button" disabled={busy} onClick={onConfirm}>
          {t('events.registration.cancelConfirm')}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onKeep}>
          {t('events.registration.cancelKeep')}
        </button>
      </div>
    </div>
  );
}

function RegistrationForm({ event, onRegistered }: { event: Event; onRegistered(): void }) {
  const { t } = useI18n();
  const types = useParticipationTypes(event.slug).data?.items ?? [];
  const [typeId, setTypeId] = useState('');
  const [answers, setAnswers] = useState<Record<string, string | boolean>>({});
  const [organisation, setOrganisation] = useState<OrganisationDraft>(noOrganisation);
  const [jobTitle, setJobTitle] = useState('');
  const errors = useFieldErrors();
  const chosen = types.find((p) => p.id === typeId);
  const submit = useSubmit(() =>
    errors.keeping(async () => {
      const r = await register(event.slug, {
        participationTypeId: typeId,
        answers,
        ...organisationInput(organisation),
        ...(jobTitle.trim() ? { jobTitle: jobTitle.trim() } : {}),
      });
      onRegistered();
      return t(`events.registration.done.${r.status}`, { position: r.waitlistPosition ?? '' });
    }),
  );
  if (types.length === 0) return <p className="muted">{t('events.registration.noTypes')}</p>;
  return (
    <form className="stack" onSubmit={submit.onSubmit} noValidate>
      <fieldset className="type-choice" {...invalidProps(errors, 'body.participationTypeId', 'registration-type-error')}>
        <legend>{t('events.registration.chooseType')}</legend>
        {types.map((p) => (
          <label key={p.id} className="checkbox type-option">
            <input type="radio" name="participation-type" value={p.id} checked={typeId === p.id} onChange={() => setTypeId(p.id)} />{' '}
            <Named value={p.name} /> <PlacesLeft type={p} />
          </label>
        ))}
        <FieldError errors={errors} field="body.participationTypeId" id="registration-type-error" />
      </fieldset>
      {(chosen?.questions ?? []).map((q) => {
        const id = `answer-${q.id}`;
        const field = `body.answers.${q.id}`;
        return q.kind === 'yes_no' ? (
          <div key={q.id} className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={answers[q.id] === true}
                onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.checked })}
              />{' '}
              <Named value={q.label} />
            </label>
            <FieldError errors={errors} field={field} id={`${id}-error`} />
          </div>
        ) : q.kind === 'choice' ? (
          <div key={q.id} className="field">
            <label htmlFor={id}>
              <Named value={q.label} />
              {q.required && ' *'}
            </label>
            <select
              id={id}
              value={String(answers[q.id] ?? '')}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
              {...invalidProps(errors, field, `${id}-error`)}
            >
              <option value="">—</option>
              {(q.choices ?? []).map((c) => (
                <option key={c.id} value={c.id}>
                  {typeof c.label === 'string' ? c.label : (c.label[c.label.original] ?? '')}
                </option>
              ))}
            </select>
            <FieldError errors={errors} field={field} id={`${id}-error`} />
          </div>
        ) : (
          <div key={q.id} className="field">
            <label htmlFor={id}>
              <Named value={q.label} />
              {q.required && ' *'}
            </label>
            <input
              id={id}
              value={String(answers[q.id] ?? '')}
              onChange={(e) => setAnswers({ ...answers, [q.id]: e.target.value })}
              {...invalidProps(errors, field, `${id}-error`)}
            />
            <FieldError errors={errors} field={field} id={`${id}-error`} />
          </div>
        );
      })}
      <RegistrationOrganisation draft={organisation} onChange={setOrganisation} errors={errors} />
      <div className="row">
        <div className="field">
          <label htmlFor="registration-job">{t('events.fields.jobTitle')}</label>
          <input id="registration-job" value={jobTitle} maxLength={300} onChange={(e) => setJobTitle(e.target.value)} />
          <FieldError errors={errors} field="body.jobTitle" id="registration-job-error" />
        </div>
      </div>
      <div className="row">
        <button type="submit" className="big" disabled={submit.busy}>
          {t('events.registration.register')}
        </button>
      </div>
      <Outcome error={submit.error} done={submit.done} />
    </form>
  );
}

function PlacesLeft({ type }: { type: ParticipationType }) {
  const { t } = useI18n();
  if (type.placesLeft === null || type.placesLeft === undefined) return null;
  return (
    <span className="muted">
      ({type.placesLeft > 0 ? t('events.registration.placesLeft', { count: type.placesLeft }) : t('events.registration.full')})
    </span>
  );
}
