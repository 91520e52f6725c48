import type { PartnerSuggestion } from '../../../../shared/schemas/matching';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { ProductText } from '../../../shared/ui/ProductCodeInput';

const points = (n: number) => (Math.round(n * 10) / 10).toLocaleString();

/**
 * Why a partner is suggested, in words; the score and the points each signal brought stay behind a
 * "details" toggle for whoever wants to check the ranking.
 */
export function PartnerExplanation({ explanation: e, score }: { explanation: PartnerSuggestion['explanation']; score: number }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const c = e.contributions;
  const numbers: [string, number][] = (
    [
      [t('words.points.areas'), c.areas],
      [t('words.points.nace'), c.nace],
      [t('words.points.products'), c.products],
      [t('words.points.concepts'), c.concepts],
      [t('words.points.complementarity'), c.complementarity],
      [t('words.points.regionPair'), c.regionPair],
    ] as [string, number][]
  ).filter(([, n]) => n > 0);
  return (
    <>
      <ul className="explanation">
        {e.areas.length > 0 && (
          <li>
            {t('words.sharesAreas', { count: e.areas.length })} {e.areas.map((a) => text(a.name)).join(' · ')}
          </li>
        )}
        {e.nace.length > 0 && (
          <li>
            {t('partners.sharedNace')} {e.nace.map((n) => `${n.code} ${n.title[lang] ?? n.title.en}`).join(' · ')}
          </li>
        )}
        {e.products.length > 0 && (
          <li>
            {t('partners.sharedProducts')}{' '}
            {e.products.map((p, i) => (
              <span key={p.code}>
                {i > 0 && ' · '}
                <ProductText product={p} />
              </span>
            ))}
          </li>
        )}
        {e.concepts.length > 0 && (
          <li>
            {t('partners.sharedConcepts')}{' '}
            {e.concepts.map((k) => (
              <span key={k.code} className="concept">
                {text(k.label)}
              </span>
            ))}
          </li>
        )}
        {e.complementarity && (
          <li>
            {t('partners.complementary', { a: t(`kinds.${e.complementarity.kinds[0]}`), b: t(`kinds.${e.complementarity.kinds[1]}`) })}
          </li>
        )}
        {e.regionPair && <li>{t('partners.regionPair', { partnership: text(e.regionPair.name) })}</li>}
      </ul>
      <details className="match-details">
        <summary>{t('words.details')}</summary>
        <p>
          {t('partners.score', { score: points(score) })}
          {numbers.map(([label, n]) => (
            <span key={label} className="points">
              {' · '}
              {label} +{points(n)}
            </span>
          ))}
        </p>
      </details>
    </>
  );
}
