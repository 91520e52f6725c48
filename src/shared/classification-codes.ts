/**
 * How NACE Rev. 2, NAF rév. 2 and ОКВЭД 2 codes are read as people type them: one rule for the server
 * (ClassificationService) and the web app's code input, so that a chip says what the server will store.
 */
export type ClassificationSystem = 'nace2' | 'naf2' | 'okved2';

/** A national code (NAF or ОКВЭД) and the NACE class it is stored as. */
export interface NationalCode {
  code: string;
  title: string;
  nace: string | null;
}

export interface CodeLookups {
  /** A NACE class (not a section, division or group). */
  naceClass(code: string): { code: string } | undefined;
  naf2(code: string): NationalCode | undefined;
  okved2(code: string): NationalCode | undefined;
}

export interface FoundCode {
  system: ClassificationSystem;
  /** The code as its system writes it: "25.11", "25.11Z", "62.02.1". */
  code: string;
  /** The NACE class it is stored as. */
  nace: string;
}

/** Codes as a list is typed or pasted: separated by commas, semicolons, spaces or new lines. */
export function splitCodes(text: string): string[] {
  return text.split(/[,;\s]+/).filter(Boolean);
}

/** "2511" → "25.11", "2511z" → "25.11Z", "62.02.1" stays. */
export function normaliseCode(input: string): string {
  const code = input.trim().toUpperCase().replace(/\s+/g, '');
  return /^\d{4}[A-Z]?$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code;
}

export const NAF_PATTERN = /^\d{2}\.\d{2}[A-Z]$/;
export const OKVED_PATTERN = /^\d{2}\.\d{2}(\.\d{1,2}){0,2}$/;

/**
 * The NACE class comes first when a 4-digit code exists in both NACE and ОКВЭД, since the two agree there,
 * except in divisions 85 and 92. Undefined when no system knows the code.
 */
export function findCode(input: string, lookups: CodeLookups): FoundCode | undefined {
  const dotted = normaliseCode(input);
  if (lookups.naceClass(dotted)) return { system: 'nace2', code: dotted, nace: dotted };
  const naf = NAF_PATTERN.test(dotted) ? lookups.naf2(dotted) : undefined;
  if (naf?.nace) return { system: 'naf2', code: naf.code, nace: naf.nace };
  const okved = OKVED_PATTERN.test(dotted) ? lookups.okved2(dotted) : undefined;
  if (okved?.nace) return { system: 'okved2', code: okved.code, nace: okved.nace };
  return undefined;
}

/** Lower case without accents: "Céramique" and "ceramique" match, as do "керамический" and "Керамический". */
export const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
