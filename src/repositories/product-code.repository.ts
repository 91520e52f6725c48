import type { Language } from '../shared/languages.js';
import type { ProductSystem } from '../shared/product-codes.js';
import { readShippedJson } from './shipped-data.repository.js';

/** A product code's title in the languages that have one (ОКПД 2-only codes are Russian, many HS subheadings not). */
export type ProductTitle = Partial<Record<Language, string>>;

export interface ProductEntry {
  /** As stored: "cpa:23.43.10", "hs:848210". */
  code: string;
  system: ProductSystem;
  /** 2 (CPA division, HS chapter) to 6 digits. */
  digits: number;
  title: ProductTitle;
}

type Row = [string, string, string, string];
const LANGS = ['ru', 'fr', 'en'] as const;

interface ProductFile {
  note: string;
  cpa: Row[];
  okpd2Items: Record<string, string>;
  hs: Row[];
}

interface ProductCodes {
  entries: Map<string, ProductEntry>;
  okpd2Items: Map<string, Set<string>>;
  note: string;
}

/** The file's rows as entries: a title written '^' is its parent's, an HS subheading's follows its heading's. */
function entriesOf(data: ProductFile): ProductCodes {
  const entries = new Map<string, ProductEntry>();
  const okpd2Items = new Map<string, Set<string>>();
  for (const row of data.cpa) {
    const code = row[0];
    // '^': the same title as the parent's (written before it in the file)
    const parent = code.length > 2 ? entries.get(`cpa:${code.slice(0, -1).replace(/\.$/, '')}`) : undefined;
    const title: ProductTitle = {};
    LANGS.forEach((lang, i) => {
      const text = row[i + 1] === '^' ? parent?.title[lang] : row[i + 1];
      if (text) title[lang] = text;
    });
    entries.set(`cpa:${code}`, { code: `cpa:${code}`, system: 'cpa', digits: code.replace(/\./g, '').length, title });
  }
  for (const [code, items] of Object.entries(data.okpd2Items)) okpd2Items.set(code, new Set(items.split(' ')));
  for (const row of data.hs) {
    const code = row[0];
    // a subheading's text is relative to its heading's ("Of porcelain or china" under 6909): shown after it
    const heading = code.length === 6 ? entries.get(`hs:${code.slice(0, 4)}`) : undefined;
    const title: ProductTitle = {};
    LANGS.forEach((lang, i) => {
      const own = row[i + 1];
      if (!own) return;
      title[lang] = heading?.title[lang] ? `${heading.title[lang]} — ${own}` : own;
    });
    entries.set(`hs:${code}`, { code: `hs:${code}`, system: 'hs', digits: code.length, title });
  }
  return { entries, okpd2Items, note: data.note };
}

/**
 * The shipped product classifications (src/reference/product-codes.json, built by
 * scripts/build-product-codes.ts): CPA 2.1 / ОКПД 2 to 6 digits with the 9-digit ОКПД 2 items, and HS
 * chapters, headings and subheadings. Read-only reference data, read at its first use and then held in memory.
 */
export class ProductCodeRepository {
  private read?: ProductCodes;

  private get codes(): ProductCodes {
    return (this.read ??= entriesOf(readShippedJson<ProductFile>('product-codes.json')));
  }

  get note(): string {
    return this.codes.note;
  }

  /** A stored code's entry ("cpa:23.43.10", "hs:8482"). */
  entry(code: string): ProductEntry | undefined {
    return this.codes.entries.get(code);
  }

  /** Whether a 9-digit ОКПД 2 code exists: its 6-digit code and its last three digits. */
  hasOkpd2Item(code: string, item: string): boolean {
    return this.codes.okpd2Items.get(code)?.has(item) ?? false;
  }

  all(): IterableIterator<ProductEntry> {
    return this.codes.entries.values();
  }
}
