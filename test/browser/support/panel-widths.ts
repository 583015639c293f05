/**
 * A panel at Miro's panel widths (320 and 400 px): each section's screenshot under
 * artifacts/screenshots/, no element's text wider than its box, and the tab rows where they were.
 */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { SCREENSHOT_DIR } from './sandbox-page.js';
import { tab } from './session-steps.js';

/** Every element in the frame (shadow roots too) whose text is wider than its box. */
export function overflowing(panel: Frame): Promise<string[]> {
  return panel.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        // A chart's text has no box of its own: it must lie inside its drawing's view box.
        if (el instanceof SVGTextElement) {
          const vb = el.ownerSVGElement?.viewBox.baseVal;
          const b = el.getBBox();
          if (vb && vb.width > 0 && (b.x < vb.x - 1 || b.x + b.width > vb.x + vb.width + 1)) out.push(`svg text[${el.textContent!.trim().slice(0, 40)}] ${Math.round(b.x + b.width)}>${vb.width}`);
          continue;
        }
        if (el instanceof SVGElement) continue;
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
          || ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.type !== 'hidden');
        if (!hasText || el.clientWidth <= 1 /* visually hidden */ || el.closest('[hidden]') || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        if (style.display === 'inline') continue;
        if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 40)}] ${el.scrollWidth}>${el.clientWidth}`);
      }
    };
    walk(document);
    return out;
  });
}

/** Each section of a panel at `width`: a screenshot, no text overflowing its box, the tab rows stable. */
export async function checkWidths(page: Page, userId: string, panel: Frame, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const iframe = page.locator(`section[data-user="${userId}"] iframe.panel`);
  const tabs = await panel.locator('button[role="tab"]').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-tab')!));
  for (const width of [320, 400]) {
    // On top of the page at Miro's panel width, so what the screenshot shows is the panel alone.
    await iframe.evaluate((el, w) => Object.assign((el as HTMLElement).style, { position: 'fixed', left: '0', top: '0', width: `${w}px`, height: '1100px', zIndex: '9999', background: '#fff' }), width);
    let rows: string | null = null;
    for (const id of tabs) {
      await tab(panel, id);
      await panel.evaluate(() => window.scrollTo(0, 0));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(await overflowing(panel), `${name} ${id} at ${width}px`).toEqual([]);
      // The way between sections stays where it is whichever is selected.
      const layout = JSON.stringify(await panel.locator('button[role="tab"]').evaluateAll((bs) => bs.map((b) => { const r = b.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })));
      if (rows === null) rows = layout;
      expect(layout, `${name} tabs at ${width}px`).toBe(rows);
      await page.screenshot({ path: `${SCREENSHOT_DIR}workshop-${name}-${id}-${width}.png`, clip: { x: 0, y: 0, width, height: 1100 } });
    }
  }
  await iframe.evaluate((el) => Object.assign((el as HTMLElement).style, { position: '', left: '', top: '', width: '', height: '', zIndex: '', background: '' }));
}

