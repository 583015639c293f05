/**
 * CSV as spreadsheets read it safely: RFC 4180 quoting, CRLF line ends, and a guard against
 * formula injection (a cell a spreadsheet would run as a formula is prefixed with ').
 * Shared by every export (results, plan).
 */

/** Spreadsheets run a cell starting with one of these as a formula: prefix it with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formula injection, then quoted per RFC 4180 if needed. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows (the header first) as one CSV text: every field through csvField, CRLF after each row. */
export function csvTable(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
