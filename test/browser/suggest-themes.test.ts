/**
 * Theme suggestions in the sandbox: twenty notes in one zone of "What we do not talk about",
 * the Group tab suggests themes for that zone, two themes are accepted (each one step, through
 * the grouping action), the second is undone; then the doc (the cluster list) and the board
 * (the clusters' labels) agree: one cluster, holding the notes of the first theme.
 */
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { useBrowserEnv, useSandbox } from './support/browser-env.js';
import { boardItems, insertThroughPanel, markerOf } from './support/sandbox-page.js';

const env = useBrowserEnv();
const sandbox = useSandbox(env, 'en');

const NOTES = [
  'Too many meetings every day', 'Kalenderen er fyldt', 'No time to think', 'Arbejdsmængden er for stor', 'Deadlines hele tiden',
  'For mange møder', 'Working evenings to catch up', 'Lonely at the top', 'Ensomhed som leder', 'Ingen at tale med',
  'Feeling alone with the hard calls', 'Man står meget alene', 'Isoleret på kontoret', 'Vi griner meget sammen', 'Humor på ledermøderne',
  'Fredagsbar med teamet', 'Laughter and banter', 'Sjove traditioner i teamet', 'Nyt logo på hjemmesiden', 'Parkeringspladsen er for lille',
];
const ZONE = 'area-other';

/** Cluster labels on the board: clusterId → label text. */
async function labelsOnBoard(page: Page): Promise<Map<string, string>> {
  const items = await boardItems(page);
  const out = new Map<string, string>();
  for (const item of items) {
    const found = Object.values(item.metadata ?? {}).flatMap((byKey) => Object.values(byKey ?? {})) as Array<{ k?: string; c?: string }>;
    const m = found.find((x) => x?.k === 'cluster-label');
    if (m?.c) out.set(m.c, item.content.replace(/<[^>]+>/g, '').trim());
  }
  return out;
}

/** The doc's clusters as the cluster panel shows them: id → note ids. */
function clustersInDoc(panel: Frame): Promise<Record<string, string[]>> {
  return panel.locator('cluster-panel li[data-cluster]').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.getAttribute('data-cluster')!, [...li.querySelectorAll('[data-note]')].map((b) => b.getAttribute('data-note')!).sort()])));
}

async function themeIds(panel: Frame, key: string): Promise<string[]> {
  return (await panel.locator(`suggest-panel li[data-theme="${key}"] li[data-note]`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-note')!))).sort();
}

describe('suggested themes', () => {
  it('twenty notes in a zone: suggest, accept two themes, undo one; the board and the doc agree', async () => {
    const { page, panel } = sandbox;
    expect(await insertThroughPanel(panel, 'not-talked-about')).toBe('done');
    const zone = (await boardItems(page)).find((i) => markerOf(i)?.e === ZONE && i.type !== 'frame')!;
    expect(zone, 'the zone is on the board').toBeTruthy();
    const { x, y, width, height } = zone.absolute;
    const ids = await page.evaluate(({ notes, x, y, width, height }) => {
      window.__sandbox!.actAs('u1');
      // Five columns by four rows inside the zone: each sticky's centre lies in it.
      return notes.map((text, i) => window.__sandbox!.createSticky(text, x + ((i % 5) + 0.5) * (width / 5), y + (Math.floor(i / 5) + 0.5) * (height / 4)).id);
    }, { notes: NOTES, x, y, width, height });
    expect(ids).toHaveLength(20);

    await panel.waitForSelector('p.sync[data-status="synced"]', { timeout: 60_000 });
    await panel.click('button[role="tab"][data-tab="group"]');
    await panel.waitForSelector('[role="tabpanel"][data-tab="group"]:not([hidden]) suggest-panel');
    const scope = panel.locator('suggest-panel select#suggest-scope');
    await expect.poll(() => scope.locator('option', { hasText: 'Other' }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const value = await scope.locator('option', { hasText: 'Other' }).first().getAttribute('value');
    await scope.selectOption(value!);
    await panel.click('suggest-panel button[data-action="suggest"]');
    const themes = panel.locator('suggest-panel li[data-theme]');
    await expect.poll(() => themes.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    // Every note of the zone is in the preview, in a theme or alone; none elsewhere.
    const shown = await panel.locator('suggest-panel li[data-note]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-note')!));
    expect([...shown].sort()).toEqual([...ids].sort());

    const [first, second] = await themes.evaluateAll((lis) => lis.slice(0, 2).map((li) => li.getAttribute('data-theme')!));
    const firstIds = await themeIds(panel, first!);
    const secondIds = await themeIds(panel, second!);
    const firstName = await panel.locator(`suggest-panel #name-${first}`).inputValue();

    await panel.click(`suggest-panel li[data-theme="${first}"] button[data-action="accept"]`);
    await expect.poll(async () => Object.keys(await clustersInDoc(panel)).length, { timeout: 30_000 }).toBe(1);
    await panel.click(`suggest-panel li[data-theme="${second}"] button[data-action="accept"]`);
    await expect.poll(async () => Object.keys(await clustersInDoc(panel)).length, { timeout: 30_000 }).toBe(2);
    expect(Object.values(await clustersInDoc(panel)).sort()).toEqual([firstIds, secondIds].sort());
    await expect.poll(async () => (await labelsOnBoard(page)).size, { timeout: 30_000 }).toBe(2);

    // Undo takes back the last step only: the second theme's cluster and its label go, and
    // the theme is back in the preview.
    await panel.click('suggest-panel button[data-action="undo"]');
    await expect.poll(async () => Object.keys(await clustersInDoc(panel)).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await labelsOnBoard(page)).size, { timeout: 30_000 }).toBe(1);
    const doc = await clustersInDoc(panel);
    const board = await labelsOnBoard(page);
    expect(Object.values(doc)).toEqual([firstIds]);
    expect([...board.keys()]).toEqual(Object.keys(doc));
    expect([...board.values()]).toEqual([firstName]);
    expect(await themeIds(panel, second!)).toEqual(secondIds);
    // Every note is still on the board.
    const onBoard = new Set((await boardItems(page)).filter((i) => i.type === 'sticky_note').map((i) => i.id));
    for (const id of ids) expect(onBoard.has(id), id).toBe(true);
  });
});
