import type { MultilingualText } from '../../../../shared/multilingual';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { useSuggestedOffers } from '../api/marketplace';
import { OfferCard } from './OfferCard';

/** For each of the reader's organisations, the offers and requests matching suggests to it, with the reasons. */
export function SuggestedOffers() {
  const mine = useApi<{ items: { slug: string; name: MultilingualText }[] }>('/me/organisations').data?.items ?? [];
  return (
    <>
      {mine.map((o) => (
        <SuggestedFor key={o.slug} slug={o.slug} name={o.name} />
      ))}
    </>
  );
}

function SuggestedFor({ slug, name }: { slug: string; name: MultilingualText }) {
  const { t } = useI18n();
  const text = useMlString();
  const suggested = useSuggestedOffers(slug);
  const items = suggested.data?.items ?? [];
  if (items.length === 0) return null;
  const id = `suggested-${slug}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('marketplace.matches.suggestedFor', { name: text(name) })}</h2>
      <ul className="cards offer-list">
        {items.map((m) => (
          <OfferCard
            key={m.offer.id}
            offer={{ ...m.offer, why: m.explanation.signals.map((s) => ({ kind: s.signal, text: s.text })) }}
            headingLevel={3}
          />
        ))}
      </ul>
    </section>
  );
}
