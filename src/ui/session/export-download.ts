/**
 * How a panel hands an export to the user: a cancelable `tryghed-export` event first, so a
 * shell whose frame forbids downloads can take the text and offer it otherwise; then, if no
 * one cancelled, a browser download. Used by the results and the plan panels.
 */

export type ExportFormat = 'csv' | 'markdown';

/** What is exported: a round's results (with its id) or the P-IGLO plan. */
export type ExportDetail = { format: ExportFormat; filename: string; text: string } & (
  | { what: 'results'; roundId: string }
  | { what: 'plan' }
);
export type ExportEvent = CustomEvent<ExportDetail>;

/** Dispatch the event from `host`; download unless it was cancelled. Returns whether it downloaded. */
export function offerExport(host: HTMLElement, detail: ExportDetail): boolean {
  const ev = new CustomEvent('tryghed-export', { detail, bubbles: true, composed: true, cancelable: true });
  if (!host.dispatchEvent(ev)) return false;
  const csv = detail.format === 'csv';
  // A CSV's text carries its own BOM (core/export/csv.ts).
  const blob = new Blob([detail.text], { type: csv ? 'text/csv;charset=utf-8' : 'text/markdown;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = detail.filename;
  a.hidden = true;
  (host.shadowRoot ?? host).appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

declare global {
  interface HTMLElementEventMap {
    'tryghed-export': ExportEvent;
  }
}
