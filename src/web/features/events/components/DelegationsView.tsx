import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import type { Delegation } from '../api/contracts';
import { formatKnownDate } from '../hooks/zoned-time';
import { Named, useNamed } from './event-words';
import { SessionLine } from './ProgrammeView';

/** A delegation as an attendee reads it: where from, when, its head first, its members and their roles, its visits. */
export function DelegationView({ delegation, zone }: { delegation: Delegation; zone: string }) {
  const { t, lang } = useI18n();
  const names = useReferenceNames();
  const named = useNamed();
  const members = [...delegation.members].sort((a, b) => (a.role === 'head' ? -1 : b.role === 'head' ? 1 : 0));
  const dates = [delegation.arrivesOn, delegation.departsOn].filter(Boolean).map((d) => formatKnownDate(d!, lang));
  return (
    <div className="delegation">
      <h3>
        <Named value={delegation.name} />
      </h3>
      <p className="meta">
        {t('events.delegations.from', { region: names.region(delegation.fromRegionCode) })}
        {dates.length > 0 && ` · ${dates.join(' – ')}`}
      </p>
      <ul className="members-list">
        {members.map((m, i) => (
          <li key={i} className={m.role === 'head' ? 'head' : undefined}>
            <span className="badge">{t(`events.delegationRoles.${m.role}`)}</span> {[m.name, named(m.position)].filter(Boolean).join(', ')}
            {(m.organisation || m.organisationName) && (
              <>
                {' '}
                (<Named value={m.organisation?.name ?? m.organisationName} />)
              </>
            )}
          </li>
        ))}
      </ul>
      {delegation.programme?.length > 0 && (
        <div className="delegation-programme">
          <h4>{t('events.delegations.programme')}</h4>
          <ul className="sessions">
            {delegation.programme.map((s) => (
              <li key={s.id}>
                <SessionLine session={s} zone={zone} />
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
