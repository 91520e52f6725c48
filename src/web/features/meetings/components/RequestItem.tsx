import { useId, useState } from 'react';
import type { MeetingPriority } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import type { MeetingRequest } from '../api/contracts';
import { acceptRequest, cancelRequest, declineRequest } from '../api/meetings';
import { PriorityChoice } from './PriorityChoice';

/** A meeting request I sent (cancel it while it is open) or received (accept with my priority, or decline). */
export function RequestItem({ request, side, onChanged }: { request: MeetingRequest; side: 'sent' | 'received'; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const id = useId();
  const { error, run } = useAction();
  const [priority, setPriority] = useState<MeetingPriority>('would_like');
  const other = side === 'sent' ? request.recipient : request.requester;
  const open = request.status === 'pending';
  return (
    <li className="card meeting-request">
      <h3 className="card-title">{other.name}</h3>
      <p className="meta">
        <span className={`badge request-${request.status}`}>{t(`meetings.requestStatus.${request.status}`)}</span>
        <span>{t(`meetings.priority.${request.requesterPriority}`)}</span>
        {other.organisationName && <span>{other.organisationName}</span>}
        <time dateTime={request.createdAt}>{dateTime(request.createdAt)}</time>
      </p>
      {request.message && <p className="request-message">{request.message}</p>}
      {open && side === 'received' && (
        <div className="stack">
          <PriorityChoice id={`${id}-priority`} value={priority} onChange={setPriority} />
          <div className="row">
            <button type="button" onClick={() => run(() => acceptRequest(request, priority), onChanged)}>
              {t('meetings.request.accept')}
            </button>
            <button type="button" className="secondary" onClick={() => run(() => declineRequest(request), onChanged)}>
              {t('meetings.request.decline')}
            </button>
          </div>
        </div>
      )}
      {(open || request.status === 'accepted') && side === 'sent' && (
        <button type="button" className="secondary" onClick={() => run(() => cancelRequest(request), onChanged)}>
          {t('meetings.request.cancel')}
        </button>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
