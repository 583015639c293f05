/**
 * Whether moving the panel now would take something from the person: the focused element
 * (through shadow roots), and whether they are writing or choosing in it. Signals and steps
 * that move a participant's panel ask first (signal-notice.ts, tryghed-shell.ts).
 */

/** The element that has the focus, through shadow roots. */
export function deepActive(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'number', 'url', 'tel', 'password', '']);

/** Whether the person is writing or choosing something: moving the panel now would lose it. */
export function isTyping(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Whether the focus is in this panel (not on the board, not lost on the page's body): a move takes it along. */
export function focusInPanel(doc: Document): boolean {
  const active = deepActive(doc);
  return doc.hasFocus() && active !== null && active !== doc.body;
}
