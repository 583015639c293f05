/**
 * Issue 12, group in place: two notes written beside two different behaviours of the safe and
 * unsafe team, grouped into one theme in the sandbox through the real panel. Each note stays
 * where it was written, in its own "Vores eksempler" zone; the theme shows by its label on the
 * board, which covers neither note.
 */
import { describe, expect, it } from 'vitest';
import type { ItemView } from '../../sandbox/host/stand-in.js';
import { contains, overlaps } from '../../src/core/geometry.js';
import { useBrowserEnv } from './support/browser-env.js';
import { boardItems, insertThroughPanel, markerOf, loopbackPage } from './support/sandbox-page.js';
import { select, sessionPanel, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();

const isLabel = (item: ItemView) =>
  (Object.values(item.metadata ?? {}).flatMap((byKey) => Object.values(byKey ?? {})) as Array<{ k?: string }>).some((m) => m?.k === 'cluster-label');

describe('grouping in place', () => {
  it('two notes in two zones, grouped into one theme, stay in their zones; the label covers neither', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'da-DK' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      const f = await sessionPanel(page, 'u1', 'miro');
      await f.waitForSelector('button[data-insert][aria-disabled="false"]', { timeout: 30_000 });
      expect(await insertThroughPanel(f, 'safe-unsafe-team')).toBe('done');
      const zoneOf = (e: string) => (async () => (await boardItems(page)).find((i) => markerOf(i)?.t === 'safe-unsafe-team' && markerOf(i)?.e === e)!.absolute)();
      const zones = { a: await zoneOf('unsafe-u1-examples'), b: await zoneOf('unsafe-u3-examples') };
      const a = await writeSticky(page, 'u1', 'Vi afbryder hinanden', zones.a.x + zones.a.width / 2, zones.a.y + zones.a.height / 2);
      const b = await writeSticky(page, 'u1', 'Fejl bliver skjult', zones.b.x + zones.b.width / 2, zones.b.y + zones.b.height / 2);
      const before = new Map((await boardItems(page)).filter((i) => i.id === a || i.id === b).map((i) => [i.id, i.absolute]));

      await tab(f, 'group');
      await f.click('button[data-action="start-session"]');
      await f.click('button[data-action="confirm-start"]');
      await f.waitForSelector('[data-start]', { state: 'detached', timeout: 30_000 });
      await select(page, 'u1', [a, b]);
      await expect.poll(() => f.locator('cluster-panel [data-selection]').textContent(), { timeout: 30_000 }).toBe('2 sedler markeret.');
      await f.locator('cluster-panel #new-label').fill('Utryghed i mødet');
      await f.locator('cluster-panel #new-label').press('Enter');
      await expect.poll(() => f.locator('cluster-panel li[data-cluster] h3').allTextContents(), { timeout: 30_000 }).toEqual(['Utryghed i mødet 2 sedler']);
      await expect.poll(async () => (await boardItems(page)).filter(isLabel).length, { timeout: 30_000 }).toBe(1);

      const after = await boardItems(page);
      const note = (id: string) => after.find((i) => i.id === id)!.absolute;
      // Neither note moved, and each is still inside the zone it was written in.
      expect(note(a)).toEqual(before.get(a));
      expect(note(b)).toEqual(before.get(b));
      expect(contains(zones.a, note(a), 1)).toBe(true);
      expect(contains(zones.b, note(b), 1)).toBe(true);
      // The theme's label stands on the board without covering either note.
      const label = after.find(isLabel)!;
      expect(label.content.replace(/<[^>]+>/g, '')).toContain('Utryghed i mødet');
      expect(overlaps(label.absolute, note(a))).toBe(false);
      expect(overlaps(label.absolute, note(b))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
