/**
 * CSV as spreadsheets read it safely: RFC 4180 quoting, CRLF line ends, a byte order mark so
 * æ, ø and å read as UTF-8, and a guard against formula injection (a cell a spreadsheet would
 * run as a formula is prefixed with '). The separator follows the panel's language: Excel with
 * Danish settings splits on semicolons (the comma is the decimal mark there), English on commas.
 * Shared by every export (results, plan).
 */
import type { Lang } from '../lang.js';

export type CsvSeparator = ',' | ';';

/** The byte order mark every CSV export starts with. */
export const CSV_BOM = '\ufeff';

/** The separator a spreadsheet set to this language expects. */
export function csvSeparator(lang: Lang): CsvSeparator {
  return lang === 'da' ? ';' : ',';
}

/** Spreadsheets run a cell starting with one of these as a formula: prefix it with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formula injection, then quoted per RFC 4180 if needed. */
export function csvField(value: string | number, separator: CsvSeparator = ','): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  // Both separators are quoted whichever is used, so a file reads the same if opened the other way.
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the header first) as one CSV text in the language's separator: BOM, CRLF after each row. */
export function csvTable(rows: readonly (readonly (string | number)[])[], lang: Lang): string {
  const sep = csvSeparator(lang);
  return CSV_BOM + rows.map((row) => row.map((f) => csvField(f, sep)).join(sep)).join('\r\n') + '\r\n';
}
