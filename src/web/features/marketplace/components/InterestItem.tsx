import { Link } from 'react-router';
import { offerPagePath } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { decideInterest } from '../api/marketplace';
import type { Interest } from '../api/contracts';
import { OwnerName } from './offer-words';
import { OutcomeForm } from './OutcomeForm';

/**
 * One expression of interest: the other side (the owner stays anonymous until it accepts), the message and
 * the three answers, its state; the owner accepts or declines a pending one, its writer withdraws it; an
 * accepted one shows both sides' contacts, links to its thread and, for the owner, to "led to an agreement".
 */
export function InterestItem({ interest, onChanged }: { interest: Interest; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const { error, run } = useAction();
  const decide = (decision: 'accept' | 'decline' | 'withdraw') => run(() => decideInterest(interest, decision), onChanged);
  const other = interest.side === 'interested' ? null : interest.interested;
  return (
    <li className="card interest-item">
      <h3 className="card-title">
        <Link to={offerPagePath(interest.offer.slug)}>
          <MlText value={interest.offer.title} />
        </Link>
      </h3>
      <p className="meta">
        <span className={`badge interest-${interest.state}`}>{t(`marketplace.interests.states.${interest.state}`)}</span>
        <time dateTime={interest.createdAt}>{dateTime(interest.createdAt)}</time>
        {other ? (
          <span>
            {t('marketplace.interests.from')} <MlText value={other.name} />
          </span>
        ) : (
          <span>
            {t('marketplace.interests.to')}{' '}
            <OwnerName offer={{ organisation: interest.owner ?? interest.offer.organisation, regionCode: interest.offer.regionCode }} />
          </span>
        )}
      </p>
      <p className="interest-message">{interest.message}</p>
      <dl className="offer-fields">
        {(['offers', 'expects', 'timeline'] as const).map((q) => (
          <div key={q}>
            <dt>{t(`marketplace.interest.questions.${q}`)}</dt>
            <dd>{interest.answers[q]}</dd>
          </div>
        ))}
      </dl>
      {interest.declineReason && <p className="reason">{interest.declineReason}</p>}
      {interest.state === 'accepted' && <Contacts interest={interest} />}
      <div className="row">
        {interest.can.decide && interest.state === 'pending' && (
          <>
            <button type="button" onClick={() => decide('accept')}>
              {t('marketplace.interests.accept')}
            </button>
            <button type="button" className="secondary" onClick={() => decide('decline')}>
              {t('marketplace.interests.decline')}
            </button>
          </>
        )}
        {interest.can.withdraw && (
          <button type="button" className="secondary" onClick={() => decide('withdraw')}>
            {t('marketplace.interests.withdraw')}
          </button>
        )}
        {interest.threadId && (
          <Link className="button secondary" to={`/messages/${encodeURIComponent(interest.threadId)}`}>
            {t('marketplace.interests.thread')}
          </Link>
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {interest.agreement && (
        <p className="success">
          {t('marketplace.outcome.ledTo')}{' '}
          <Link to={`/cooperation/agreements/${encodeURIComponent(interest.agreement.slug)}`}>
            <MlText value={interest.agreement.title} />
          </Link>
        </p>
      )}
      {interest.can.recordOutcome && !interest.agreement && <OutcomeForm interest={interest} onDone={onChanged} />}
    </li>
  );
}

/** Once accepted, each side's way in: its page, website and public contact. */
function Contacts({ interest }: { interest: Interest }) {
  const { t } = useI18n();
  const sides = [interest.owner, interest.interested].filter((o) => o !== null);
  return (
    <div className="interest-contacts">
      <h4>{t('marketplace.interests.contacts')}</h4>
      <ul>
        {sides.map((o) => (
          <li key={o.slug}>
            <Link to={`/organisations/${encodeURIComponent(o.slug)}`}>
              <MlText value={o.name} />
            </Link>
            {o.contact?.email && (
              <>
                {' · '}
                <a href={`mailto:${o.contact.email}`}>{o.contact.email}</a>
              </>
            )}
            {o.contact?.phone && <> · {o.contact.phone}</>}
            {o.website && (
              <>
                {' · '}
                <a href={o.website} rel="noopener noreferrer">
                  {o.website}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
