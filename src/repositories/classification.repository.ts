import data from '../reference/classifications.json' with { type: 'json' };
import type { NaceEntry } from '../shared/schemas/reference.js';

import type { NationalCode } from '../shared/classification-codes.js';
import { ProductCodeRepository } from './product-code.repository.js';

export type { NationalCode };

/**
 * The shipped classifications (src/reference/classifications.json, converted from the official files by
 * scripts/convert-classifications.ts). Read-only reference data, held in memory.
 */
export class ClassificationRepository {
  private readonly nace = new Map<string, NaceEntry>();
  private readonly okved2 = new Map<string, NationalCode>();
  private readonly naf2 = new Map<string, NationalCode>();
  /** The product classifications (CPA / ОКПД 2, HS): shipped beside the activity ones, read the same way. */
  readonly products = new ProductCodeRepository();

  constructor() {
    for (const entry of data.nace) this.nace.set(entry.code, entry as NaceEntry);
    for (const entry of data.okved2) this.okved2.set(entry.code, entry);
    for (const entry of data.naf2) this.naf2.set(entry.code, entry);
  }

  naceEntry(code: string): NaceEntry | undefined {
    return this.nace.get(code);
  }

  naceEntries(): NaceEntry[] {
    return [...this.nace.values()];
  }

  okved2Code(code: string): NationalCode | undefined {
    return this.okved2.get(code);
  }

  nationalCodes(system: 'naf2' | 'okved2'): NationalCode[] {
    return [...(system === 'naf2' ? this.naf2 : this.okved2).values()];
  }

  naf2Code(code: string): NationalCode | undefined {
    return this.naf2.get(code);
  }
}
