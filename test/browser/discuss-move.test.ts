/**
 * Issue 11: Discuss, and moving a session from Miro's channel to the sync server. A facilitator
 * and a participant in the sandbox group notes, vote and reveal; the facilitator picks the top
 * item to discuss and every panel shows "Now discussing" (in English and Danish); the decision
 * goes into the plan as a draft initiative whose problem is the item. Then the board moves to
 * the sync server: the themes, the revealed round's results, the plan and what is discussed come
 * along for every panel, also one opened after the move, every connection stays synced; a pulse
 * does not come (and the sync setting says so).
 * Axe on the new views; every section at 320 and 400 px with results and plan in it.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { loopbackPage } from './support/sandbox-page.js';
import { checkWidths } from './support/panel-widths.js';
import { cast, row, select, sessionPanel, startServer, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();
/** A theme's name longer than a chart row has room for. */
const LONG = 'Workload: far too many meetings in every single week';

const results = (p: Frame) => p.locator('results-panel results-chart table[data-table] tbody tr').allInnerTexts();
const discussing = (p: Frame) => p.locator('discuss-notice [data-discussing]').innerText();
/** The plan as each panel shows it: the facilitator's rows are forms named by their initiative. */
const planned = (p: Frame) => p.locator('plan-panel li[data-initiative]').evaluateAll((lis) => lis.map((li) => li.getAttribute('aria-label') ?? (li as HTMLElement).innerText));

/**
 * A facilitator (u1) and a participant (u2) over Miro's channel, a sync server waiting: notes, a
 * theme, a round, votes (the long-named theme 4, Unclear priorities 2), revealed; both on Results.
 */
async function revealedRound() {
  const sync = await startServer();
  const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
  await page.goto(`${env.vite.url}/sandbox/?sync-server=${encodeURIComponent(sync.server.url)}`);
  await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
  await page.click('sandbox-participants button[data-action="add-participant"]');
  const [f, p] = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, 'miro')))) as [Frame, Frame];
  await f.click('lead-notice button[data-action="start-session"]');
  await f.click('lead-notice button[data-action="confirm-start"]');
  await expect.poll(() => p.locator('lead-notice [data-lead]').innerText(), { timeout: 30_000 }).toMatch(/is the facilitator/);

  // Notes, a theme, a round, votes: Workload 4, Unclear priorities 2.
  const ids = [
    await writeSticky(page, 'u2', 'Too many meetings', -600, 0),
    await writeSticky(page, 'u2', 'No time to think', -340, 0),
  ];
  await writeSticky(page, 'u2', 'Unclear priorities', 200, 0);
  await select(page, 'u2', ids);
  await tab(p, 'group');
  await p.waitForSelector('cluster-panel p[data-selection="2"]');
  await p.fill('cluster-panel #new-label', LONG);
  await p.click('cluster-panel button[data-action="group"]');
  await tab(f, 'rounds');
  await f.fill('round-form #question', 'What first?');
  await f.fill('round-form #budget', '3');
  await f.fill('round-form #cap', '2');
  await f.fill('round-form #k', '2');
  await f.click('round-form button[data-action="create"]');
  const round = f.locator('facilitator-panel li[data-round]');
  await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
  await round.locator('button[data-action="open"]').click();
  for (const x of [f, p]) {
    await tab(x, 'vote');
    await expect.poll(() => x.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(2);
  }
  await cast(f, 'Workload', 2);
  await cast(f, 'Unclear priorities', 1);
  await cast(p, 'Workload', 2);
  await cast(p, 'Unclear priorities', 1);
  await tab(f, 'rounds');
  await round.locator('button[data-action="reveal"]').click();
  await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('revealed');
  const shown = [`1.\t${LONG}\t4`, '2.\tUnclear priorities\t2'];
  for (const x of [f, p]) await tab(x, 'results');
  await expect.poll(() => results(p), { timeout: 30_000 }).toEqual(shown);
  return { sync, context, page, f, p, shown };
}

