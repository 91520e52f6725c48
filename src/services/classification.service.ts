import type { ClassificationRepository } from '../repositories/classification.repository.js';
import type { Language } from '../shared/languages.js';
import type { NaceEntry, ResolvedCode } from '../shared/schemas/reference.js';
import { AppError } from './errors.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Reads NACE, NAF and ОКВЭД codes as people type them, and maps each to its NACE class. */
export class ClassificationService {
  constructor(private readonly repo: ClassificationRepository) {}

  /**
   * "25.11", "2511", "25.11Z" (NAF), "25.11.1" (ОКВЭД 2): the NACE class comes first when a 4-digit code
   * exists in both NACE and ОКВЭД, since the two agree there, except in divisions 85 and 92.
   */
  resolve(input: string, field = 'code'): ResolvedCode {
    const code = input.trim().toUpperCase().replace(/\s+/g, '');
    const dotted = /^\d{4}[A-Z]?$/.test(code) ? `${code.slice(0, 2)}.${code.slice(2)}` : code;
    const nace = this.repo.naceEntry(dotted);
    if (nace?.level === 'class') return { input, system: 'nace2', code: dotted, title: nace.title.en, naceClass: nace };
    const naf = /^\d{2}\.\d{2}[A-Z]$/.test(dotted) ? this.repo.naf2Code(dotted) : undefined;
    if (naf) return { input, system: 'naf2', code: naf.code, title: naf.title, naceClass: this.classOf(naf.nace!) };
    const okved = /^\d{2}\.\d{2}(\.\d{1,2}){0,2}$/.test(dotted) ? this.repo.okved2Code(dotted) : undefined;
    if (okved?.nace) return { input, system: 'okved2', code: okved.code, title: okved.title, naceClass: this.classOf(okved.nace) };
    throw new AppError('unknown_code', `"${input}" is not a NACE Rev. 2 class, a NAF rév. 2 subclass or an ОКВЭД 2 code.`, field).because(
      'unknown_code',
      { value: input },
    );
  }

  /** The distinct NACE classes of codes in any of the three systems; a bad one is refused as `field[i]`. */
  naceClassesOf(codes: string[], field: string): string[] {
    return [...new Set(codes.map((code, i) => this.resolve(code, `${field}[${i}]`).naceClass.code))];
  }

  naceClass(code: string): NaceEntry | undefined {
    const entry = this.repo.naceEntry(code);
    return entry?.level === 'class' ? entry : undefined;
  }

  /** NACE classes whose code starts with, or whose title in `lang` contains, the query. */
  searchNace(q: string, lang: Language, limit: number): NaceEntry[] {
    const folded = fold(q.trim());
    return this.repo
      .naceEntries()
      .filter((e) => e.level === 'class')
      .filter((e) => folded === '' || e.code.startsWith(folded) || fold(e.title[lang] ?? e.title.en).includes(folded))
      .slice(0, limit);
  }

  private classOf(code: string): NaceEntry {
    const entry = this.repo.naceEntry(code);
    if (!entry) throw new Error(`reference data: NACE class ${code} is missing`);
    return entry;
  }
}
