import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Outcome, useSubmit } from '../../../shared/ui/forms';
import { useFieldErrors } from '../../../shared/ui/useFieldErrors';
import { cancelEvent, deleteEvent, publishEvent } from '../api/events';
import type { Event } from '../api/contracts';
import { ErrField } from './EventTexts';

/** Publish a draft, cancel an event with its reason (it stays readable, saying why), delete a draft. */
export function LifecycleActions({ event, onChanged }: { event: Event; onChanged(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const errors = useFieldErrors();
  const publish = useSubmit(async () => {
    await publishEvent(event);
    onChanged();
    return t('events.lifecycle.published');
  });
  const cancel = useSubmit(() =>
    errors.keeping(async () => {
      await cancelEvent(event, reason);
      setCancelling(false);
      onChanged();
      return t('events.lifecycle.cancelled');
    }),
  );
  const remove = useSubmit(async () => {
    await deleteEvent(event.slug).catch((e: unknown) => {
      // a 204 has no JSON to read: the draft is gone all the same
      if (!(e instanceof SyntaxError)) throw e;
    });
    navigate('/events');
  });
  return (
    <section className="event-lifecycle" aria-label={t('events.lifecycle.title')}>
      <div className="row">
        {event.status === 'draft' && (
          <>
            <button type="button" disabled={publish.busy} onClick={() => void publish.onSubmit()}>
              {t('events.lifecycle.publish')}
            </button>
            <button type="button" className="secondary" disabled={remove.busy} onClick={() => void remove.onSubmit()}>
              {t('events.lifecycle.delete')}
            </button>
          </>
        )}
        {event.status !== 'cancelled' && !cancelling && (
          <button type="button" className="secondary" onClick={() => setCancelling(true)}>
            {t('events.lifecycle.cancel')}
          </button>
        )}
      </div>
      {cancelling && (
        <form className="stack" onSubmit={cancel.onSubmit} noValidate>
          <ErrField
            id="event-cancel-reason"
            label={t('events.lifecycle.reason')}
            field="body.reason"
            errors={errors}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="row">
            <button type="submit" disabled={cancel.busy}>
              {t('events.lifecycle.confirmCancel')}
            </button>
            <button type="button" className="secondary" onClick={() => setCancelling(false)}>
              {t('events.lifecycle.keep')}
            </button>
          </div>
        </form>
      )}
      <Outcome error={publish.error ?? cancel.error ?? remove.error} done={publish.done ?? cancel.done} />
    </section>
  );
}
