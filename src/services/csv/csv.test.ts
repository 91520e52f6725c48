import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows, unescapeFormula } from './csv.js';

const read = (csv: string) => parse(csv, { relax_column_count: true }) as string[][];
const runsAsFormula = (cell: string) => /^[=+\-@\t\r]/.test(cell);

describe('csvRows', () => {
  it('writes cells that a spreadsheet would run as formulas as text, and reads them back as they were', () => {
    const dangerous = ['=HYPERLINK("http://x","y")', '+7 484 39', '-2+3', '@SUM(A1)', '\tcmd', '\r=1'];
    const [first, second] = read(csvRows([dangerous, ['plain', "it's", "'=already quoted"]]));
    for (const cell of first!) expect(runsAsFormula(cell)).toBe(false);
    expect(first!.map(unescapeFormula)).toEqual(dangerous);
    expect(second!.map(unescapeFormula)).toEqual(['plain', "it's", "'=already quoted"]);
  });

  it('never writes a cell that starts a formula, and every cell reads back exactly', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string().map((s) => `'${s}`),
      fc.constantFrom('=', '+', '-', '@', "''=").chain((start) => fc.string().map((s) => start + s)),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 5 }), (cells) => {
        const [row] = read(csvRows([cells]));
        expect(row!.some(runsAsFormula)).toBe(false);
        expect(row!.map(unescapeFormula)).toEqual(cells);
      }),
      { numRuns: 500 },
    );
  });
});
