import '../marketplace.css';
import { Link } from 'react-router';
import { OFFER_STAGES } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMyOffers, useReviewQueue } from '../api/marketplace';
import { OfferCard } from './OfferCard';
import { SuggestedOffers } from './SuggestedOffers';

/** My organisations' offers and requests, grouped by stage (drafts first, what needs doing on top). */
export function MyOffersPage() {
  const { t } = useI18n();
  const offers = useMyOffers();
  useTitle(t('marketplace.myOffers.title'));
  const items = offers.data?.items ?? [];
  return (
    <>
      <h1>{t('marketplace.myOffers.title')}</h1>
      <p className="row">
        <Link className="button" to="/my/offers/new">
          {t('marketplace.newOffer')}
        </Link>
        <Link to="/my/interests">{t('marketplace.myInterests.title')}</Link>
      </p>
      <Status state={offers} />
      {offers.data && items.length === 0 && <p>{t('marketplace.myOffers.none')}</p>}
      {OFFER_STAGES.map((stage) => {
        const inStage = items.filter((o) => o.stage === stage);
        if (inStage.length === 0) return null;
        return (
          <section key={stage} aria-labelledby={`my-offers-${stage}`}>
            <h2 id={`my-offers-${stage}`}>
              {t(`marketplace.stages.${stage}`)} ({inStage.length})
            </h2>
            <ul className="cards offer-list">
              {inStage.map((o) => (
                <OfferCard key={o.id} offer={o} headingLevel={3} />
              ))}
            </ul>
          </section>
        );
      })}
      <SuggestedOffers />
    </>
  );
}

/** The coordinator's queue: the submitted offers of the regions they coordinate, oldest first. */
export function ReviewQueuePage() {
  const { t } = useI18n();
  const queue = useReviewQueue();
  useTitle(t('marketplace.reviewQueue.title'));
  return (
    <>
      <h1>{t('marketplace.reviewQueue.title')}</h1>
      <p className="lead">{t('marketplace.reviewQueue.lead')}</p>
      <Status state={queue} />
      {queue.data && queue.data.items.length === 0 && <p>{t('marketplace.reviewQueue.none')}</p>}
      {queue.data && queue.data.items.length > 0 && (
        <ul className="cards offer-list">
          {queue.data.items.map((o) => (
            <OfferCard key={o.id} offer={o} />
          ))}
        </ul>
      )}
    </>
  );
}
