import type { Offer } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useOfferInterests } from '../api/marketplace';
import { InterestItem } from './InterestItem';

/** The expressions of interest an offer received, for its people: accept or decline; an accepted one goes on in its thread. */
export function ReceivedInterests({ offer }: { offer: Offer }) {
  const { t } = useI18n();
  const interests = useOfferInterests(offer.slug);
  const items = interests.data?.items ?? [];
  return (
    <section aria-labelledby="offer-interests-title">
      <h2 id="offer-interests-title">{t('marketplace.interests.received')}</h2>
      <Status state={interests} />
      {interests.data && items.length === 0 && <p>{t('marketplace.interests.none')}</p>}
      {items.length > 0 && (
        <ul className="cards interest-list">
          {items.map((i) => (
            <InterestItem key={i.id} interest={i} onChanged={interests.reload} />
          ))}
        </ul>
      )}
    </section>
  );
}
