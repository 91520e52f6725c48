import type { ProductCodeRepository, ProductEntry } from '../repositories/product-code.repository.js';
import { foldText } from '../shared/classification-codes.js';
import type { Language } from '../shared/languages.js';
import { readProductCode, storedProductCode } from '../shared/product-codes.js';
import type { ProductCode } from '../shared/schemas/reference.js';
import { AppError } from './errors.js';
import { BoundedCache } from './search/bounded-cache.js';

/** Type-ahead answers kept: the same few prefixes are asked by every reader typing. */
const CACHED_SEARCHES = 500;

/**
 * Reads CPA / ОКПД 2 and HS codes as people type them and stores each in one form (shared/product-codes.ts),
 * and finds codes by the words of their titles for the profile editor's type-ahead.
 */
export class ProductCodeService {
  private folded: { entry: ProductEntry; text: string }[] | undefined;
  private readonly searches = new BoundedCache<ProductCode[]>(CACHED_SEARCHES);

  constructor(private readonly repo: ProductCodeRepository) {}

  /** The stored form of a typed code, or undefined when no classification has it. */
  find(input: string): ProductEntry | undefined {
    const typed = readProductCode(input);
    if (!typed) return undefined;
    if (typed.okpd2Item !== undefined && !this.repo.hasOkpd2Item(typed.code, typed.okpd2Item)) return undefined;
    const entry = this.repo.entry(storedProductCode(typed));
    // an 8- or 10-digit HS code under a heading the nomenclatures do not subdivide: the heading
    if (!entry && typed.system === 'hs' && typed.code.length === 6) return this.repo.entry(`hs:${typed.code.slice(0, 4)}`);
    return entry;
  }

  /** Each typed code's stored form, without repeats; an unknown one is refused as `field[i]`, naming it. */
  storedCodes(codes: string[], field: string): string[] {
    return [
      ...new Set(
        codes.map((input, i) => {
          const entry = this.find(input);
          if (!entry)
            throw new AppError(
              'validation_failed',
              `${field}[${i}]: "${input}" is not a CPA 2.1 / ОКПД 2 or HS code the platform knows.`,
              `${field}[${i}]`,
            ).because('unknown_product_code', { value: input });
          return entry.code;
        }),
      ),
    ];
  }

  /** A stored code with its title; undefined for one the shipped data no longer has. */
  describe(code: string): ProductCode | undefined {
    const entry = this.repo.entry(code);
    return entry && present(entry);
  }

  /**
   * Codes whose code starts with the query (as typed: "8482", "23.43", "ОКПД 2 25.73") or whose title, in any
   * language, holds every word of it; those whose title in the reader's language matches first, then the
   * broader codes first. Memoised: the reference never changes while the process runs.
   */
  search(q: string, lang: Language, limit: number): ProductCode[] {
    const key = `${lang}\u0000${limit}\u0000${q.trim().toLowerCase()}`;
    // the reference never changes while the process runs: one stamp for every answer
    const cached = this.searches.get(key, '');
    if (cached) return cached;
    const found = this.match(q, lang).slice(0, limit).map(present);
    this.searches.set(key, '', found);
    return found;
  }

  private match(q: string, lang: Language): ProductEntry[] {
    const typed = readProductCode(q);
    const words = foldText(q)
      .split(/[^\p{L}\p{N}.]+/u)
      .filter(Boolean);
    if (words.length === 0) return [];
    if (typed || /^\d/.test(words[0]!)) {
      const prefixes = typed ? [storedProductCode(typed)] : [`cpa:${words[0]}`, `hs:${words[0]!.replace(/\./g, '')}`];
      return [...this.repo.all()].filter((e) => prefixes.some((p) => e.code.startsWith(p))).sort(byLevel);
    }
    this.folded ??= [...this.repo.all()].map((entry) => ({ entry, text: foldText(Object.values(entry.title).join(' \n ')) }));
    const own = (e: ProductEntry) => {
      const title = e.title[lang];
      return title !== undefined && words.every((w) => foldText(title).includes(w));
    };
    return this.folded
      .filter((f) => words.every((w) => f.text.includes(w)))
      .map((f) => ({ entry: f.entry, own: own(f.entry) }))
      .sort((a, b) => Number(b.own) - Number(a.own) || byLevel(a.entry, b.entry))
      .map((m) => m.entry);
  }
}

const byLevel = (a: ProductEntry, b: ProductEntry) => a.digits - b.digits || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

const present = (e: ProductEntry): ProductCode => ({ code: e.code, system: e.system, title: e.title });
