import { Link } from 'react-router';
import { offerPagePath } from '../../../../shared/offers';
import type { OfferSummary } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { Day, KindBadge, OwnerName, StageBadge } from './offer-words';

/**
 * One offer of a list: kind, title (its original language marked when not the reader's), summary, owner
 * (or "Anonymous organisation (region)"), region, deadline and expiry, and why it matched the search.
 */
export function OfferCard({
  offer,
  showStage = false,
  headingLevel = 2,
  children,
}: {
  offer: OfferSummary;
  showStage?: boolean;
  headingLevel?: 2 | 3;
  /** What a list adds to the card (a button that stops following it). */
  children?: React.ReactNode;
}) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <li className="card offer-card">
      <p className="meta">
        <KindBadge kind={offer.kind} />
        {showStage && <StageBadge stage={offer.stage} />}
      </p>
      <Heading className="card-title">
        <Link to={offerPagePath(offer.slug)}>
          <MlText value={offer.title} />
        </Link>
      </Heading>
      {offer.summary && <MlText as="p" className="offer-summary" value={offer.summary} />}
      <p className="meta offer-owner">
        <OwnerName offer={offer} />
        <span>· {names.region(offer.regionCode)}</span>
      </p>
      <p className="meta offer-dates">
        {offer.deadline && (
          <span>
            {t('marketplace.labelled', { label: t('marketplace.fields.deadline') })} <Day day={offer.deadline} />
          </span>
        )}
        <span>
          {t('marketplace.labelled', { label: t('marketplace.fields.expiresOn') })} <Day day={offer.expiresOn} />
        </span>
      </p>
      {offer.why.length > 0 && (
        <p className="why">
          {t('marketplace.labelled', { label: t('marketplace.why') })} {offer.why.map((w) => w.text).join(' · ')}
        </p>
      )}
      {children}
    </li>
  );
}
