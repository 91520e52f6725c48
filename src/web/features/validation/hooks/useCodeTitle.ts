import type { ProfileReview } from '../../../../shared/schemas/review';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { displayProductCode, productTitle } from '../../../shared/ui/product-codes';

/**
 * An activity code with its NACE class's title in the reader's language ("23.44 — Производство прочих
 * технических керамических изделий"), English where the class has no title in it; areas and regions by name.
 */
export function useCodeTitle(codes: ProfileReview['codes'], products: ProfileReview['products'] = []) {
  const { lang } = useI18n();
  const names = useReferenceNames();
  const codeTitle = (code: string) => {
    const entry = codes.find((c) => c.input === code);
    if (!entry) return code;
    const title = entry.naceClass.title[lang] ?? entry.naceClass.title.en;
    const shown = entry.code === entry.naceClass.code ? entry.code : `${entry.code} (NACE ${entry.naceClass.code})`;
    return `${shown} — ${title}`;
  };
  // a product code with its title in the reader's language, else another one
  const product = (code: string) => {
    const entry = products.find((p) => p.code === code);
    return entry ? `${displayProductCode(code)} — ${productTitle(entry, lang).text}` : code;
  };
  return Object.assign(codeTitle, { area: names.area, region: names.region, product });
}
