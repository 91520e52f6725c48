// The text part of a search rank is PostgreSQL's ts_rank (calc_rank_or in tsrank.c, default weights, no
// normalisation), computed in memory from a part that each lexeme of a record contributes on its own. The
// arithmetic follows PostgreSQL's in single precision, so that ranks tie where PostgreSQL's would.

import { compare } from './ordering.js';

const f = Math.fround;

/** ts_rank's default weights of a position marked A, B, C or D (no letter), as single-precision floats. */
const A = 1;
const B = f(0.4);
const C = f(0.2);
const D = f(0.1);

/** Σ 1/i², i = 1…∞ (π²/6): the largest sum of a lexeme's weighted positions, by which each is divided. */
export const TEXT_RANK_SCALE = 1.64493406685;

// character codes of the tsvector text format
const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const ZERO = 48;
const NINE = 57;
const LETTER_A = 65;
const LETTER_B = 66;
const LETTER_C = 67;

/**
 * Visits the lexemes of a search document as PostgreSQL writes a tsvector ("'filtr':3A,17 'it''s':2B"),
 * each with what it adds to the text rank of a query item that finds it, before the division by
 * TEXT_RANK_SCALE: its positions' weights over the square of their rank in position order, with the heaviest
 * position counted as if it came first. A visitor, not a list: 100,000 documents hold four million lexemes.
 */
export function readSearchVector(text: string, visit: (lexeme: string, rankPart: number) => void): void {
  let i = text.indexOf("'");
  while (i >= 0 && i < text.length) {
    let end = text.indexOf("'", i + 1);
    let lexeme = text.slice(i + 1, end);
    if (text.charCodeAt(end + 1) === QUOTE || lexeme.includes('\\')) {
      // the rare lexeme with a quote or a backslash (written doubled): read character by character
      lexeme = '';
      for (end = i + 1; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === BACKSLASH || (c === QUOTE && text.charCodeAt(end + 1) === QUOTE)) lexeme += text[++end];
        else if (c === QUOTE) break;
        else lexeme += text[end];
      }
    }
    i = end + 1;
    let sum = 0;
    let heaviest = -1;
    let at = 0;
    let j = 0;
    // digits, then a weight letter or none (D); positions end at a comma, the last at a space; a lexeme
    // without positions counts as one D position, as in PostgreSQL
    let weight = text.charCodeAt(i) === COLON ? -1 : D;
    for (i += weight < 0 ? 1 : 0; ; i++) {
      const c = text.charCodeAt(i);
      if (c >= ZERO && c <= NINE) {
        if (weight < 0) weight = D;
        continue;
      }
      if (c === LETTER_A) weight = A;
      else if (c === LETTER_B) weight = B;
      else if (c === LETTER_C) weight = C;
      else {
        if (weight >= 0) {
          sum = f(sum + f(weight / ((j + 1) * (j + 1))));
          if (weight > heaviest) {
            heaviest = weight;
            at = j;
          }
          j++;
        }
        weight = -1;
        if (c !== COMMA) break;
      }
    }
    visit(lexeme, f(f(heaviest + sum) - f(heaviest / ((at + 1) * (at + 1)))));
    i = text.indexOf("'", i);
  }
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
  return [...byLexeme.values()].sort((a, b) => compare(a.lexeme, b.lexeme));
}
