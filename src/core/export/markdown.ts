/**
 * Markdown for exports: user text goes through mdCell, so a pipe, a line break or raw HTML
 * in a note cannot break the table or inject markup. Shared by every export (results, plan).
 */

/** A Markdown table cell: pipes and backslashes escaped, no line breaks, no raw HTML. */
export function mdCell(value: string | number): string {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

/** One table row of cells that are already Markdown (escape user text with mdCell first). */
export function mdRow(cells: readonly (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}
