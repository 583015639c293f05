/**
 * Every template, in both languages, inserted through the real panel in the sandbox: the board
 * then holds exactly what the layout promised, the view has moved to it, and a screenshot per
 * template is saved to artifacts/screenshots/<id>-<lang>.png.
 */
import { describe, expect, it } from 'vitest';
import { contains } from '../../src/core/geometry.js';
import { LANGS } from '../../src/core/lang.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';
import { useBrowserEnv, useSandbox } from './support/browser-env.js';
import { boardItems, clearBoard, expectBoardMatchesLayout, insertThroughPanel, markerOf, screenshot } from './support/sandbox-page.js';

const env = useBrowserEnv();

describe.each(LANGS)('sandbox, panel in %s', (lang) => {
  const s = useSandbox(env, lang);

  it('lists the twelve templates in workshop order, in the browser’s language', async () => {
    const ids = await s.panel.$$eval('button[data-insert]', (bs) => bs.map((b) => b.getAttribute('data-insert')));
    expect(ids).toEqual(TEMPLATES.map((t) => t.id));
    const headings = await s.panel.$$eval('template-list h2', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(headings).toEqual(TEMPLATES.map((t) => t.title[lang]));
    expect(await s.panel.evaluate(() => document.documentElement.lang)).toBe(lang);
    // Every card has a preview drawn from the layout.
    expect(await s.panel.$$eval('template-preview svg rect', (r) => r.length)).toBeGreaterThan(12 * 5);
  });

  it('keeps the outcome in sight when something loading later pushes it below the fold', async () => {
    await clearBoard(s.page);
    expect(await insertThroughPanel(s.panel, 'opening')).toBe('done');
    const statusBottom = () => s.panel.evaluate(() => {
      const shell = document.querySelector('tryghed-shell')!.shadowRoot!;
      return { bottom: shell.querySelector('tryghed-template-panel')!.shadowRoot!.querySelector('insert-status')!.getBoundingClientRect().bottom, height: innerHeight };
    });
    await expect.poll(async () => { const m = await statusBottom(); return m.bottom <= m.height; }).toBe(true);
    // A tall block arrives above the panel, as the data notice does when its chunk loads late.
    await s.panel.evaluate(() => {
      const shell = document.querySelector('tryghed-shell')!.shadowRoot!;
      const block = document.createElement('div');
      block.id = 'late-block';
      block.style.height = `${innerHeight * 2}px`;
      shell.querySelector('tryghed-template-panel')!.before(block);
    });
    await expect.poll(async () => { const m = await statusBottom(); return m.bottom <= m.height; }, { timeout: 10_000 }).toBe(true);
    await s.panel.evaluate(() => document.querySelector('tryghed-shell')!.shadowRoot!.getElementById('late-block')!.remove());
  });

  for (const template of TEMPLATES) {
    it(`inserts ${template.id}: the board holds what the layout promised, in view`, async () => {
      await clearBoard(s.page);
      expect(await insertThroughPanel(s.panel, template.id)).toBe('done');
      const items = await boardItems(s.page);
      expectBoardMatchesLayout(items, template.id, lang);
      // The view moved to the new frame.
      const frame = items.find((i) => markerOf(i)?.e === 'frame')!;
      const view = await s.page.evaluate(() => window.__sandbox!.board.viewport());
      expect(contains(view, frame.absolute, 1)).toBe(true);
      // The outcome is in sight, below the shell's sticky tabs, however far the list was scrolled.
      const measure = () => s.panel.evaluate(() => {
        const shell = document.querySelector('tryghed-shell')!.shadowRoot!;
        const tabs = shell.querySelector('[role="tablist"]')!.getBoundingClientRect();
        const status = shell.querySelector('tryghed-template-panel')!.shadowRoot!.querySelector('insert-status')!.getBoundingClientRect();
        return { tabsBottom: tabs.bottom, top: status.top, bottom: status.bottom, height: innerHeight };
      });
      // The panel scrolls the outcome into view as it renders: wait for the scroll to settle.
      await expect.poll(async () => { const m = await measure(); return m.bottom <= m.height; }, { timeout: 10_000 }).toBe(true);
      const seen = await measure();
      expect(seen.top).toBeGreaterThanOrEqual(seen.tabsBottom - 1);
      expect(seen.bottom).toBeLessThanOrEqual(seen.height);
      await screenshot(s.page, `${template.id}-${lang}`);
    });
  }
});
