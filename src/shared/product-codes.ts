/**
 * How product codes are read as people type them and how they are stored: CPA 2.1 / ОКПД 2 codes (the same
 * codes to 6 digits) as `cpa:25.73.30`, HS codes as `hs:8482` or `hs:848210`. One rule for the server
 * (ProductCodeService) and the web app's product input, so that a chip says what the server will store.
 */
export type ProductSystem = 'cpa' | 'hs';

/** What the platform stores: "cpa:" or "hs:" and the code as the classification writes it. */
export const PRODUCT_CODE_PATTERN = /^(cpa:\d{2}(\.\d(\d(\.\d\d?)?)?)?|hs:(\d{2}|\d{4}|\d{6}))$/;

/** A typed code read for its form only: which system, the code to look up, and what a longer code adds. */
export interface TypedProductCode {
  system: ProductSystem;
  /** "25.73.30" (CPA) or "848210" (HS), as stored after the prefix. */
  code: string;
  /** The last three digits of a 9-digit ОКПД 2 code ("25.73.30.110"), to be checked against its items. */
  okpd2Item?: string;
}

const CPA_FORM = /^\d{2}(\.\d(\d(\.\d(\d(\.\d{3})?)?)?)?)?$/;
const PREFIXES: [RegExp, ProductSystem][] = [
  [/^(cpa|cpf|okpd2?|окпд\s*2?)\s*:?\s*/iu, 'cpa'],
  [/^(hs|sh|cn|nc|тн\s*вэд|тнвэд)\s*:?\s*/iu, 'hs'],
];

/**
 * "25.73.30", "ОКПД 2 25.73.30.110" (9 digits: its item), "cpa:25.73" → CPA; "8482", "8482.10", "848210",
 * "8482 10 100 0" (ТН ВЭД, 10 digits), "84821010" (CN, 8 digits) → HS at 6 digits; a bare 2-digit code is a
 * CPA division ("hs:84" for the HS chapter). Undefined when the form is neither's.
 */
export function readProductCode(input: string): TypedProductCode | undefined {
  let text = input.trim();
  let system: ProductSystem | undefined;
  for (const [prefix, s] of PREFIXES) {
    const m = prefix.exec(text);
    if (m && m[0].length < text.length) {
      system = s;
      text = text.slice(m[0].length);
      break;
    }
  }
  text = text.replace(/\s+/g, '');
  if (system !== 'hs' && CPA_FORM.test(text)) {
    const parts = text.split('.');
    return parts.length === 4 ? { system: 'cpa', code: parts.slice(0, 3).join('.'), okpd2Item: parts[3]! } : { system: 'cpa', code: text };
  }
  if (system === 'cpa') return undefined;
  // HS as customs write it: "8482.10", "8482.10.10", "8482 10 100 0" (spaces are gone by now)
  if (!/^\d{4}(\.?\d{2}){0,2}(\d{2})?$/.test(text) && !(system === 'hs' && /^\d{2}$/.test(text))) return undefined;
  const digits = text.replace(/\./g, '');
  if (![2, 4, 6, 8, 10].includes(digits.length)) return undefined;
  return { system: 'hs', code: digits.slice(0, 6) };
}

/** The stored form of a code read: "cpa:25.73.30", "hs:848210". */
export const storedProductCode = (typed: Pick<TypedProductCode, 'system' | 'code'>) => `${typed.system}:${typed.code}`;

/** A stored code as people read it: "CPA 25.73.30", "HS 8482.10". */
export function displayProductCode(stored: string): string {
  const [system, code = ''] = stored.split(':');
  if (system === 'hs') return `HS ${code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code}`;
  return `CPA ${code}`;
}

/**
 * The codes a stored code stands under, itself first: a 6-digit HS code under its heading and chapter, a CPA
 * subcategory under its category, class, group and division. Matching and search read the broader levels.
 */
export function productCodeLevels(stored: string): string[] {
  const [system, code = ''] = stored.split(':');
  if (system === 'hs') return [6, 4, 2].filter((n) => n <= code.length).map((n) => `hs:${code.slice(0, n)}`);
  const levels: string[] = [];
  for (let c = code; c.length >= 2; c = c.slice(0, -1).replace(/\.$/, '')) levels.push(`cpa:${c}`);
  return levels;
}
