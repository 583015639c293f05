/** The deepest focused element, through shadow roots, as tests ask about it. */
import type { Frame, Page } from 'playwright-core';

export interface Focused {
  tag: string;
  /** data-insert (the template list's buttons) */
  insert: string | null;
  /** data-action */
  action: string | null;
  id: string | null;
  /** data-step (the agenda's buttons) */
  step: string | null;
  /** data-tab of a section's tab (role tab), else null */
  tab: string | null;
  /** data-target of the row (li) the element is in */
  target: string | null;
  text: string;
  /** a visible focus ring: :focus-visible with an outline of at least 2 px */
  ring: boolean;
}

export function focusedElement(target: Frame | Page): Promise<Focused | null> {
  return target.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      insert: el.getAttribute('data-insert'),
      action: el.getAttribute('data-action'),
      id: el.id || null,
      step: el.getAttribute('data-step'),
      tab: el.getAttribute('role') === 'tab' ? el.getAttribute('data-tab') : null,
      target: el.closest('li')?.getAttribute('data-target') ?? null,
      text: el.textContent?.trim() ?? '',
      ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}
