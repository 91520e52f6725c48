import { Link } from 'react-router';
import type { Offer } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useOfferMatches, useSuggestedPartners } from '../api/marketplace';
import { OfferCard } from './OfferCard';

/** The offers and requests that complete this one; for its people, the organisations suggested as partners. */
export function MatchesPanel({ offer }: { offer: Offer }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const matches = useOfferMatches(offer.slug);
  const partners = useSuggestedPartners(offer.can.edit ? offer.slug : null);
  const matchItems = matches.data?.items ?? [];
  const partnerItems = partners.data?.items ?? [];
  return (
    <>
      {matchItems.length > 0 && (
        <section aria-labelledby="offer-matches-title">
          <h2 id="offer-matches-title">{t('marketplace.matches.title')}</h2>
          <ul className="cards offer-list">
            {matchItems.map((m) => (
              <OfferCard
                key={m.offer.id}
                offer={{ ...m.offer, why: m.explanation.signals.map((s) => ({ kind: s.signal, text: s.text })) }}
                headingLevel={3}
              />
            ))}
          </ul>
        </section>
      )}
      {partnerItems.length > 0 && (
        <section aria-labelledby="offer-partners-title">
          <h2 id="offer-partners-title">{t('marketplace.matches.partners')}</h2>
          <ul className="cards">
            {partnerItems.map(({ organisation: p, explanation }) => (
              <li key={p.slug} className="card">
                <h3 className="card-title">
                  <Link to={`/organisations/${encodeURIComponent(p.slug)}`}>
                    <MlText value={p.name} />
                  </Link>
                </h3>
                <p className="meta">
                  {t(`kinds.${p.kind}`)} · {names.region(p.regionCode)}
                </p>
                {explanation.signals.length > 0 && (
                  <p className="why">
                    {t('marketplace.labelled', { label: t('marketplace.why') })} {explanation.signals.map((s) => s.text).join(' · ')}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
