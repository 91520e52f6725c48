import type { MultilingualText } from '../../../../shared/multilingual';
import { resolveText } from '../../../../shared/multilingual';
import type { EventKind, EventStatus, RegistrationStatus } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { formatDateTime, formatKnownDate, formatTime, readerTimeZone, sameClock, zoneName } from '../hooks/zoned-time';

export const eventPath = (slug: string) => `/events/${encodeURIComponent(slug)}`;

export function KindBadge({ kind }: { kind: EventKind }) {
  const { t } = useI18n();
  return <span className={`badge event-kind kind-${kind}`}>{t(`events.kinds.${kind}`)}</span>;
}

export function EventStatusBadge({ status }: { status: EventStatus }) {
  const { t } = useI18n();
  if (status === 'published') return null;
  return <span className={`badge event-status status-${status}`}>{t(`events.statuses.${status}`)}</span>;
}

export function RegistrationStatusBadge({ status, position }: { status: RegistrationStatus; position?: number | null }) {
  const { t } = useI18n();
  const text =
    status === 'waitlisted' && position
      ? t('events.registration.waitlistPosition', { position })
      : t(`events.registrationStatuses.${status}`);
  return <span className={`badge registration-status status-${status}`}>{text}</span>;
}

/** A name the API gives in several languages, or as one text (a person's organisation typed at registration). */
export function Named({ value }: { value: MultilingualText | string | null | undefined }) {
  if (!value) return null;
  return typeof value === 'string' ? <>{value}</> : <MlText value={value} />;
}
export function useNamed() {
  const { lang } = useI18n();
  return (value: MultilingualText | string | null | undefined) =>
    !value ? '' : typeof value === 'string' ? value : (resolveText(value, lang)?.text ?? '');
}

/**
 * A time at the venue and, when the reader's clock reads otherwise, in theirs: "18:00 heure normale de Moscou
 * · 17:00 à votre heure". `withDate` starts with the day.
 */
export function ZonedTime({ at, zone, withDate = true }: { at: string; zone: string; withDate?: boolean }) {
  const { t, lang } = useI18n();
  const mine = readerTimeZone();
  const ms = Date.parse(at);
  const format = withDate ? formatDateTime : formatTime;
  const there = t('events.time.inZone', { time: format(at, zone, lang), zone: zoneName(ms, zone, lang) });
  if (sameClock(ms, zone, mine)) return <time dateTime={at}>{there}</time>;
  return (
    <time dateTime={at}>
      {there} <span className="your-time">· {t('events.time.yours', { time: format(at, mine, lang) })}</span>
    </time>
  );
}

/** When an event is: its start and end at the venue (and in the reader's zone), or the date its source knows. */
export function EventWhen({
  event,
}: {
  event: { startsAt: string | null; endsAt: string | null; knownDate: string | null; timeZone: string };
}) {
  const { lang, t } = useI18n();
  if (event.startsAt)
    return (
      <span className="event-when">
        <ZonedTime at={event.startsAt} zone={event.timeZone} />
        {event.endsAt && (
          <>
            {' '}
            <span className="event-until">
              {t('events.time.until')} <ZonedTime at={event.endsAt} zone={event.timeZone} />
            </span>
          </>
        )}
      </span>
    );
  if (event.knownDate) return <span className="event-when">{formatKnownDate(event.knownDate, lang)}</span>;
  return null;
}
