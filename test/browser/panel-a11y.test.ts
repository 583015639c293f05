/**
 * The panel by keyboard and for assistive technology: axe-core finds no serious or critical
 * violation (idle, during insertion, after success, after failure; both languages), a
 * template can be inserted with Tab and Enter alone with focus visible, and the language
 * switch changes the panel's language (the session's words too, loaded before it switches)
 * and is remembered.
 */
import { describe, expect, it } from 'vitest';
import { contains } from '../../src/core/geometry.js';
import { LANGS } from '../../src/core/lang.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';
import { t } from '../../src/ui/i18n/session-strings.js';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv, useSandbox } from './support/browser-env.js';
import { focusedElement, type Focused } from './support/focus.js';
import {
  boardItems, clearBoard, expectBoardMatchesLayout, insertThroughPanel, markerOf, openSandbox, panelFrame, screenshot, waitForOutcome,
} from './support/sandbox-page.js';

const env = useBrowserEnv();

describe.each(LANGS)('panel in %s', (lang) => {
  const s = useSandbox(env, lang);

  it('has no serious or critical axe violations when idle', async () => {
    expect(serious(await axeViolations(s.panel))).toEqual([]);
  });

  it('shows the data notice the first time, in the panel’s language; it is remembered once read, and reachable again', async () => {
    const notice = s.panel.locator('data-notice');
    await notice.locator('[data-notice]').waitFor({ timeout: 30_000 });
    expect(await notice.locator('h2').innerText()).toBe(t(lang, 'notice.title'));
    for (const mode of ['named', 'anonymous', 'sealed'] as const) expect(await notice.locator(`li[data-mode="${mode}"]`).innerText()).toBe(t(lang, `notice.votes.${mode}`));
    expect(await notice.locator('[data-notice]').innerText()).toContain(t(lang, 'notice.plate'));
    expect(await notice.locator('[data-notice]').innerText()).toContain(t(lang, 'notice.mode.miro'));
    expect(serious(await axeViolations(s.panel))).toEqual([]);
    const link = s.panel.locator('button[data-action="data-notice"]');
    expect(await link.getAttribute('aria-expanded')).toBe('true');
    await notice.locator('button[data-action="notice-close"]').focus();
    await s.panel.page().keyboard.press('Enter');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await focusedElement(s.panel)).toMatchObject({ tag: 'button', action: 'data-notice' });
    // Read, on this device: the panel's storage says so (the shell reads it when it opens).
    expect(await s.panel.evaluate(() => localStorage.getItem('tryghed.notice.read'))).toBe('1');
    // The link opens it again, the focus on its heading.
    await link.focus();
    await s.panel.page().keyboard.press('Enter');
    await expect.poll(async () => (await focusedElement(s.panel))?.tag).toBe('h2');
    await notice.locator('button[data-action="notice-close"]').click();
    await expect.poll(() => notice.count()).toBe(0);
  });

  it('inserts a template by keyboard alone: Tab to it, Enter; focus is visible on the way', async () => {
    await clearBoard(s.page);
    // The session joins in the background; once it is there, the lead notice offers to start it.
    await s.panel.locator('lead-notice button[data-action="start-session"]').waitFor({ timeout: 30_000 });
    await s.panel.locator('h1').click(); // put the keyboard in the panel, on nothing focusable
    const seen: string[] = [];
    let target = null as Focused | null;
    for (let i = 0; i < 16 && target?.insert !== 'emotions'; i++) {
      await s.panel.page().keyboard.press('Tab');
      target = await focusedElement(s.panel);
      seen.push(target?.insert ?? target?.text ?? '?');
      expect(target?.ring, `focus ring on ${seen.at(-1)}`).toBe(true);
    }
    // Language switch first, the data notice's link, the offer to start a session, then the templates in workshop order.
    expect(seen.slice(0, 5)).toEqual(['Dansk', 'English', t(lang, 'shell.notice'), t(lang, 'shell.start'), 'opening']);
    expect(seen.slice(4)).toEqual(TEMPLATES.slice(0, seen.length - 4).map((tpl) => tpl.id));
    expect(target?.insert).toBe('emotions');
    await s.panel.page().keyboard.press('Enter');
    // While it runs, the panel is still accessible (progress bar, live region).
    expect(await waitForOutcome(s.panel, 'emotions')).toBe('done');
    expectBoardMatchesLayout(await boardItems(s.page), 'emotions', lang);
    expect(serious(await axeViolations(s.panel))).toEqual([]);
  });

  it('shows progress accessibly while inserting', async () => {
    await clearBoard(s.page);
    await s.page.fill('sandbox-controls input[name="latency"]', '400');
    await s.page.press('sandbox-controls input[name="latency"]', 'Enter');
    await s.page.locator('sandbox-controls input[name="latency"]').blur();
    await expect.poll(() => s.page.evaluate(() => window.__sandbox!.switches().latencyMs)).toBe(400);
    try {
      await s.panel.click('button[data-insert="takeaways"]');
      const bar = s.panel.locator('insert-progress progress[max]');
      await bar.waitFor({ timeout: 30_000 });
      const live = await s.panel.locator('insert-progress [aria-live="polite"]').innerText();
      expect(live).toMatch(lang === 'da' ? /^Indsætter \d+ af \d+ …$/ : /^Inserting \d+ of \d+ …$/);
      await screenshot(s.page, `progress-${lang}`);
      expect(await s.panel.locator('button[data-insert="opening"]').getAttribute('aria-disabled')).toBe('true');
      expect(serious(await axeViolations(s.panel))).toEqual([]);
      expect(await waitForOutcome(s.panel, 'takeaways')).toBe('done');
    } finally {
      await s.page.fill('sandbox-controls input[name="latency"]', '40');
      await s.page.locator('sandbox-controls input[name="latency"]').blur();
    }
  });

  it('has no serious or critical axe violations with the failure alert showing', async () => {
    await clearBoard(s.page);
    await s.page.fill('sandbox-controls input[name="refuse-after"]', '2');
    await s.page.locator('sandbox-controls input[name="refuse-after"]').blur();
    await s.page.locator('sandbox-controls input[name="refuse"]').check();
    try {
      await s.panel.click('button[data-insert="practice"]');
      expect(await waitForOutcome(s.panel, 'practice')).toBe('failed');
      expect(serious(await axeViolations(s.panel))).toEqual([]);
    } finally {
      await s.page.locator('sandbox-controls input[name="refuse"]').uncheck();
    }
  });

  it('offers to go to a template already on the board, or to insert a second copy on purpose', async () => {
    await clearBoard(s.page);
    expect(await insertThroughPanel(s.panel, 'practice')).toBe('done');
    const frames = async () => (await boardItems(s.page)).filter((i) => markerOf(i)?.t === 'practice' && markerOf(i)?.e === 'frame');
    expect(await frames()).toHaveLength(1);
    await s.panel.click('button[data-insert="practice"]');
    const offer = s.panel.locator('insert-status[kind="already"]');
    await offer.waitFor();
    expect(await offer.locator('p').innerText()).toBe(lang === 'da' ? 'Ledertrivsel i praksis står allerede på boardet.' : 'Leader wellbeing in practice is on the board already.');
    expect(await frames()).toHaveLength(1);
    expect(serious(await axeViolations(s.panel))).toEqual([]);
    await offer.locator('button[data-again]').click();
    await s.panel.locator('insert-status[kind="done"]').waitFor();
    const two = await frames();
    expect(two).toHaveLength(2);
    expect(two[1]!.absolute.x).toBe(two[0]!.absolute.x);
    expect(two[1]!.absolute.y).toBeGreaterThan(two[0]!.absolute.y + two[0]!.absolute.height);
    // Go to it: after another template took the view away, the view moves back to the latest copy; nothing is inserted.
    expect(await insertThroughPanel(s.panel, 'opening')).toBe('done');
    expect(contains(await s.page.evaluate(() => window.__sandbox!.board.viewport()), two[1]!.absolute, 1)).toBe(false);
    await s.panel.click('button[data-insert="practice"]');
    await s.panel.locator('insert-status[kind="already"] button[data-go]').click();
    await expect.poll(async () => (await s.panel.locator('insert-status').count())).toBe(0);
    expect(await frames()).toHaveLength(2);
    await expect.poll(async () => contains(await s.page.evaluate(() => window.__sandbox!.board.viewport()), two[1]!.absolute, 1)).toBe(true);
  });
});

