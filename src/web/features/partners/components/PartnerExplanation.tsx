import type { PartnerSuggestion } from '../../../../shared/schemas/matching';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';

const points = (n: number) => (Math.round(n * 10) / 10).toLocaleString();

/** Why a partner is suggested, signal by signal, with the points each brought. */
export function PartnerExplanation({ explanation: e }: { explanation: PartnerSuggestion['explanation'] }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  const c = e.contributions;
  return (
    <ul className="explanation">
      {e.areas.length > 0 && (
        <li>
          {t('partners.sharedAreas')} {e.areas.map((a) => text(a.name)).join(' · ')} <span className="points">+{points(c.areas)}</span>
        </li>
      )}
      {e.nace.length > 0 && (
        <li>
          {t('partners.sharedNace')} {e.nace.map((n) => `${n.code} ${n.title[lang] ?? n.title.en}`).join(' · ')}{' '}
          <span className="points">+{points(c.nace)}</span>
        </li>
      )}
      {e.concepts.length > 0 && (
        <li>
          {t('partners.sharedConcepts')}{' '}
          {e.concepts.map((k) => (
            <span key={k.code} className="concept">
              {text(k.label)}
            </span>
          ))}{' '}
          <span className="points">+{points(c.concepts)}</span>
        </li>
      )}
      {e.complementarity && (
        <li>
          {t('partners.complementary', { a: t(`kinds.${e.complementarity.kinds[0]}`), b: t(`kinds.${e.complementarity.kinds[1]}`) })}{' '}
          <span className="points">+{points(c.complementarity)}</span>
        </li>
      )}
      {e.regionPair && (
        <li>
          {t('partners.regionPair', { partnership: text(e.regionPair.name) })} <span className="points">+{points(c.regionPair)}</span>
        </li>
      )}
    </ul>
  );
}
