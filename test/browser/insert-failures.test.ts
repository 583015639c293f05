/**
 * Insertion under trouble, through the sandbox's switches: a permanent refusal leaves nothing
 * of the attempt on the board and the panel says what happened and what to do (then "Try
 * again" works once the refusal is off); rate-limit errors are retried and the insertion completes.
 */
import { describe, expect, it } from 'vitest';
import { insertionErrorText } from '../../src/ui/i18n/board-words.js';

const said = (code: 'refused' | 'aborted') => insertionErrorText('da', { code, params: { element: '', removed: 0, leftBehind: 0 } });
import { useBrowserEnv, useSandbox } from './support/browser-env.js';
import {
  boardItems, clearBoard, expectBoardMatchesLayout, insertThroughPanel, screenshot, waitForOutcome,
} from './support/sandbox-page.js';

const s = useSandbox(useBrowserEnv(), 'da');

async function setSwitch(name: 'rate-limit' | 'refuse', on: boolean): Promise<void> {
  const box = s.page.locator(`sandbox-controls input[name="${name}"]`);
  if (on) await box.check();
  else await box.uncheck();
  await expect.poll(() => s.page.evaluate((n) => {
    const sw = window.__sandbox!.switches();
    return n === 'rate-limit' ? sw.rateLimitErrors : sw.refuseCreates;
  }, name)).toBe(on);
}

describe('a permanent refusal during insertion', () => {
  it('removes what was created and shows an alert with what to do; Try again then works', async () => {
    await clearBoard(s.page);
    await s.page.fill('sandbox-controls input[name="refuse-after"]', '7');
    await setSwitch('refuse', true);

    expect(await insertThroughPanel(s.panel, 'preparedness')).toBe('failed');
    const alert = s.panel.locator('insert-status[data-template="preparedness"] [role="alert"]');
    await expect.poll(() => alert.count()).toBe(1);
    const text = (await alert.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Beredskab blev ikke indsat');
    // The board's own Danish text: what went wrong, that nothing was left, and what to do.
    expect(text).toContain(said('refused').split('.')[0]!);
    expect(text).toContain('Intet er indsat');
    expect(text).toContain('prøv igen');
    // Nothing of the attempt is left (7 items were created before the refusal).
    const stats = await s.page.evaluate(() => window.__sandbox!.board.stats());
    expect(stats.injectedFailures).toBeGreaterThan(0);
    const creates = Object.entries(stats.calls).filter(([m]) => m.startsWith('board.create')).reduce((n, [, c]) => n + c, 0);
    expect(creates).toBeGreaterThan(7);
    expect(stats.calls['board.remove'] ?? 0).toBeGreaterThan(0);
    expect(await boardItems(s.page)).toEqual([]);
    await screenshot(s.page, 'failure-refused-da');

    await setSwitch('refuse', false);
    await s.panel.click('insert-status[data-template="preparedness"] button[data-retry]');
    expect(await waitForOutcome(s.panel, 'preparedness')).toBe('done');
    expectBoardMatchesLayout(await boardItems(s.page), 'preparedness', 'da');
  });
});

describe('stopping an insertion', () => {
  it('removes what was already created and says so', async () => {
    await clearBoard(s.page);
    const latency = s.page.locator('sandbox-controls input[name="latency"]');
    await latency.fill('300');
    await latency.blur();
    try {
      await s.panel.click('button[data-insert="safe-unsafe-team"]');
      // Wait until a few items are on the board, then stop.
      await expect.poll(async () => (await boardItems(s.page)).length, { timeout: 30_000 }).toBeGreaterThan(3);
      await s.panel.click('insert-progress button[data-cancel]');
      expect(await waitForOutcome(s.panel, 'safe-unsafe-team')).toBe('failed');
      const text = await s.panel.locator('insert-status [role="alert"]').innerText();
      expect(text).toContain(said('aborted'));
      await expect.poll(async () => (await boardItems(s.page)).length).toBe(0);
    } finally {
      await latency.fill('40');
      await latency.blur();
    }
  });
});

describe('rate-limit errors switched on', () => {
  it('still completes the insertion, retrying what Miro refused', async () => {
    await clearBoard(s.page);
    const before = (await s.page.evaluate(() => window.__sandbox!.board.stats())).rateLimited;
    await setSwitch('rate-limit', true);
    try {
      expect(await insertThroughPanel(s.panel, 'warning-signs')).toBe('done');
    } finally {
      await setSwitch('rate-limit', false);
    }
    const after = (await s.page.evaluate(() => window.__sandbox!.board.stats())).rateLimited;
    expect(after - before).toBeGreaterThan(0);
    expectBoardMatchesLayout(await boardItems(s.page), 'warning-signs', 'da');
  });
});
