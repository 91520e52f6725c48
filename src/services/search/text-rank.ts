// The text part of a search rank is PostgreSQL's ts_rank (calc_rank_or in tsrank.c, default weights, no
// normalisation), computed in memory from a part that each lexeme of a record contributes on its own. The
// arithmetic follows PostgreSQL's in single precision, so that ranks tie where PostgreSQL's would.

const f = Math.fround;

/** ts_rank's default weights of a position marked A, B, C or D (none), as single-precision floats. */
const WEIGHTS: Record<string, number> = { A: 1, B: f(0.4), C: f(0.2), D: f(0.1) };

/** Σ 1/i², i = 1…∞ (π²/6): the largest sum of a lexeme's weighted positions, by which each is divided. */
export const TEXT_RANK_SCALE = 1.64493406685;

/**
 * What one lexeme of a record adds to the text rank of a query item that finds it, before the division by
 * TEXT_RANK_SCALE: its positions' weights over the square of their rank in position order, with the
 * heaviest position counted as if it came first. `weights` holds one letter (A–D) per position.
 */
export function lexemeRank(weights: string): number {
  let sum = 0;
  let heaviest = -1;
  let at = 0;
  for (let j = 0; j < weights.length; j++) {
    const w = WEIGHTS[weights[j]!] ?? WEIGHTS.D!;
    sum = f(sum + f(w / ((j + 1) * (j + 1))));
    if (w > heaviest) {
      heaviest = w;
      at = j;
    }
  }
  return f(f(heaviest + sum) - f(heaviest / ((at + 1) * (at + 1))));
}

/** A text-rank item of a query: a lexeme, found exactly or as the start of a record's lexemes. */
export interface RankItem {
  lexeme: string;
  prefix: boolean;
}

/**
 * The items a query is ranked by, as ts_rank takes them: one per distinct lexeme, in lexeme order. Where a
 * lexeme comes both as a prefix and exactly ("air:*" as written, "air" as a stem), the exact one is kept:
 * a prefix as short as a stop word's ("a:*") would weigh nearly every record's every lexeme. (PostgreSQL
 * keeps one of the two by its sort order: the exact one for a single word.)
 */
export function rankItems(items: RankItem[]): RankItem[] {
  const byLexeme = new Map<string, RankItem>();
  for (const item of items) if (byLexeme.get(item.lexeme)?.prefix !== false) byLexeme.set(item.lexeme, item);
  return [...byLexeme.values()].sort((a, b) => (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0));
}
