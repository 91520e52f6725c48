import type { Offer } from '../../../../shared/schemas/offers';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/** The stages the offer went through, newest last, with who moved it and why (a return's reasons). */
export function OfferHistory({ history }: { history: Offer['history'] }) {
  const { t, dateTime } = useI18n();
  if (history.length === 0) return null;
  return (
    <section aria-labelledby="offer-history-title">
      <h2 id="offer-history-title">{t('marketplace.history.title')}</h2>
      <ol className="offer-history">
        {history.map((h, i) => (
          <li key={`${h.at}-${i}`}>
            <time dateTime={h.at}>{dateTime(h.at)}</time> — {t(`marketplace.stages.${h.to}`)}
            {h.by && <> · {h.by}</>}
            {h.reason && <p className="reason">{h.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
