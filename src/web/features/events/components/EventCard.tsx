import { Link } from 'react-router';
import { MlText } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { EventSummary } from '../api/contracts';

/** An event as a list shows it: my registrations' events name their venue in my language already (a text). */
export type CardEvent = Omit<EventSummary, 'venueLabel'> & { venueLabel: MultilingualText | string | null };
import { eventPath, EventStatusBadge, EventWhen, KindBadge, useNamed } from './event-words';

/** One event of a list: kind, title in the reader's language, when (at the venue and for the reader), where. */
export function EventCard({ event, children }: { event: CardEvent; children?: React.ReactNode }) {
  const names = useReferenceNames();
  const named = useNamed();
  return (
    <li className="card event-card">
      <p className="meta">
        <KindBadge kind={event.kind} />
        <EventStatusBadge status={event.status} />
      </p>
      <h2 className="card-title">
        <Link to={eventPath(event.slug)}>
          <MlText value={event.title} />
        </Link>
      </h2>
      <p className="meta event-card-when">
        <EventWhen event={event} />
      </p>
      <p className="meta">{[named(event.venueLabel), names.region(event.regionCode)].filter(Boolean).join(' · ')}</p>
      {children}
    </li>
  );
}
