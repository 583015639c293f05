/**
 * Issue 11: the deck's own items are voted on without copying them onto stickies. A round over a
 * template's own cards (the behaviours of the safe and unsafe team), and one over the eight
 * areas of »What we do not talk about enough« (the areas are shapes, not cards): voted by a
 * participant (one area picked on the board and voted for as the selection) and the
 * facilitator, revealed, each area's badge inside its lower corner (clear
 * of its label and of every note), the vote list named and grouped by template, each area shown
 * on the board, axe on the vote list and the results, every section at 320 and 400 px.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { overlaps, type Rect } from '../../src/core/geometry.js';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { checkWidths } from './support/panel-widths.js';
import { boardItems, insertThroughPanel, loopbackPage, markerOf } from './support/sandbox-page.js';
import { cast, row, select, sessionPanel, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();
const DECK_ITEMS = 'The deck’s own items (its cards and areas)';
const AREAS = ['Cross-pressures and paradoxes', 'Emotional demands', 'Press, media and coverage', 'Disagreements, conflicts and power struggles', 'Battles over resources and silo formation', 'Professional values and ambitions', 'Loneliness and doubt', 'Workload and time pressure'];

/** The sandbox with a facilitator (u1) and a participant (u2), `template` inserted, the session started. */
async function started(page: Page, template: 'safe-unsafe-team' | 'not-talked-about'): Promise<[Frame, Frame]> {
  await page.goto(`${env.vite.url}/sandbox/`);
  await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
  await page.click('sandbox-participants button[data-action="add-participant"]');
  const [f, p] = (await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, 'miro')))) as [Frame, Frame];
  await f.waitForSelector('button[data-insert][aria-disabled="false"]', { timeout: 30_000 });
  expect(await insertThroughPanel(f, template)).toBe('done');
  await f.click('lead-notice button[data-action="start-session"]');
  await f.click('lead-notice button[data-action="confirm-start"]');
  await expect.poll(() => p.locator('lead-notice [data-lead]').innerText(), { timeout: 30_000 }).toMatch(/is the facilitator/);
  return [f, p];
}

/** A round over the deck's items of the template on the board, created and opened by the facilitator. */
async function openDeckRound(f: Frame, question: string, group: string) {
  await tab(f, 'rounds');
  await f.fill('round-form #question', question);
  await f.fill('round-form #k', '1');
  const option = f.locator('round-form #scope optgroup', { has: f.locator('option', { hasText: DECK_ITEMS }) });
  await expect.poll(() => option.getAttribute('label'), { timeout: 30_000 }).toBe(group);
  const value = await option.locator('option', { hasText: DECK_ITEMS }).getAttribute('value');
  await f.selectOption('round-form #scope', value!);
  await f.click('round-form button[data-action="create"]');
  const round = f.locator('facilitator-panel li[data-round]');
  await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
  await round.locator('button[data-action="open"]').click();
  await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('open');
  return round;
}

