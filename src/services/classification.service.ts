import type { ClassificationRepository } from '../repositories/classification.repository.js';
import type { Language } from '../shared/languages.js';
import type { NaceEntry, ResolvedCode } from '../shared/schemas/reference.js';
import { findCode, foldText as fold, type NationalCode } from '../shared/classification-codes.js';
import { AppError } from './errors.js';
import { ProductCodeService } from './product-codes.service.js';

/** Reads NACE, NAF and ОКВЭД codes as people type them, and maps each to its NACE class. */
export class ClassificationService {
  /** Product codes (CPA / ОКПД 2, HS), which profiles carry beside their activity codes. */
  readonly products: ProductCodeService;

  constructor(private readonly repo: ClassificationRepository) {
    this.products = new ProductCodeService(repo.products);
  }

  /** "25.11", "2511", "25.11Z" (NAF), "25.11.1" (ОКВЭД 2): the rule is shared with the web app's code input. */
  resolve(input: string, field = 'code'): ResolvedCode {
    const found = findCode(input, {
      naceClass: (code) => this.naceClass(code),
      naf2: (code) => this.repo.naf2Code(code),
      okved2: (code) => this.repo.okved2Code(code),
    });
    if (!found)
      throw new AppError('unknown_code', `"${input}" is not a NACE Rev. 2 class, a NAF rév. 2 subclass or an ОКВЭД 2 code.`, field).because(
        'unknown_code',
        { value: input },
      );
    const naceClass = this.classOf(found.nace);
    const title =
      found.system === 'naf2'
        ? this.repo.naf2Code(found.code)!.title
        : found.system === 'okved2'
          ? this.repo.okved2Code(found.code)!.title
          : naceClass.title.en;
    return { input, system: found.system, code: found.code, title, naceClass };
  }

  /** Every NAF rév. 2 or ОКВЭД 2 code that maps to a NACE class, for type-ahead in forms. */
  nationalCodes(system: 'naf2' | 'okved2'): NationalCode[] {
    // the shipped reference never changes while the process runs: built once a system
    let codes = this.national.get(system);
    if (!codes) this.national.set(system, (codes = this.repo.nationalCodes(system).filter((c) => c.nace !== null)));
    return codes;
  }
  private readonly national = new Map<'naf2' | 'okved2', NationalCode[]>();

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
