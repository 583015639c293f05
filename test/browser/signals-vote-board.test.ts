/**
 * Signals and voting with the board in view, in the sandbox over Miro's channel and over the
 * sync server: a facilitator
 * and two participants. When the round opens, the participant who is not typing is brought to
 * Vote (notice and Miro's notification), the one typing a cluster name keeps the focus and
 * every letter and is offered the way; "Vote for the selection" casts on the notes selected on
 * the board; "Show" moves that participant's view to the note; the vote view passes axe; the
 * reveal brings both to Results while the facilitator stays where they are.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { boardItems, screenshot, loopbackPage } from './support/sandbox-page.js';
import { callAction, row, select, sessionPanel, startServer, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();

const QUESTION = 'Which strain matters most?';
const NOTES = ['Too many meetings', 'No time to think', 'Lonely decisions'];

/** The focused element inside a panel, through shadow roots: tag, id and value. */
function focused(panel: Frame): Promise<{ tag: string; id: string; value: string | null }> {
  return panel.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', value: el instanceof HTMLInputElement ? el.value : null };
  });
}

const selectedTab = (panel: Frame) => panel.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab');

describe('signals and voting with the board in view', () => {
  it.each(['miro', 'server'] as const)('over %s: a round that opens and its reveal move the participants, never the one typing; vote for the selection; show on board', async (mode) => {
    const sync = mode === 'server' ? await startServer() : null;
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/${sync ? `?sync-server=${encodeURIComponent(sync.server.url)}` : ''}`);
      await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
      await page.click('sandbox-participants button[data-action="add-participant"]');
      await page.click('sandbox-participants button[data-action="add-participant"]');
      if (mode === 'server') await page.click('sandbox-controls button[data-sync="server"]');
      const [f, typist, p3] = await Promise.all(['u1', 'u2', 'u3'].map((u) => sessionPanel(page, u, mode)));

      await tab(f!, 'group');
      await f!.click('button[data-action="start-session"]');
      await f!.click('button[data-action="confirm-start"]');
      for (const p of [f!, typist!, p3!]) await p.waitForSelector('[data-start]', { state: 'detached', timeout: 30_000 });
      const ids: string[] = [];
      for (const [i, text] of NOTES.entries()) ids.push(await writeSticky(page, 'u2', text, -700 + i * 700, 0));

      // The facilitator prepares a round over every sticky.
      await tab(f!, 'rounds');
      await f!.fill('round-form #question', QUESTION);
      await f!.fill('round-form #budget', '3');
      await f!.fill('round-form #cap', '2');
      await f!.fill('round-form #k', '1');
      await f!.click('round-form button[data-action="create"]');
      const round = f!.locator('facilitator-panel li[data-round]');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');

      // One participant is writing a cluster name; the other is on Templates.
      await tab(typist!, 'group');
      await typist!.click('cluster-panel #new-label');
      await typist!.page().keyboard.type('Work');
      await tab(p3!, 'templates');
      await typist!.click('cluster-panel #new-label');
      // The facilitator opens it on their own screen. All panels share one page here, where their
      // panel taking the focus would take it from the typist too: the same action, called directly.
      const roundId = await round.getAttribute('data-round');
      expect(await typist!.evaluate(() => document.hasFocus())).toBe(true);
      await callAction(f!, 'facilitator-panel', 'openRound', [roundId]);
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('open');

      // Not typing (and without the focus: the typist has it): on Vote without a click, told so, and the focus left alone.
      await expect.poll(() => selectedTab(p3!), { timeout: 30_000 }).toBe('vote');
      await expect.poll(() => p3!.locator('signal-notice [data-signal="open"] p[role="status"]').innerText(), { timeout: 10_000 }).toContain(QUESTION);
      await expect.poll(() => page.evaluate(() => window.__sandbox!.notifications('u3')), { timeout: 10_000 }).toEqual([`Vote now: “${QUESTION}”`]);
      // The facilitator, who opened it, stays on Run rounds and gets no notification.
      expect(await selectedTab(f!)).toBe('rounds');
      expect(await page.evaluate(() => window.__sandbox!.notifications('u1'))).toEqual([]);

      // Typing: the panel stays, the field keeps the focus and every letter; the notice offers the way.
      await typist!.waitForSelector('signal-notice [data-signal="open"] button[data-action="signal-go"]', { timeout: 30_000 });
      expect(await selectedTab(typist!)).toBe('group');
      expect(await focused(typist!)).toMatchObject({ tag: 'input', id: 'new-label', value: 'Work' });
      await typist!.page().keyboard.type('load');
      expect(await focused(typist!)).toMatchObject({ id: 'new-label', value: 'Workload' });
      await typist!.click('signal-notice button[data-action="signal-go"]');
      await expect.poll(() => selectedTab(typist!)).toBe('vote');

      // Vote for the selection: two notes selected on the board get a vote each.
      await expect.poll(() => p3!.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(3);
      await expect.poll(() => p3!.locator('vote-panel ul[data-group="other"]').count(), { timeout: 10_000 }).toBe(1);
      await select(page, 'u3', [ids[0]!, ids[2]!]);
      await expect.poll(() => p3!.locator('vote-panel [data-selection-count]').innerText(), { timeout: 10_000 }).toBe('2 items selected on the board.');
      await p3!.click('vote-panel button[data-action="vote-selection"]');
      for (const [i, want] of [1, 0, 1].entries()) await expect.poll(() => row(p3!, NOTES[i]!).locator('[data-count]').textContent(), { timeout: 20_000 }).toBe(String(want));
      await expect.poll(() => p3!.locator('vote-panel [data-announce]').innerText()).toContain('2 selected items');
      expect(await p3!.locator('vote-panel [data-remaining]').innerText()).toMatch(/\b1 of 3\b/);

      // Show on board: this participant's view goes to the note.
      await row(p3!, NOTES[1]!).locator('button[data-action="show"]').click();
      const note = (await boardItems(page)).find((i) => i.id === ids[1])!.absolute;
      await expect.poll(async () => {
        const v = await page.evaluate(() => window.__sandbox!.board.viewport('u3'));
        return v.x <= note.x && v.y <= note.y && note.x + note.width <= v.x + v.width && note.y + note.height <= v.y + v.height;
      }, { timeout: 20_000 }).toBe(true);

      // The vote view, grouped, with its new buttons and the notice: no serious axe findings.
      expect(serious(await axeViolations(p3!))).toEqual([]);
      await screenshot(page, `signals-vote-board-${mode}`);

      // The reveal brings both participants to Results; the facilitator stays.
      await round.locator('button[data-action="reveal"]').click();
      for (const p of [typist!, p3!]) {
        await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('results');
        await expect.poll(() => p.locator('signal-notice [data-signal="revealed"] p[role="status"]').innerText()).toContain(QUESTION);
      }
      expect(await selectedTab(f!)).toBe('rounds');
    } finally {
      await context.close();
      await sync?.close();
    }
  });
});
