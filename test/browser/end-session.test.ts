/**
 * End and delete, in the sandbox over Miro's channel and over the sync server: the facilitator
 * opens the confirmation (it says what is deleted and what stays; Escape closes it and gives
 * the focus back), confirms, and every panel shows that the session ended and its data is
 * gone: a participant's too, with their plate answers deleted from the device. In Miro mode the
 * board's app storage keeps only the `ended` mark; the sticky notes stay on the board. A new
 * session starts empty. axe on the confirmation and on the ended view.
 */
import { describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { boardItems, loopbackPage } from './support/sandbox-page.js';
import { sessionPanel, startServer, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();
const SESSION_COLLECTION = 'tryghed.session-v1';

/** The focused element inside a panel, through shadow roots. */
const focusedAction = (panel: Frame) =>
  panel.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el?.getAttribute('data-action') ?? el?.id ?? '';
  });

describe('end the session and delete its data', () => {
  it.each(['miro', 'server'] as const)('over %s: the facilitator ends and deletes; a participant’s panel shows it ended and its data is gone', async (mode) => {
    const sync = mode === 'server' ? await startServer() : null;
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/${sync ? `?sync-server=${encodeURIComponent(sync.server.url)}` : ''}`);
      await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
      await page.click('sandbox-participants button[data-action="add-participant"]');
      if (mode === 'server') await page.click('sandbox-controls button[data-sync="server"]');
      const [f, p] = await Promise.all(['u1', 'u2'].map((u) => sessionPanel(page, u, mode)));

      await tab(f!, 'group');
      await f!.click('button[data-action="start-session"]');
      await f!.click('button[data-action="confirm-start"]');
      for (const x of [f!, p!]) await x.waitForSelector('[data-start]', { state: 'detached', timeout: 30_000 });
      const sticky = await writeSticky(page, 'u2', 'Too many meetings', 0, 0);
      // Session data: a round, and the participant's plate answer on their device.
      await tab(f!, 'rounds');
      await f!.fill('round-form #question', 'What matters most?');
      await f!.fill('round-form #k', '1');
      await f!.click('round-form button[data-action="create"]');
      await tab(p!, 'plate');
      await p!.fill('plate-panel #plate-new', 'Min egen søvn');
      await p!.click('plate-panel button[data-action="add"]');
      const plateKeys = () => p!.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('tryghed.plate.') && k.endsWith('.u2')));
      await expect.poll(plateKeys, { timeout: 10_000 }).toHaveLength(1);
      if (mode === 'miro') {
        await expect.poll(() => page.evaluate(() => window.__sandbox!.board.storageKeys()['tryghed.session-v1'] ?? []), { timeout: 20_000 }).toContain('manifest');
      }

      // The confirmation: what goes, what stays; Escape closes it and the focus comes back.
      const open = f!.locator('end-session button[data-action="end-session"]');
      await open.focus();
      await f!.page().keyboard.press('Enter');
      const confirm = f!.locator('end-session [role="group"]');
      await confirm.waitFor();
      expect(await focusedAction(f!)).toBe('end-confirm-h');
      const words = await confirm.innerText();
      expect(words).toContain(mode === 'server' ? 'everything the sync server keeps' : 'app storage in Miro');
      expect(words).toContain('sticky notes, frames');
      expect(words).toContain('cannot be undone');
      expect(serious(await axeViolations(f!))).toEqual([]);
      await f!.page().keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      expect(await focusedAction(f!)).toBe('end-session');

      // Confirmed: every panel shows the session ended, the participant's without a click.
      await f!.page().keyboard.press('Enter');
      await f!.click('end-session button[data-action="end-confirm"]');
      for (const x of [p!, f!]) await x.waitForSelector('session-ended [data-session-ended]', { timeout: 30_000 });
      const ended = await p!.locator('session-ended [data-session-ended]').innerText();
      expect(ended).toContain('The session has ended');
      expect(ended).toContain('deleted its data');
      expect(await p!.locator('plate-panel, facilitator-panel, vote-panel').count()).toBe(0);
      expect(await plateKeys()).toEqual([]);
      expect(serious(await axeViolations(p!))).toEqual([]);
      // The board keeps its notes; Miro mode's storage keeps only the mark.
      expect((await boardItems(page)).some((i) => i.id === sticky)).toBe(true);
      if (mode === 'miro') {
        expect(await page.evaluate((c) => window.__sandbox!.board.storageKeys()[c], SESSION_COLLECTION)).toEqual(['ended']);
      }

      // A new session starts empty.
      await p!.click('session-ended button[data-action="restart"]');
      await p!.waitForSelector(`p.sync[data-sync="${mode}"][data-status="synced"]`, { timeout: 60_000 });
      await p!.waitForSelector('[data-start]', { timeout: 30_000 });
      await tab(p!, 'rounds');
      await expect.poll(() => p!.locator('facilitator-panel li[data-round]').count()).toBe(0);
    } finally {
      await context.close();
      await sync?.close();
    }
  }, 240_000);
});