describe('the deck’s own items as vote targets', () => {
  it('a round over a template’s own cards (the behaviours of the safe and unsafe team) is voted and revealed', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      const [f] = await started(page, 'safe-unsafe-team');
      const round = await openDeckRound(f, 'Which behaviours are ours?', 'Safe vs. unsafe team');
      await tab(f, 'vote');
      await expect.poll(() => f.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(16);
      await cast(f, 'Constructive disagreement', 1);
      await tab(f, 'rounds');
      await round.locator('button[data-action="reveal"]').click();
      await tab(f, 'results');
      await expect.poll(async () => (await f.locator('results-panel results-chart table[data-table] tbody tr').allInnerTexts())[0], { timeout: 30_000 }).toBe('1.\tConstructive disagreement\t1');
    } finally {
      await context.close();
    }
  });

  it('a round over the eight areas of »What we do not talk about enough« is voted, revealed and badged beside each area’s label', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      const [f, p] = await started(page, 'not-talked-about');
      // A note someone wrote in the first area: not a target, and no badge may cover it.
      const areaOf = async (element: string) => (await boardItems(page)).find((i) => markerOf(i)?.e === element)!;
      const a1 = (await areaOf('area-a1')).absolute;
      await writeSticky(page, 'u2', 'Nobody asks how we are', a1.x + a1.width - 120, a1.y + a1.height - 110);
      const round = await openDeckRound(f, 'What do we talk about too little?', 'What we do not talk about enough');

      // The participant's list: the eight areas by name, under their template; "Other" is not one.
      await expect.poll(() => p.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab'), { timeout: 30_000 }).toBe('vote');
      await expect.poll(() => p.locator('vote-panel li[data-target]').allInnerTexts().then((ts) => ts.join('\n')), { timeout: 30_000 }).toContain('Workload and time pressure');
      const names = await p.locator('vote-panel li[data-target]').allInnerTexts();
      expect(names).toHaveLength(8);
      for (const [i, area] of AREAS.entries()) expect(names[i], area).toContain(area);
      await expect.poll(() => p.locator('vote-panel h4').allInnerTexts(), { timeout: 30_000 }).toEqual(['What we do not talk about enough']);
      expect(await p.locator('vote-panel ul[data-group]').getAttribute('data-group')).toBe('not-talked-about');

      // Shown on the board: this participant's view goes to the area.
      await row(p, 'Loneliness and doubt').locator('button[data-action="show"]').click();
      const a7 = (await areaOf('area-a7')).absolute;
      await expect.poll(async () => {
        const v = await page.evaluate(() => window.__sandbox!.board.viewport('u2'));
        return v.x <= a7.x && v.y <= a7.y && a7.x + a7.width <= v.x + v.width && a7.y + a7.height <= v.y + v.height;
      }, { timeout: 20_000 }).toBe(true);

      await cast(p, 'Cross-pressures and paradoxes', 2);
      await cast(p, 'Workload and time pressure', 1);
      await tab(f, 'vote');
      await cast(f, 'Workload and time pressure', 2);
      // An area picked on the board: "Vote for the selection" casts on it.
      await select(page, 'u2', [(await areaOf('area-a7')).id]);
      await expect.poll(() => p.locator('vote-panel [data-selection-count]').innerText(), { timeout: 10_000 }).toBe('1 item selected on the board.');
      await p.click('vote-panel button[data-action="vote-selection"]');
      await expect.poll(() => row(p, 'Loneliness and doubt').locator('[data-count]').textContent(), { timeout: 20_000 }).toBe('1');
      expect(serious(await axeViolations(p))).toEqual([]);
      // Every section at Miro's widths with the eight areas in the list (the data notice read first).
      await p.click('data-notice button[data-action="notice-close"]');
      await checkWidths(page, 'u2', p, 'deck-areas-participant');

      await tab(f, 'rounds');
      await round.locator('button[data-action="reveal"]').click();
      await expect.poll(() => p.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab'), { timeout: 30_000 }).toBe('results');
      const table = p.locator('results-panel results-chart table[data-table] tbody tr');
      await expect.poll(async () => (await table.allInnerTexts()).slice(0, 3), { timeout: 30_000 })
        .toEqual(['1.\tWorkload and time pressure\t3', '2.\tCross-pressures and paradoxes\t2', '3.\tLoneliness and doubt\t1']);
      expect(await table.count()).toBe(8); // every area, the ones without votes too
      expect(serious(await axeViolations(p))).toEqual([]);

      // A badge per voted area, inside its lower corner: never over its label (the top), never over a note.
      const want: Record<string, string> = { 'area-a8': '3 · #1', 'area-a1': '2 · #2', 'area-a7': '1 · #3' };
      await expect.poll(async () => {
        const items = await boardItems(page);
        const badges = items.filter((i) => (i.metadata.tryghed?.tryghed as { k?: string } | undefined)?.k === 'badge');
        const notes = items.filter((i) => i.type === 'sticky_note').map((n) => n.absolute);
        return Object.entries(want).map(([element, text]) => {
          const zone = items.find((i) => markerOf(i)?.e === element)!;
          const badge = badges.find((b) => (b.metadata.tryghed!.tryghed as { x: string }).x === zone.id);
          if (!badge) return `${element}: no badge`;
          const r: Rect = badge.absolute;
          const z: Rect = zone.absolute;
          const inside = r.x >= z.x && r.y >= z.y + z.height / 2 && r.x + r.width <= z.x + z.width && r.y + r.height <= z.y + z.height;
          const clear = !notes.some((n) => overlaps(n, r));
          return `${element}: ${badge.content.replace(/<[^>]+>/g, '')} ${inside ? 'inside' : 'outside'} ${clear ? 'clear' : 'over a note'}`;
        });
      }, { timeout: 30_000 }).toEqual(Object.entries(want).map(([e, text]) => `${e}: ${text} inside clear`));

    } finally {
      await context.close();
    }
  });
});
