/**
 * The psychological-safety pulse in the sandbox, over Miro's channel (anonymous: answers in
 * the doc without names) and over the sync server (sealed: answers only in its database):
 * the facilitator creates and opens a pulse, five people (the facilitator and four others)
 * answer the seven statements in the panel (mouse and keyboard), the facilitator reveals, the
 * chart shows the same means in every panel and, on request, as a frame on the board; a second
 * pulse shows the change per statement beside the first. axe finds nothing serious. The
 * participants click nothing but their answers: opening a pulse brings each one's panel from
 * another tab to Pulse (a notice, Miro's notification), the reveal brings it back to the
 * result; the facilitator's own panel gets neither.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { ItemView } from '../../sandbox/host/stand-in.js';
import { aggregatePulse } from '../../src/core/session/pulse-aggregate.js';
import { loadConfig } from '../../src/server/config.js';
import { createTryghedServer } from '../../src/server/index.js';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { boardItems, screenshot, loopbackPage } from './support/sandbox-page.js';

const env = useBrowserEnv();
const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];
const FIRST = [[2, 6, 1, 5, 2, 6, 7], [3, 5, 2, 5, 3, 6, 6], [1, 7, 1, 6, 1, 7, 7], [4, 4, 3, 4, 4, 5, 5], [2, 6, 2, 6, 2, 6, 6]];
const SECOND = [[1, 7, 1, 7, 1, 7, 7], [2, 6, 1, 6, 2, 7, 6], [1, 7, 2, 6, 1, 6, 7], [3, 5, 2, 5, 3, 6, 6], [1, 6, 1, 7, 1, 7, 7]];
const fmt = (n: number) => n.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

async function panelOf(page: Page, userId: string, mode: 'miro' | 'server'): Promise<Frame> {
  const handle = await page.waitForSelector(`section[data-user="${userId}"] iframe.panel`, { timeout: 30_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector(`p.sync[data-sync="${mode}"][data-status="synced"]`, { timeout: 60_000 });
  return frame;
}

async function tab(panel: Frame, id: string): Promise<void> {
  await panel.click(`button[role="tab"][data-tab="${id}"]`);
  await panel.waitForSelector(`[role="tabpanel"][data-tab="${id}"]:not([hidden])`);
}

const selectedTab = (panel: Frame) => panel.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab');

/** A participant's panel, elsewhere, comes to Pulse by itself and says why. */
async function broughtToPulse(panel: Frame, kind: 'open' | 'revealed'): Promise<void> {
  await expect.poll(() => selectedTab(panel), { timeout: 30_000 }).toBe('pulse');
  await panel.waitForSelector('[role="tabpanel"][data-tab="pulse"]:not([hidden])');
  const notice = panel.locator(`signal-notice [data-signal="${kind}"][data-of="pulse"] p[role="status"]`);
  await expect.poll(() => notice.innerText(), { timeout: 10_000 }).toBe(kind === 'open' ? 'A psychological-safety pulse is open. You are on Pulse.' : 'The pulse’s results are shown. You are on Pulse.');
}

/** Answers the open pulse: statements by mouse, or by keyboard (arrow keys move within a statement). */
async function answer(panel: Frame, answers: number[], how: 'mouse' | 'keyboard'): Promise<void> {
  await panel.waitForSelector('pulse-form fieldset[data-item="7"]', { timeout: 30_000 });
  for (const [i, v] of answers.entries()) {
    const radio = (value: number) => panel.locator(`pulse-form input[name="item-${i + 1}"][value="${value}"]`);
    if (how === 'mouse') await radio(v).click();
    else {
      await radio(1).focus();
      await panel.page().keyboard.press('Space');
      for (let k = 1; k < v; k++) await panel.page().keyboard.press('ArrowRight');
    }
  }
  await panel.click('pulse-form button[data-action="pulse-submit"]');
  await expect.poll(() => panel.locator('pulse-panel [data-pulse-message]').innerText(), { timeout: 30_000 }).toMatch(/answers are in/);
}

