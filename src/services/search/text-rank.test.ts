import { describe, expect, it } from 'vitest';
import { rankItems, readSearchVector, TEXT_RANK_SCALE } from './text-rank.js';

/** Each lexeme of a tsvector's text with its ts_rank for a query of that lexeme alone. */
function ranks(text: string): [string, number][] {
  const read: [string, number][] = [];
  readSearchVector(text, (lexeme, part) => read.push([lexeme, Math.fround(part / TEXT_RANK_SCALE)]));
  return read;
}

describe('readSearchVector', () => {
  it('ranks each lexeme as PostgreSQL ts_rank does: an A position counts most, later positions less', () => {
    // ts_rank of 'x:1A', 'x:1,2,3', 'x:1,2A', 'x:1A,2' and 'x:1C' for the query 'x', as PostgreSQL 15 prints them
    const [a, ddd, da, ad, c] = ["'x':1A", "'x':1,2,3", "'x':1,2A", "'x':1A,2", "'x':1C"].map((t) => ranks(t)[0]![1]);
    expect(a).toBeCloseTo(0.6079271, 7);
    expect(ddd).toBeCloseTo(0.082745634, 8);
    // the heaviest position counts as if it came first
    expect(da).toBeCloseTo(0.6687198, 7);
    expect(ad).toBeCloseTo(0.6231253, 7);
    expect(c).toBeCloseTo(0.12158542, 7);
  });

  it('reads every lexeme of a document, in any script, with doubled quotes and backslashes, with or without positions', () => {
    const read = ranks("'filtr':3A,17,45C 'калуга':1B 'it''s':2 'a\\\\b':4 'bare'");
    expect(read.map(([lexeme]) => lexeme)).toEqual(['filtr', 'калуга', "it's", 'a\\b', 'bare']);
    expect(read[2]![1]).toBe(read[4]![1]);
    expect(ranks('')).toEqual([]);
  });
});

describe('rankItems', () => {
  it('keeps one item a lexeme, the exact one over a prefix, in lexeme order', () => {
    expect(
      rankItems([
        { lexeme: 'filtr', prefix: true },
        { lexeme: 'a', prefix: true },
        { lexeme: 'filtr', prefix: false },
        { lexeme: 'a', prefix: false },
        { lexeme: 'obni', prefix: true },
      ]),
    ).toEqual([
      { lexeme: 'a', prefix: false },
      { lexeme: 'filtr', prefix: false },
      { lexeme: 'obni', prefix: true },
    ]);
  });
});
