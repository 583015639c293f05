/**
 * Issue 11, a keyboard-only pass over each transport: the facilitator leads and a participant
 * follows with the keyboard alone (Tab, Shift+Tab, the arrow keys on the tabs, Enter, typing;
 * the focus visible at every stop, never lost to the page after a control gives way to another).
 * The facilitator starts the session, goes to a step, creates and opens a round and reveals it;
 * the participant's panel follows the step, they say "I'm done", vote when the round opens and
 * read the results. Each person enters their own panel once when it is their turn (as Tab from
 * Miro's board would: all panels share one page here, and one focus). A step that comes while
 * the participant is typing leaves their field, its focus and its text alone; the step bar
 * offers the way there.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { axeViolations, serious } from './support/axe.js';
import { focusedElement, type Focused } from './support/focus.js';
import { useBrowserEnv } from './support/browser-env.js';
import { loopbackPage } from './support/sandbox-page.js';
import { callAction, sessionPanel, startServer, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();
const selectedTab = (p: Frame) => p.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab');
const press = (panel: Frame, key: string) => panel.page().keyboard.press(key);

/** Tab (or Shift+Tab) until the focused element is the one wanted; it shows its focus. */
async function tabTo(panel: Frame, want: (f: Focused) => boolean, what: string, key = 'Tab'): Promise<Focused> {
  for (let i = 0; i < 80; i++) {
    await press(panel, key);
    const f = await focusedElement(panel);
    if (f && want(f)) {
      expect(f.ring, `${what}: focus visible`).toBe(true);
      return f;
    }
  }
  throw new Error(`${key} never reached ${what}`);
}

/** A person's turn: they enter their panel (as from the board), on the tab of the section shown. */
async function enter(panel: Frame): Promise<void> {
  await panel.focus('button[role="tab"][aria-selected="true"]');
}

/** Back to the tabs with Shift+Tab, then along them with the arrow keys to section `id`. */
async function toSection(panel: Frame, id: string): Promise<void> {
  await tabTo(panel, (x) => x.tab !== null, 'the tabs', 'Shift+Tab');
  for (let i = 0; i < 12 && (await focusedElement(panel))?.tab !== id; i++) await press(panel, 'ArrowRight');
  expect((await focusedElement(panel))?.tab).toBe(id);
  await expect.poll(() => selectedTab(panel)).toBe(id);
  await panel.waitForSelector(`[role="tabpanel"][data-tab="${id}"]:not([hidden])`);
}

/** After a control gave way to another, the focus is still in the panel, not on the page. */
async function expectFocusKept(panel: Frame, what: string): Promise<void> {
  await expect.poll(async () => (await focusedElement(panel))?.tag ?? 'none', { message: `${what}: focus kept`, timeout: 10_000 }).not.toBe('body');
}