/** The chart's accessible table: [statement, before?, mean, change?] as the text says. */
function chartTable(panel: Frame): Promise<string[][]> {
  return panel.locator('pulse-panel pulse-chart table[data-table] tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
}

function expectedRows(answers: number[][], before?: number[][]): string[][] {
  const a = aggregatePulse(answers, 5)!;
  const b = before && aggregatePulse(before, 5)!;
  const means = [...a.items.map((i) => i.mean), a.overall.mean];
  const bMeans = b && [...b.items.map((i) => i.mean), b.overall.mean];
  return means.map((m, i) => {
    const dist = (i < 7 ? a.items[i]!.distribution : a.overall.distribution).join(' · ');
    return bMeans ? [fmt(bMeans[i]!), fmt(m), fmt(m - bMeans[i]!), dist] : [fmt(m), dist];
  });
}

/** The frame's items by their element id (our results marker). */
async function frameItems(page: Page, title: string, withBefore: boolean): Promise<Map<string, ItemView>> {
  const want = ['footer', ...Array.from({ length: 8 }, (_, i) => [`after-value-${i}`, `after-${i}`, ...(withBefore ? [`before-value-${i}`, `before-${i}`] : [])]).flat()];
  const out = new Map<string, ItemView>();
  await expect.poll(async () => {
    const items = await boardItems(page);
    const frame = items.find((i) => i.type === 'frame' && String(i.title) === title);
    out.clear();
    for (const i of items) {
      if (!frame || i.parentId !== frame.id) continue;
      const m = Object.values(i.metadata ?? {}).flatMap((b) => Object.values(b ?? {})) as Array<{ k?: string; e?: string }>;
      const e = m.find((x) => x?.k === 'results')?.e;
      if (e) out.set(e, i);
    }
    // Items are created a few at a time: wait for the whole frame.
    return want.every((e) => out.has(e));
  }, { timeout: 60_000 }).toBe(true);
  return out;
}

const plain = (html: unknown) => String(html).replace(/<[^>]+>/g, '').trim();

async function runPulse(mode: 'miro' | 'server'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryghed-pulse-'));
  const server = mode === 'server' ? await createTryghedServer(loadConfig({ TRYGHED_DEV_AUTH: '1', DATA_DIR: dataDir, PORT: '0', QUIET: '1' })) : null;
  await server?.listen();
  const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1600, height: 1000 }, locale: 'en-GB' });
  try {
    await page.goto(`${env.vite.url}/sandbox/${server ? `?sync-server=${encodeURIComponent(server.url)}` : ''}`);
    await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
    for (let i = 1; i < USERS.length; i++) await page.click('sandbox-participants button[data-action="add-participant"]');
    if (server) await page.click('sandbox-controls button[data-sync="server"]');
    const panels = await Promise.all(USERS.map((u) => panelOf(page, u, mode)));
    const f = panels[0]!;
    await tab(f, 'pulse');
    await f.click('lead-notice button[data-action="start-session"]');
    await f.click('lead-notice button[data-action="confirm-start"]');
    await f.waitForSelector('pulse-controls form[data-pulse-create]', { timeout: 30_000 });

    for (const [round, name, answers] of [[1, 'Before', FIRST], [2, 'After', SECOND]] as const) {
      await f.fill('pulse-controls #pulse-label', name);
      expect(await f.inputValue('pulse-controls #pulse-k')).toBe('5');
      await f.click('pulse-controls button[data-action="pulse-create"]');
      // The participants are on another tab: the open pulse brings them to Pulse without a click.
      for (const p of panels.slice(1)) await tab(p, 'templates');
      await f.click('pulse-controls button[data-action="pulse-open"]');
      for (const [i, p] of panels.entries()) {
        if (i > 0) await broughtToPulse(p, 'open');
        await expect.poll(() => p.locator('pulse-panel [data-privacy]').getAttribute('data-privacy'), { timeout: 30_000 }).toBe(mode === 'server' ? 'sealed' : 'anonymous');
        await answer(p, [...answers[i]!], i % 2 === 0 ? 'mouse' : 'keyboard');
      }
      if (round === 1) expect(serious(await axeViolations(panels[1]!)), 'axe: the pulse form').toEqual([]);
      for (const p of panels.slice(1)) await tab(p, 'templates');
      await f.click('pulse-controls button[data-action="pulse-reveal"]');
      for (const p of panels.slice(1)) await broughtToPulse(p, 'revealed');
      for (const u of USERS.slice(1)) {
        await expect.poll(() => page.evaluate((id) => window.__sandbox!.notifications(id), u), { timeout: 10_000 }).toEqual(
          round === 1
            ? ['Answer the psychological-safety pulse now', 'The pulse’s results are shown']
            : ['Answer the psychological-safety pulse now', 'The pulse’s results are shown', 'Answer the psychological-safety pulse now', 'The pulse’s results are shown']);
      }
      // The facilitator, who opened and revealed it, stayed on Pulse with no notification.
      expect(await selectedTab(f)).toBe('pulse');
      expect(await page.evaluate(() => window.__sandbox!.notifications('u1'))).toEqual([]);
      const want = expectedRows(answers.map((a) => [...a]), round === 2 ? FIRST.map((a) => [...a]) : undefined);
      for (const p of panels) await expect.poll(async () => (await chartTable(p)).map((r) => r.slice(1)), { timeout: 60_000 }).toEqual(want);

      await f.click('pulse-panel button[data-action="pulse-board"]');
      const items = await frameItems(page, `Psychological safety: ${name}`, round === 2);
      const agg = aggregatePulse(answers.map((a) => [...a]), 5)!;
      agg.items.forEach((it, i) => expect(plain(items.get(`after-value-${i}`)?.content), `after-value-${i}`).toBe(fmt(it.mean)));
      expect(plain(items.get('after-value-7')?.content)).toBe(fmt(agg.overall.mean));
      expect(plain(items.get('footer')?.content)).toMatch(/5 answers/);
      if (round === 2) {
        const before = aggregatePulse(FIRST.map((a) => [...a]), 5)!;
        before.items.forEach((it, i) => expect(plain(items.get(`before-value-${i}`)?.content)).toBe(fmt(it.mean)));
        expect(items.get('before-0')!.absolute.width / items.get('after-0')!.absolute.width).toBeCloseTo(before.items[0]!.mean / agg.items[0]!.mean, 2);
        expect(serious(await axeViolations(f)), 'axe: the pulse result with the change').toEqual([]);
      }
    }
    await screenshot(page, `pulse-${mode}`);
  } finally {
    await context.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the psychological-safety pulse in the sandbox', () => {
  it('runs anonymously over Miro’s channel', async () => {
    await runPulse('miro');
  });

  it('runs sealed over the sync server', async () => {
    await runPulse('server');
  });
});
