import type { NaceEntry } from '../shared/schemas/reference.js';

import type { NationalCode } from '../shared/classification-codes.js';
import { ProductCodeRepository } from './product-code.repository.js';
import { readShippedJson } from './shipped-data.repository.js';

export type { NationalCode };

interface Classifications {
  nace: Map<string, NaceEntry>;
  okved2: Map<string, NationalCode>;
  naf2: Map<string, NationalCode>;
}

/**
 * The shipped classifications (src/reference/classifications.json, converted from the official files by
 * scripts/convert-classifications.ts). Read-only reference data, read at its first use and then held in memory.
 */
export class ClassificationRepository {
  private read?: Classifications;
  /** The product classifications (CPA / ОКПД 2, HS): shipped beside the activity ones, read the same way. */
  readonly products = new ProductCodeRepository();

  private get codes(): Classifications {
    if (!this.read) {
      const data = readShippedJson<{ nace: NaceEntry[]; okved2: NationalCode[]; naf2: NationalCode[] }>('classifications.json');
      this.read = {
        nace: new Map(data.nace.map((entry) => [entry.code, entry])),
        okved2: new Map(data.okved2.map((entry) => [entry.code, entry])),
        naf2: new Map(data.naf2.map((entry) => [entry.code, entry])),
      };
    }
    return this.read;
  }

  naceEntry(code: string): NaceEntry | undefined {
    return this.codes.nace.get(code);
  }

  naceEntries(): NaceEntry[] {
    return [...this.codes.nace.values()];
  }

  okved2Code(code: string): NationalCode | undefined {
    return this.codes.okved2.get(code);
  }

  nationalCodes(system: 'naf2' | 'okved2'): NationalCode[] {
    return [...(system === 'naf2' ? this.codes.naf2 : this.codes.okved2).values()];
  }

  naf2Code(code: string): NationalCode | undefined {
    return this.codes.naf2.get(code);
  }
}
