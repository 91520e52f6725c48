import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import type { Session } from '../api/contracts';
import { dayKey, formatDay, formatTime } from '../hooks/zoned-time';
import { Named, useNamed } from './event-words';

/** One session: its times at the venue, kind, title, room or site, speakers, languages and interpretation. */
export function SessionLine({ session, zone }: { session: Session; zone: string }) {
  const { t, lang } = useI18n();
  const named = useNamed();
  const languages = (session.languages ?? []).map((l) => t(`language.names.${l}`)).join(', ');
  const interpretation = (session.interpretation ?? [])
    .map((p) =>
      p
        .split('>')
        .map((l) => l.toUpperCase())
        .join(' → '),
    )
    .join(', ');
  return (
    <div className="session-line">
      <p className="meta">
        <time dateTime={session.startsAt}>{formatTime(session.startsAt, zone, lang)}</time>–
        <time dateTime={session.endsAt}>{formatTime(session.endsAt, zone, lang)}</time>
        {session.kind !== 'session' && <span className="badge">{t(`events.sessionKinds.${session.kind}`)}</span>}
        {session.room && <span>· {t('events.programme.inRoom', { room: session.room })}</span>}
      </p>
      <h4 className="session-title">
        <MlText value={session.title} />
      </h4>
      {(session.site?.name || session.siteName) && (
        <p className="meta">
          {t('events.programme.site')} <Named value={session.site?.name ?? session.siteName} />
        </p>
      )}
      {(session.speakers ?? []).length > 0 && (
        <p className="speakers-line">
          {(session.speakers ?? []).map((s) => [s.name, named(s.organisationName)].filter(Boolean).join(', ')).join(' · ')}
        </p>
      )}
      {(languages || interpretation) && (
        <p className="meta">
          {languages && t('events.programme.spoken', { languages })}
          {interpretation && ` · ${t('events.programme.interpreted', { pairs: interpretation })}`}
        </p>
      )}
    </div>
  );
}

/** The programme by day at the venue (a day's heading in the reader's language). */
export function ProgrammeByDay({ sessions, zone }: { sessions: Session[]; zone: string }) {
  const { lang } = useI18n();
  const days = new Map<string, Session[]>();
  for (const s of [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt)))
    days.set(dayKey(s.startsAt, zone), [...(days.get(dayKey(s.startsAt, zone)) ?? []), s]);
  return (
    <>
      {[...days].map(([day, items]) => (
        <div key={day} className="programme-day">
          <h3>{formatDay(items[0]!.startsAt, zone, lang)}</h3>
          <ul className="sessions">
            {items.map((s) => (
              <li key={s.id}>
                <SessionLine session={s} zone={zone} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
