/**
 * Issue 11: the facilitator leads, everyone follows. A facilitator and three participants in the
 * sandbox, over Miro's channel and over the sync server: the facilitator starts (and confirms),
 * inserts templates and runs four steps of the agenda; the participants' panels follow each step
 * without a click (section, step bar, and their board view on the step's template), they
 * cannot insert or open a round, "I'm done" shows as n of N, and a hand-over offered and
 * accepted moves the controls. Axe on the new views; screenshots at 320 and 400 px with a check
 * that no element's text overflows its box.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { loadConfig } from '../../src/server/config.js';
import { createTryghedServer } from '../../src/server/index.js';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { checkWidths } from './support/panel-widths.js';
import { boardItems, insertThroughPanel, markerOf, loopbackPage } from './support/sandbox-page.js';

const env = useBrowserEnv();
const USERS = ['u1', 'u2', 'u3', 'u4'] as const;

async function startServer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryghed-steps-'));
  const server = await createTryghedServer(loadConfig({ TRYGHED_DEV_AUTH: '1', DATA_DIR: dataDir, PORT: '0', QUIET: '1' }));
  await server.listen();
  return { url: server.url, close: async () => (await server.close(), rmSync(dataDir, { recursive: true, force: true })) };
}

async function sessionPanel(page: Page, userId: string, mode: 'miro' | 'server'): Promise<Frame> {
  const handle = await page.waitForSelector(`section[data-user="${userId}"] iframe.panel`, { state: 'attached', timeout: 60_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector(`p.sync[data-sync="${mode}"][data-status="synced"]`, { timeout: 60_000 });
  return frame;
}

const selectedTab = (p: Frame) => p.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab');

async function tab(panel: Frame, id: string): Promise<void> {
  await panel.click(`button[role="tab"][data-tab="${id}"]`);
  await panel.waitForSelector(`[role="tabpanel"][data-tab="${id}"]:not([hidden])`);
}

/** The centre of the frame of template `t` and the centre of the user's view. */
async function viewCentreNear(page: Page, userId: string, t: string): Promise<boolean> {
  return page.evaluate(({ userId, t }) => {
    const sb = window.__sandbox!;
    const frame = sb.board.items().find((i) => i.type === 'frame' && (i.metadata as Record<string, Record<string, { t?: string }>>)?.tryghed?.tryghed?.t === t);
    const view = sb.board.viewport(userId);
    if (!frame || !view) return false;
    const cx = frame.absolute.x + frame.absolute.width / 2;
    const cy = frame.absolute.y + frame.absolute.height / 2;
    return cx >= view.x && cx <= view.x + view.width && cy >= view.y && cy <= view.y + view.height;
  }, { userId, t });
}

