import '../marketplace.css';
import type { OfferSummary } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMyInterests, useMyOffers, useOfferInterests } from '../api/marketplace';
import { InterestItem } from './InterestItem';

/** My expressions of interest: those my organisations sent, and those their offers received, with their state and threads. */
export function MyInterestsPage() {
  const { t } = useI18n();
  const interests = useMyInterests();
  const offers = useMyOffers();
  useTitle(t('marketplace.myInterests.title'));
  const sent = interests.data?.items ?? [];
  // only a published offer receives interests (and keeps them once expired or closed)
  const open = (offers.data?.items ?? []).filter((o) => o.stage === 'published' || o.stage === 'expired' || o.stage === 'closed');
  return (
    <>
      <h1>{t('marketplace.myInterests.title')}</h1>
      <section aria-labelledby="interests-sent">
        <h2 id="interests-sent">{t('marketplace.interests.sent')}</h2>
        <Status state={interests} />
        {interests.data && sent.length === 0 && <p>{t('marketplace.interests.none')}</p>}
        {sent.length > 0 && (
          <ul className="cards interest-list">
            {sent.map((i) => (
              <InterestItem key={i.id} interest={i} onChanged={interests.reload} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="interests-received">
        <h2 id="interests-received">{t('marketplace.interests.received')}</h2>
        <Status state={offers} />
        {offers.data && open.length === 0 && <p>{t('marketplace.interests.none')}</p>}
        {open.map((o) => (
          <ReceivedBy key={o.id} offer={o} />
        ))}
      </section>
    </>
  );
}

/** What one of my offers received (nothing shown for an offer that received none). */
function ReceivedBy({ offer }: { offer: OfferSummary }) {
  const received = useOfferInterests(offer.slug);
  const items = received.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <ul className="cards interest-list">
      {items.map((i) => (
        <InterestItem key={i.id} interest={i} onChanged={received.reload} />
      ))}
    </ul>
  );
}
