import { describe, expect, it } from 'vitest';
import { readSearchVector as visitSearchVector } from './search.repository.js';

function readSearchVector(text: string): [string, string][] {
  const lexemes: [string, string][] = [];
  visitSearchVector(text, (lexeme, weights) => lexemes.push([lexeme, weights]));
  return lexemes;
}

describe('readSearchVector', () => {
  it('reads lexemes with their positions’ weights, D where a position has no letter', () => {
    expect(readSearchVector("'filtr':3A,17,45C 'калуга':1B 'x':2")).toEqual([
      ['filtr', 'ADC'],
      ['калуга', 'B'],
      ['x', 'D'],
    ]);
  });

  it('reads doubled quotes and backslashes inside a lexeme, and a lexeme without positions', () => {
    expect(readSearchVector("'it''s':1 'a\\\\b':2A,3 'bare'")).toEqual([
      ["it's", 'D'],
      ['a\\b', 'AD'],
      ['bare', 'D'],
    ]);
    expect(readSearchVector('')).toEqual([]);
  });
});
