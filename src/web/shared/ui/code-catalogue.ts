import {
  NAF_PATTERN,
  OKVED_PATTERN,
  findCode,
  foldText,
  normaliseCode,
  type ClassificationSystem,
  type NationalCode,
} from '../../../shared/classification-codes';
import type { Language } from '../../../shared/languages';
import type { NaceEntry, ResolvedCode } from '../../../shared/schemas/reference';

export type NationalSystem = 'naf2' | 'okved2';

/** The national classification a reader of a language knows: NAF for French, ОКВЭД 2 for Russian. */
export const nationalSystemOf = (lang: Language): NationalSystem | null => (lang === 'fr' ? 'naf2' : lang === 'ru' ? 'okved2' : null);
const SYSTEM_LANGUAGE: Record<NationalSystem, Language> = { naf2: 'fr', okved2: 'ru' };

/** What the page has loaded: the NACE classes, and the reader's national codes when there are some. */
export interface CodeCatalogue {
  lang: Language;
  nace: Map<string, NaceEntry>;
  national: { system: NationalSystem; codes: Map<string, NationalCode> } | null;
}

export function codeCatalogue(lang: Language, naceClasses: NaceEntry[], national: NationalCode[] | undefined): CodeCatalogue {
  const system = nationalSystemOf(lang);
  return {
    lang,
    nace: new Map(naceClasses.filter((n) => n.level === 'class').map((n) => [n.code, n])),
    national: system && national ? { system, codes: new Map(national.map((c) => [c.code, c])) } : null,
  };
}

/** One code of the input, as its chip shows it. */
export type CodeChip =
  | { input: string; state: 'resolved'; system: ClassificationSystem; code: string; title: string; nace: NaceEntry }
  /** a code of a national system the page has not loaded: the server is asked */
  | { input: string; state: 'pending' }
  | { input: string; state: 'unknown' };

const naceTitle = (nace: NaceEntry, lang: Language) => nace.title[lang] ?? nace.title.en;

/** A national code's own title when it is in the reader's language, else its NACE class's title. */
function chipTitle(system: ClassificationSystem, ownTitle: string, nace: NaceEntry, lang: Language): string {
  return system !== 'nace2' && SYSTEM_LANGUAGE[system] === lang ? ownTitle : naceTitle(nace, lang);
}

export function resolveChip(input: string, catalogue: CodeCatalogue): CodeChip {
  const { national, nace, lang } = catalogue;
  const inSystem = (system: NationalSystem) => (code: string) => (national?.system === system ? national.codes.get(code) : undefined);
  const found = findCode(input, { naceClass: (code) => nace.get(code), naf2: inSystem('naf2'), okved2: inSystem('okved2') });
  const naceClass = found && nace.get(found.nace);
  if (found && naceClass) {
    const own = found.system === 'nace2' ? '' : (national?.codes.get(found.code)?.title ?? '');
    return {
      input,
      state: 'resolved',
      system: found.system,
      code: found.code,
      title: chipTitle(found.system, own, naceClass, lang),
      nace: naceClass,
    };
  }
  const dotted = normaliseCode(input);
  const elsewhere =
    (NAF_PATTERN.test(dotted) && national?.system !== 'naf2') || (OKVED_PATTERN.test(dotted) && national?.system !== 'okved2');
  return elsewhere ? { input, state: 'pending' } : { input, state: 'unknown' };
}

/** The server's answer for a code of a system the page has not loaded. */
export function chipOfResolved(resolved: ResolvedCode, lang: Language): CodeChip {
  const { input, system, code, title, naceClass } = resolved;
  return { input, state: 'resolved', system, code, title: chipTitle(system, title, naceClass, lang), nace: naceClass };
}

/** A code the type-ahead offers. */
export interface CodeOption {
  code: string;
  system: ClassificationSystem;
  title: string;
}

/**
 * The codes a query finds: by the start of their code (dots optional), or by every word of the query
 * appearing in their title in the reader's language; NACE classes first, then the national codes that
 * are not the same code as a NACE class.
 */
export function searchCodes(query: string, catalogue: CodeCatalogue, limit = 50): CodeOption[] {
  const words = foldText(query)
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (words.length === 0) return [];
  const bare = (code: string) => code.replace(/\./g, '').toLowerCase();
  const matches = (code: string, title: string) => {
    if (words.length === 1 && /^\d/.test(words[0]!)) return bare(code).startsWith(bare(words[0]!));
    const folded = foldText(title);
    return words.every((w) => folded.includes(w));
  };
  const found: CodeOption[] = [];
  for (const n of catalogue.nace.values()) {
    const title = naceTitle(n, catalogue.lang);
    if (matches(n.code, title)) found.push({ code: n.code, system: 'nace2', title });
  }
  if (catalogue.national)
    for (const c of catalogue.national.codes.values())
      if (!catalogue.nace.has(c.code) && matches(c.code, c.title))
        found.push({ code: c.code, system: catalogue.national.system, title: c.title });
  return found.slice(0, limit);
}
