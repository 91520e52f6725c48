import type { MultilingualText } from '../../../../shared/multilingual';
import type { OfferStage } from '../../../../shared/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';

interface Owner {
  organisation: { name: MultilingualText } | null;
  regionCode: string;
}

/**
 * An offer's owner as the reader may see it: the organisation, or "Anonymous organisation (its region)"
 * when the API hid it (the API alone decides: organisation is null for whom it is anonymous).
 */
export function OwnerName({ offer }: { offer: Owner }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  if (offer.organisation) return <MlText value={offer.organisation.name} />;
  return <span className="anonymous-owner">{t('marketplace.anonymousOwner', { region: names.region(offer.regionCode) })}</span>;
}

/** The owner as plain text, for page titles. */
export function useOwnerText() {
  const { t } = useI18n();
  const names = useReferenceNames();
  const text = useMlString();
  return (offer: Owner) =>
    offer.organisation ? text(offer.organisation.name) : t('marketplace.anonymousOwner', { region: names.region(offer.regionCode) });
}

export function KindBadge({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <span className={`badge offer-kind offer-kind-${kind}`}>{t(`marketplace.kinds.${kind}`)}</span>;
}

export function StageBadge({ stage }: { stage: OfferStage }) {
  const { t } = useI18n();
  return <span className={`badge offer-stage offer-stage-${stage}`}>{t(`marketplace.stages.${stage}`)}</span>;
}

/** A day (YYYY-MM-DD) in the reader's language; a day is a calendar day, shown without a time zone shift. */
export function useDay() {
  const { lang } = useI18n();
  return (day: string) => {
    const [y, m, d] = day.split('-').map(Number);
    return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  };
}

export function Day({ day }: { day: string }) {
  const show = useDay();
  return <time dateTime={day}>{show(day)}</time>;
}