describe('Discuss, and a move to the sync server that keeps the work', () => {
  it('discusses the top items of a revealed round into the plan, every panel following', async () => {
    const { sync, context, page, f, p, shown } = await revealedRound();
    try {
      // The facilitator picks the top item: everyone sees it; the focus goes to the decision.
      const items = f.locator('discuss-controls li[data-item]');
      await expect.poll(() => items.allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringMatching(/^1\. Workload/), expect.stringMatching(/^2\. Unclear priorities/)]);
      expect(await p.locator('discuss-controls li[data-item]').count(), 'Discuss is the facilitator’s').toBe(0);
      await f.click(`discuss-controls button[aria-label="Discuss: ${LONG}"]`);
      for (const x of [f, p]) await expect.poll(() => discussing(x), { timeout: 30_000 }).toBe(`Now discussing: ${LONG}`);
      await expect.poll(() => f.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.id ?? null)).toBe('decision');
      expect(serious(await axeViolations(f)), 'discuss, facilitator').toEqual([]);
      expect(serious(await axeViolations(p)), 'now discussing, participant').toEqual([]);
      await p.click('lang-switch button[lang="da"]');
      await expect.poll(() => discussing(p)).toBe(`Nu drøfter vi: ${LONG}`);
      // Templates tells a participant what is theirs to do, in both languages.
      await tab(p, 'templates');
      await expect.poll(() => p.locator('tryghed-template-panel [data-locked]').innerText()).toMatch(/Det gør du: skriv dine sedler/);
      await p.click('lang-switch button[lang="en"]');
      await expect.poll(() => p.locator('tryghed-template-panel [data-locked]').innerText()).toMatch(/only the facilitator .* What you do: write your sticky notes/);
      await tab(p, 'results');

      // An empty decision is refused in words; a decision becomes a draft initiative, problem = the item.
      await f.click('discuss-controls button[data-action="decide"]');
      await expect.poll(() => f.locator('discuss-controls [data-error]').innerText()).toBe('Write what the team decides first.');
      await f.fill('discuss-controls #decision', 'Weekly check-in on Mondays');
      await f.selectOption('discuss-controls #decision-layer', 'L');
      await f.click('discuss-controls button[data-action="decide"]');
      await expect.poll(() => f.locator('discuss-controls li[data-item] [data-in-plan]').count(), { timeout: 30_000 }).toBe(1);
      await tab(p, 'plan');
      await expect.poll(() => planned(p), { timeout: 30_000 }).toEqual([expect.stringMatching(/Weekly check-in on Mondays[\s\S]*Problem: Workload/)]);
      expect(await p.locator('plan-panel ul[data-layer="L"] li.draft').count()).toBe(1);
      await f.click('discuss-controls button[data-action="discuss-next"]');
      for (const x of [f, p]) await expect.poll(() => discussing(x), { timeout: 30_000 }).toBe('Now discussing: Unclear priorities');

      // Every section at Miro's panel widths, with results, a discussion and a plan in it (the data notice read).
      for (const x of [f, p]) await x.click('data-notice button[data-action="notice-close"]');
      await checkWidths(page, 'u1', f, 'discuss-facilitator');
      await checkWidths(page, 'u2', p, 'discuss-participant');
    } finally {
      await context.close();
      await sync.close();
    }
  });

  it('moves to the sync server with the themes, the results, the plan and the discussion, every connection kept; a pulse stays behind; the setting says what moves', async () => {
    const { sync, context, page, f, p, shown } = await revealedRound();
    try {
      await f.click(`discuss-controls button[aria-label="Discuss: ${LONG}"]`);
      await f.fill('discuss-controls #decision', 'Weekly check-in on Mondays');
      await f.click('discuss-controls button[data-action="decide"]');
      await expect.poll(() => f.locator('discuss-controls [data-in-plan]').count(), { timeout: 30_000 }).toBe(1);
      await tab(f, 'pulse');
      await f.click('pulse-controls button[data-action="pulse-create"]');
      await expect.poll(() => f.locator('pulse-panel p[data-status]').count(), { timeout: 30_000 }).toBe(1);
      await tab(f, 'rounds');
      await expect.poll(() => f.locator('sync-settings p.hint').first().innerText(), { timeout: 30_000 })
        .toBe('Applies to everyone on this board. A move takes the themes, the votes with their results, the plan and the workshop’s step along. Moving to a sync server closes an open vote first; only the votes’ totals go there, the ballots stay in Miro. Ballots of sealed votes stay on the server. A pulse never moves.');

      await page.click('sandbox-controls button[data-sync="server"]');
      const moved = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, 'server')))) as [Frame, Frame];
      // Someone opening the board after the move sees what the server holds, not a panel's own copy.
      await page.click('sandbox-participants button[data-action="add-participant"]');
      const late = await sessionPanel(page, 'u3', 'server');
      const all = [...moved, late];
      const who = ['facilitator', 'participant', 'late joiner'];
      for (const [i, x] of all.entries()) {
        await tab(x, 'group');
        const theme = x.locator('cluster-panel li[data-cluster]');
        await expect.poll(() => theme.locator('textarea[data-name]').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value)), { timeout: 30_000, message: `${who[i]}: themes` }).toEqual([LONG]);
        await expect.poll(() => theme.locator('ul.notes > li').count(), { timeout: 30_000, message: `${who[i]}: the theme's notes` }).toBe(2);
        await tab(x, 'results');
        await expect.poll(() => results(x), { timeout: 30_000, message: `${who[i]}: results` }).toEqual(shown);
        await tab(x, 'plan');
        await expect.poll(() => planned(x), { timeout: 30_000, message: `${who[i]}: plan` }).toEqual([expect.stringContaining('Weekly check-in on Mondays')]);
        await expect.poll(() => discussing(x), { timeout: 30_000, message: `${who[i]}: discussion` }).toBe(`Now discussing: ${LONG}`);
      }
      // Nobody's connection is refused on the way (the server refuses another mode's shared
      // state): every panel is synced, and stays so after the other panels' later carry.
      await page.waitForTimeout(4000);
      for (const [i, x] of all.entries()) expect(await x.locator('p.sync').getAttribute('data-status'), who[i]).toBe('synced');
      await tab(moved[0], 'pulse');
      await moved[0].waitForSelector('pulse-controls form[data-pulse-create]', { timeout: 30_000 });
      expect(await moved[0].locator('pulse-panel p[data-status]').count(), 'a pulse does not move').toBe(0);
    } finally {
      await context.close();
      await sync.close();
    }
  });
});
