/** The most distinct rank parts a lexicon codes exactly: what a 16-bit code can name. */
const CODES = 0x10000;

/**
 * The distinct parts of the text rank a lexicon's postings carry (text-rank.ts), each under a 16-bit code:
 * a part follows from the weights of a lexeme's few positions, so a million organisations' 40 million
 * entries carry about a hundred distinct values (115 in the synthetic set), and a code per entry is half
 * the memory of a 32-bit float per entry.
 */
export class RankParts {
  /** The part of each code: what rankings read, `values[code]`. */
  values = new Float32Array(16);
  private count = 0;
  private readonly codes = new Map<number, number>();

  /** The table of a snapshot (writeSnapshot's `used`): its codes are those its postings hold. */
  static of(values: Float32Array): RankParts {
    const parts = new RankParts();
    if (values.length > CODES) throw new RangeError('more rank parts than 16-bit codes');
    parts.values = values.length > 0 ? values.slice() : parts.values;
    parts.count = values.length;
    for (const [code, value] of values.entries()) parts.codes.set(value, code);
    return parts;
  }

  /** How many codes are given. */
  get size(): number {
    return this.count;
  }

  /** The codes given, part by part. */
  get used(): Float32Array {
    return this.values.subarray(0, this.count);
  }

  /**
   * The code of a part (a single-precision float), given at its first sight. Past 65,536 distinct parts
   * (documents whose lexemes each hold hundreds of positions of every weight; no set seen comes near) a
   * new one takes the code of the nearest known, an approximation of its rank rather than a failure.
   */
  code(part: number): number {
    const known = this.codes.get(part);
    if (known !== undefined) return known;
    if (this.count === CODES) return this.nearest(part);
    if (this.count === this.values.length) {
      const values = new Float32Array(this.count * 2);
      values.set(this.values);
      this.values = values;
    }
    const code = this.count++;
    this.values[code] = part;
    this.codes.set(part, code);
    return code;
  }

  private nearest(part: number): number {
    let best = 0;
    for (let code = 1; code < this.count; code++)
      if (Math.abs(this.values[code]! - part) < Math.abs(this.values[best]! - part)) best = code;
    return best;
  }
}