describe('language switch', () => {
  it('switches the panel to the other language and remembers the choice', async () => {
    const s = await openSandbox(env.browser, env.vite.url, 'da');
    try {
      expect(await s.panel.locator('template-list h2').first().innerText()).toBe('Lederen som instrument');
      // The session is open, with its words in Danish only (session-words.ts): the data notice shows.
      await expect.poll(() => s.panel.locator('data-notice h2').innerText(), { timeout: 30_000 }).toBe(t('da', 'notice.title'));
      await s.panel.click('lang-switch button[lang="en"]');
      await expect.poll(() => s.panel.locator('template-list h2').first().innerText()).toBe('The leader as an instrument');
      // The English words had loaded before the panel switched: no key showed meanwhile.
      expect(await s.panel.locator('data-notice h2').innerText()).toBe(t('en', 'notice.title'));
      expect(await s.panel.locator('lang-switch button[lang="en"]').getAttribute('aria-pressed')).toBe('true');
      expect(await s.panel.evaluate(() => document.documentElement.lang)).toBe('en');
      // A new panel (same browser profile, Danish browser) opens in the chosen English.
      await s.page.reload();
      const panel = await panelFrame(s.page, 'u1');
      expect(await panel.locator('template-list h2').first().innerText()).toBe('The leader as an instrument');
    } finally {
      await s.close();
    }
  });
});
