import { Link } from 'react-router';
import { offerPagePath } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { decideInterest } from '../api/marketplace';
import type { InterestSummary } from '../api/contracts';
import { OutcomeForm } from './OutcomeForm';

/**
 * One expression of interest: who (to the owner), the message and the three answers, its state; the
 * owner accepts or declines a pending one, its writer withdraws it; an accepted one links to its thread
 * and, for the owner, to "led to an agreement".
 */
export function InterestItem({
  interest,
  side,
  owner,
  onChanged,
}: {
  interest: InterestSummary;
  side: 'sent' | 'received';
  /** The owner organisation's slug, whose agreements an outcome may link to. */
  owner: string | null;
  onChanged(): void;
}) {
  const { t, dateTime } = useI18n();
  const { error, run } = useAction();
  const decide = (decision: 'accept' | 'decline' | 'withdraw') => run(() => decideInterest(interest.id, decision), onChanged);
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
        {side === 'received' && interest.from && (
          <span>
            {t('marketplace.interests.from')} <MlText value={interest.from.name} />
          </span>
        )}
      </p>
      {interest.message && <p className="interest-message">{interest.message}</p>}
      {interest.answers && (
        <dl className="offer-fields">
          {(['offers', 'expects', 'timeline'] as const).map((q) => (
            <div key={q}>
              <dt>{t(`marketplace.interest.questions.${q}`)}</dt>
              <dd>{interest.answers![q]}</dd>
            </div>
          ))}
        </dl>
      )}
      <div className="row">
        {side === 'received' && interest.state === 'pending' && (
          <>
            <button type="button" onClick={() => decide('accept')}>
              {t('marketplace.interests.accept')}
            </button>
            <button type="button" className="secondary" onClick={() => decide('decline')}>
              {t('marketplace.interests.decline')}
            </button>
          </>
        )}
        {side === 'sent' && interest.state === 'pending' && (
          <button type="button" className="secondary" onClick={() => decide('withdraw')}>
            {t('marketplace.interests.withdraw')}
          </button>
        )}
        {interest.state === 'accepted' && interest.threadId && (
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
      {side === 'received' && interest.state === 'accepted' && !interest.agreement && (
        <OutcomeForm interestId={interest.id} owner={owner} onDone={onChanged} />
      )}
    </li>
  );
}
