/**
 * How a panel hands an export to the user: a browser download of the file the export action
 * made. Used by the results and the plan panels.
 */

export type ExportFormat = 'csv' | 'markdown' | 'json';

/** Downloads `file` from within `host` (its shadow root keeps the link out of the page). */
export function offerExport(host: HTMLElement, file: { format: ExportFormat | 'json'; filename: string; text: string }): void {
  const csv = file.format === 'csv';
  // A CSV's text carries its own BOM (core/export/csv.ts).
  const type = csv ? 'text/csv;charset=utf-8' : file.format === 'json' ? 'application/json' : 'text/markdown;charset=utf-8';
  const blob = new Blob([file.text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.hidden = true;
  (host.shadowRoot ?? host).appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