async function run(mode: 'miro' | 'server'): Promise<void> {
  const sync = mode === 'server' ? await startServer() : null;
  const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1600, height: 1200 }, locale: 'en-GB' });
  try {
    await page.goto(`${env.vite.url}/sandbox/${sync ? `?sync-server=${encodeURIComponent(sync.url)}` : ''}`);
    await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
    for (let i = 0; i < 3; i++) await page.click('sandbox-participants button[data-action="add-participant"]');
    if (mode === 'server') await page.click('sandbox-controls button[data-sync="server"]');
    const [f, ...ps] = await Promise.all(USERS.map((u) => sessionPanel(page, u, mode)));
    const fac = f!;

    // Starting asks first, and then everyone sees who leads.
    await fac.click('lead-notice button[data-action="start-session"]');
    expect(serious(await axeViolations(fac)), 'start confirmation').toEqual([]);
    await fac.click('lead-notice button[data-action="confirm-start"]');
    await expect.poll(() => fac.locator('lead-notice [data-lead]').getAttribute('data-lead'), { timeout: 30_000 }).toBe('me');
    for (const p of ps) {
      await expect.poll(() => p.locator('lead-notice [data-lead]').innerText(), { timeout: 30_000 }).toMatch(/is the facilitator/);
      // A participant's panel opens on the session, not Templates; no Run rounds; Insert is not theirs, and says why.
      await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe('workshop');
      expect(await p.locator('button[role="tab"][data-tab="rounds"]').count()).toBe(0);
      expect(await p.locator('button[data-insert="opening"]').getAttribute('aria-disabled')).toBe('true');
    }
    await tab(ps[0]!, 'templates');
    await expect.poll(() => ps[0]!.locator('tryghed-template-panel [data-locked]').innerText(), { timeout: 30_000 }).toMatch(/only the facilitator/);
    const before = (await boardItems(page)).length;
    await ps[0]!.click('button[data-insert="opening"]', { force: true });
    await page.waitForTimeout(500);
    expect((await boardItems(page)).length, 'a participant cannot insert').toBe(before);

    // The facilitator inserts the day's templates.
    for (const id of ['opening', 'strain-protection', 'not-talked-about'] as const) expect(await insertThroughPanel(fac, id)).toBe('done');
    await tab(ps[0]!, 'templates');
    await expect.poll(() => ps[0]!.locator('template-list li[data-template="opening"] [data-on-board]').count(), { timeout: 30_000 }).toBe(1);

    // Four steps: every participant's panel follows without a click, and their view shows the template.
    await tab(fac, 'workshop');
    expect(serious(await axeViolations(fac)), 'workshop, facilitator').toEqual([]);
    const steps = [
      { id: 'opening', view: 'workshop', template: 'opening' },
      { id: 'leaders-job', view: 'workshop', template: 'opening' },
      { id: 'strain-protection', view: 'group', template: 'strain-protection' },
      { id: 'not-talked-about', view: 'group', template: 'not-talked-about' },
    ];
    for (const [i, s] of steps.entries()) {
      // Someone wanders off to another section meanwhile; the step brings them back.
      await tab(ps[1]!, 'results');
      if (i === 0) {
        await fac.fill('workshop-panel input[data-minutes="opening"]', '7');
        await fac.click('workshop-panel button[data-action="go-to-step"][data-step="opening"]');
      } else if (s.id === 'not-talked-about') {
        // Steps can be skipped: any step of the agenda, not only the next.
        await fac.click(`workshop-panel button[data-action="go-to-step"][data-step="${s.id}"]`);
      } else {
        await fac.click(`workshop-panel button[data-action="next-step"][data-step="${s.id}"]`);
      }
      for (const [k, p] of ps.entries()) {
        await expect.poll(() => p.locator('step-bar [data-step]').getAttribute('data-step'), { timeout: 30_000 }).toBe(s.id);
        await expect.poll(() => selectedTab(p), { timeout: 30_000 }).toBe(s.view);
        await expect.poll(() => viewCentreNear(page, USERS[k + 1]!, s.template), { timeout: 30_000 }).toBe(true);
      }
      if (i === 0) {
        await expect.poll(() => ps[0]!.locator('step-bar [data-time]').innerText()).toMatch(/^[67]:\d\d left$/);
        expect(serious(await axeViolations(ps[0]!)), 'workshop, participant').toEqual([]);
        // "I'm done": n of N for the facilitator.
        await ps[0]!.click('step-bar button[data-action="done"]');
        await ps[2]!.click('step-bar button[data-action="done"]');
        await expect.poll(() => fac.locator('step-bar [data-done-count]').innerText(), { timeout: 30_000 }).toBe('Done: 2 of 3');
        await ps[2]!.click('step-bar button[data-action="done"]');
        await expect.poll(() => fac.locator('step-bar [data-done-count]').innerText(), { timeout: 30_000 }).toBe('Done: 1 of 3');
      }
    }
    // A new step starts the count afresh.
    await expect.poll(() => fac.locator('step-bar [data-done-count]').innerText(), { timeout: 30_000 }).toBe('Done: 0 of 3');
    // A participant's panel has no step controls.
    expect(await ps[0]!.locator('workshop-panel button[data-action="go-to-step"], workshop-panel button[data-action="next-step"]').count()).toBe(0);

    await checkWidths(page, 'u1', fac, `${mode}-facilitator`);
    await checkWidths(page, 'u2', ps[0]!, `${mode}-participant`);

    // The hand-over: offered by the facilitator, accepted by the receiver; the controls move.
    await tab(fac, 'rounds');
    await fac.click('facilitator-panel details summary');
    await fac.selectOption('facilitator-panel #hand-to', 'u2');
    await fac.click('facilitator-panel button[data-action="hand-over"]');
    await expect.poll(() => fac.locator('lead-notice [data-offer-pending]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => ps[0]!.locator('lead-notice [data-offer]').count(), { timeout: 30_000 }).toBe(1);
    expect(serious(await axeViolations(ps[0]!)), 'offer').toEqual([]);
    await ps[0]!.click('lead-notice button[data-action="accept-seat"]');
    await expect.poll(() => ps[0]!.locator('button[role="tab"][data-tab="rounds"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => fac.locator('button[role="tab"][data-tab="rounds"]').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => fac.locator('button[data-insert="opening"]').getAttribute('aria-disabled'), { timeout: 30_000 }).toBe('true');
    expect(await ps[0]!.locator('button[data-insert="opening"]').getAttribute('aria-disabled')).toBe('false');
    await tab(ps[0]!, 'workshop');
    await ps[0]!.click('workshop-panel button[data-action="next-step"][data-step="p-iglo"]');
    await expect.poll(() => selectedTab(fac), { timeout: 30_000 }).toBe('plan');

    // Taking the seat without a hand-over: explicit and visible (Miro); the server's decision.
    await tab(ps[1]!, 'workshop');
    await ps[1]!.click('workshop-panel details[data-take] summary');
    if (mode === 'miro') {
      await ps[1]!.click('workshop-panel button[data-action="take-seat"]');
      for (const p of [fac, ps[0]!, ps[2]!]) await expect.poll(() => p.locator('lead-notice [data-taken]').count(), { timeout: 30_000 }).toBe(1);
    } else {
      expect(await ps[1]!.locator('workshop-panel button[data-action="take-seat"]').count()).toBe(0);
    }
    expect(markerOf((await boardItems(page)).find((i) => i.type === 'frame')!)).toBeDefined();
  } finally {
    await context.close();
    await sync?.close();
  }
}

describe('the facilitator leads, everyone follows', () => {
  it('over Miro’s channel', async () => {
    await run('miro');
  });

  it('over the sync server', async () => {
    await run('server');
  });
});
