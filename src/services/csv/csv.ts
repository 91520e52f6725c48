import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab or a carriage return first:
 * OWASP's "CSV injection"), behind any apostrophes that an earlier escape put in front of it.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'(?='*[=+\-@\t\r])/;

/**
 * Rows as CSV for a spreadsheet. A cell that begins like a formula gets a leading apostrophe, so Excel,
 * LibreOffice and Google Sheets show it as text instead of running it (a profile named
 * `=HYPERLINK(…)` must not become a link in a coordinator's spreadsheet). A cell that already begins with
 * apostrophes before such a character gets one more, so unescapeFormula gives back exactly what was
 * written. (csv-stringify's own `escape_formulas` does not do that last part, so an export would not
 * import as it was.)
 */
export function csvRows(rows: unknown[][], separator: CsvSeparator = ','): string {
  return stringify(rows, { delimiter: separator, cast: { string: (value) => (FORMULA.test(value) ? `'${value}` : value) } });
}

/**
 * The character between cells: `,` as RFC 4180 has it, or `;`, which spreadsheets set to French or Russian
 * (where the comma is the decimal sign) expect when they open a file.
 */
export type CsvSeparator = ',' | ';';
export const CSV_SEPARATORS = { comma: ',', semicolon: ';' } as const satisfies Record<string, CsvSeparator>;

/** The separator a CSV file uses, read from its first line (a header of column names, which hold neither). */
export function separatorOf(text: string): CsvSeparator {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
}

/** A cell read back from a CSV that csvRows wrote: the apostrophe it added is taken off again. */
export function unescapeFormula(cell: string): string {
  return cell.replace(ESCAPED_FORMULA, '');
}