describe('a workshop by keyboard alone', () => {
  it.each(['miro', 'server'] as const)('over %s: the facilitator leads and a participant follows, votes and reads the results with keys only', async (mode) => {
    const sync = mode === 'server' ? await startServer() : null;
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/${sync ? `?sync-server=${encodeURIComponent(sync.server.url)}` : ''}`);
      await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
      await page.click('sandbox-participants button[data-action="add-participant"]');
      if (mode === 'server') await page.click('sandbox-controls button[data-sync="server"]');
      const [f, p] = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, mode)))) as [Frame, Frame];
      await writeSticky(page, 'u2', 'Too many meetings', 0, 0);
      await writeSticky(page, 'u2', 'Unclear priorities', 300, 0);

      // The facilitator starts the session: Start, then the confirmation, which takes the focus.
      await enter(f);
      await tabTo(f, (x) => x.action === 'start-session', 'Start');
      await press(f, 'Enter');
      await expect.poll(async () => (await focusedElement(f))?.action).toBe('confirm-start');
      await press(f, 'Enter');
      await expect.poll(() => p.locator('lead-notice [data-lead]').innerText(), { timeout: 30_000 }).toMatch(/is the facilitator/);
      await expectFocusKept(f, 'the session started');

      // A step: the participant's panel follows with no key pressed.
      await toSection(f, 'workshop');
      await tabTo(f, (x) => x.action === 'go-to-step' && x.step === 'opening', 'the first step');
      await press(f, 'Enter');
      await expect.poll(() => p.locator('step-bar [data-step]').getAttribute('data-step'), { timeout: 30_000 }).toBe('opening');
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('workshop');
      await expect.poll(async () => (await focusedElement(f))?.action, { timeout: 30_000 }).toBe('set-time');

      // The participant says they are done.
      await enter(p);
      await tabTo(p, (x) => x.action === 'done', 'I’m done');
      await press(p, 'Enter');
      await expect.poll(() => f.locator('step-bar [data-done-count]').innerText(), { timeout: 30_000 }).toBe('Done: 1 of 1');

      // The facilitator writes a round and opens it, by keys.
      await enter(f);
      await toSection(f, 'rounds');
      await tabTo(f, (x) => x.id === 'question', 'the question');
      await page.keyboard.type('What first?');
      await tabTo(f, (x) => x.id === 'k', 'how many must vote');
      await press(f, 'Control+A');
      await page.keyboard.type('1');
      await tabTo(f, (x) => x.action === 'create', 'Create');
      await press(f, 'Enter');
      const round = f.locator('facilitator-panel li[data-round]');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
      expect(await round.locator('h4').innerText()).toBe('What first?');
      await tabTo(f, (x) => x.action === 'open', 'Open');
      await press(f, 'Enter');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('open');
      await expect.poll(async () => (await focusedElement(f))?.action, { timeout: 30_000 }).toBe('close');

      // The participant's panel is on Vote: two votes by keys.
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('vote');
      await expect.poll(() => p.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(2);
      await enter(p);
      await tabTo(p, (x) => x.action === 'cast', 'a vote');
      await press(p, 'Enter');
      await expect.poll(() => p.locator('vote-panel li[data-target] [data-count]').allInnerTexts(), { timeout: 30_000 }).toContain('1');
      await press(p, 'Enter');
      await expect.poll(() => p.locator('vote-panel li[data-target] [data-count]').allInnerTexts(), { timeout: 30_000 }).toContain('2');
      expect((await focusedElement(p))?.action).toBe('cast');

      // The facilitator reveals it, by keys: the focus stays in the rounds.
      await enter(f);
      await tabTo(f, (x) => x.action === 'reveal', 'Reveal');
      await press(f, 'Enter');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('revealed');
      await expectFocusKept(f, 'the round revealed');

      // The participant's panel is on Results; they read them and reach their downloads by keys.
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('results');
      await expect.poll(async () => (await p.locator('results-panel results-chart table[data-table] tbody tr').allInnerTexts())[0], { timeout: 30_000 }).toMatch(/^1\.\t(Too many meetings|Unclear priorities)\t2$/);
      await enter(p);
      await tabTo(p, (x) => x.tag === 'button' && x.text === 'Download CSV', 'the results');
      expect(serious(await axeViolations(p))).toEqual([]);
    } finally {
      await context.close();
      await sync?.close();
    }
  });

  it('a step that comes while a participant is typing leaves the field, its focus and its text; the step bar offers the way', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
      await page.click('sandbox-participants button[data-action="add-participant"]');
      const [f, p] = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, 'miro')))) as [Frame, Frame];
      await f.click('lead-notice button[data-action="start-session"]');
      await f.click('lead-notice button[data-action="confirm-start"]');
      await expect.poll(() => p.locator('lead-notice [data-lead]').innerText(), { timeout: 30_000 }).toMatch(/is the facilitator/);

      // The participant writes a theme's name on Group.
      await enter(p);
      await toSection(p, 'group');
      await tabTo(p, (x) => x.id === 'new-label', 'the theme’s name');
      await page.keyboard.type('Work');
      // The facilitator's step, whose section is Workshop, comes meanwhile (called directly: a click would take the page's focus).
      await callAction(f, 'workshop-panel', 'goToStep', ['opening']);
      await expect.poll(() => p.locator('step-bar [data-step]').getAttribute('data-step'), { timeout: 30_000 }).toBe('opening');
      expect(await selectedTab(p)).toBe('group');
      await page.keyboard.type('load');
      expect(await focusedElement(p)).toMatchObject({ tag: 'input' });
      expect(await p.locator('cluster-panel #new-label').inputValue()).toBe('Workload');

      // The way to the step, by keys: Shift+Tab back to the step bar's button.
      await tabTo(p, (x) => x.action === 'show-step', 'Show the step', 'Shift+Tab');
      await press(p, 'Enter');
      await expect.poll(() => selectedTab(p)).toBe('workshop');
      expect((await focusedElement(p))?.tab).toBe('workshop');
      await expect.poll(() => p.locator('step-bar button[data-action="show-step"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
