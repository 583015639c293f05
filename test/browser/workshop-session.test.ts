/**
 * A whole workshop session in the sandbox, once over Miro's channel (the stand-in's events and
 * storage) and once over the sync server (started here with development tokens and a temporary
 * data directory): a facilitator and two participants, each in their own panel. Participants
 * write stickies, one groups two of them (the cluster shows in every panel), the facilitator
 * creates and opens a round, all three vote in the Vote panel (mouse and keyboard), the
 * facilitator reveals, every Results panel shows the same ranking, and "Show on board" writes
 * a results frame whose labels, counts, bars and participation carry the same numbers. A panel
 * opened after the votes sees the same state, and the facilitator hands the role over.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { ItemView } from '../../sandbox/host/stand-in.js';
import { loadConfig } from '../../src/server/config.js';
import { createTryghedServer } from '../../src/server/index.js';
import { axeViolations, serious } from './support/axe.js';
import { useBrowserEnv } from './support/browser-env.js';
import { boardItems, insertThroughPanel, markerOf, screenshot, loopbackPage } from './support/sandbox-page.js';
import { row, select, sessionPanel, startServer, tab, writeSticky } from './support/session-steps.js';

const env = useBrowserEnv();

const QUESTION = 'What should we work on first?';
const NOTES = {
  u2: ['Too many meetings', 'No time to think'],
  u3: ['Unclear priorities', 'Lonely decisions'],
};
const CLUSTER = 'Workload';

async function cast(panel: Frame, text: string, times: number, how: 'mouse' | 'keyboard'): Promise<void> {
  const r = row(panel, text);
  const count = r.locator('[data-count]');
  for (let i = 0; i < times; i++) {
    const before = Number(await count.textContent());
    const plus = r.locator('button[data-action="cast"]');
    if (how === 'mouse') await plus.click();
    else {
      await plus.focus();
      await panel.page().keyboard.press('Enter');
    }
    await expect.poll(async () => Number(await count.textContent()), { timeout: 20_000 }).toBe(before + 1);
  }
}

/** The Results panel's accessible table: [label, votes] in rank order, with the ranks. */
async function resultsTable(panel: Frame): Promise<Array<{ label: string; votes: number; rank: number }>> {
  return panel.evaluate(() => {
    const deep = (root: Document | ShadowRoot, sel: string): Element[] => {
      const out = [...root.querySelectorAll(sel)];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deep(el.shadowRoot, sel));
      return out;
    };
    const chart = deep(document, 'results-panel')[0]?.shadowRoot?.querySelector('results-chart');
    const rows = [...(chart?.shadowRoot?.querySelectorAll('table[data-table] tbody tr[data-row]') ?? [])];
    const ranks = new Map([...(chart?.shadowRoot?.querySelectorAll('g[data-row]') ?? [])].map((g) => [g.getAttribute('data-row'), Number(g.getAttribute('data-rank'))]));
    return rows.map((tr) => ({
      label: tr.querySelector('th')!.textContent!.trim(),
      votes: Number(tr.querySelectorAll('td')[1]!.textContent!.trim()),
      rank: ranks.get(tr.getAttribute('data-row')) ?? 0,
    }));
  });
}

const EXPECTED = [
  { label: CLUSTER, votes: 5, rank: 1 },
  { label: NOTES.u3[0]!, votes: 3, rank: 2 },
  { label: NOTES.u3[1]!, votes: 1, rank: 3 },
];

/** The marker our board link writes on results items: { k: 'results', e: elementId }. */
function resultsElement(item: ItemView): string | undefined {
  const found = Object.values(item.metadata ?? {}).flatMap((byKey) => Object.values(byKey ?? {})) as Array<{ k?: string; e?: string }>;
  return found.find((m) => m?.k === 'results')?.e;
}

const plain = (html: string) => html.replace(/<[^>]+>/g, '').trim();

async function runSession(mode: 'miro' | 'server', anonymity: 'anonymous' | 'sealed' = 'anonymous'): Promise<void> {
  const sync = mode === 'server' ? await startServer() : null;
  const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
  try {
    await page.goto(`${env.vite.url}/sandbox/${sync ? `?sync-server=${encodeURIComponent(sync.server.url)}` : ''}`);
    await page.waitForSelector('section[data-user="u1"] iframe.panel', { timeout: 30_000 });
    await page.click('sandbox-participants button[data-action="add-participant"]');
    await page.click('sandbox-participants button[data-action="add-participant"]');
    if (mode === 'server') await page.click('sandbox-controls button[data-sync="server"]');
    const [f, p2, p3] = await Promise.all(['u1', 'u2', 'u3'].map((u) => sessionPanel(page, u, mode)));
    const all = [f!, p2!, p3!];

    // The facilitator starts the session; everyone sees that someone has.
    await tab(f!, 'group');
    await f!.click('button[data-action="start-session"]');
    await f!.click('button[data-action="confirm-start"]');
    for (const p of all) await p.waitForSelector('[data-start]', { state: 'detached', timeout: 30_000 });
    expect(await p2!.locator('button[role="tab"][data-tab="rounds"]').count(), 'run rounds is the facilitator’s').toBe(0);

    // Participants write stickies; one groups two of them.
    const ids: Record<string, string> = {};
    for (const [u, texts] of Object.entries(NOTES)) {
      for (const [i, text] of texts.entries()) ids[text] = await writeSticky(page, u, text, (u === 'u2' ? -600 : 200) + i * 260, 0);
    }
    await select(page, 'u2', [ids[NOTES.u2[0]!]!, ids[NOTES.u2[1]!]!]);
    await tab(p2!, 'group');
    await p2!.waitForSelector('cluster-panel p[data-selection="2"]');
    await p2!.fill('cluster-panel #new-label', CLUSTER);
    await p2!.click('cluster-panel button[data-action="group"]');
    for (const p of all) {
      await tab(p, 'group');
      const cluster = p.locator('cluster-panel li[data-cluster]');
      await expect.poll(() => cluster.count(), { timeout: 30_000 }).toBe(1);
      await expect.poll(() => cluster.locator('h3').innerText(), { timeout: 30_000 }).toContain(CLUSTER);
    }

    // The facilitator creates a round over every sticky on the board, and opens it.
    await tab(f!, 'rounds');
    await f!.fill('round-form #question', QUESTION);
    await f!.fill('round-form #budget', '3');
    await f!.fill('round-form #cap', '2');
    await f!.fill('round-form #k', '3');
    if (anonymity === 'sealed') await f!.check('round-form input[name="anonymity"][value="sealed"]');
    await f!.click('round-form button[data-action="create"]');
    const round = f!.locator('facilitator-panel li[data-round]');
    await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
    await round.locator('button[data-action="open"]').click();
    await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('open');

    // Everyone votes in the Vote panel: Workload 2+2+1, Unclear priorities 1+2, Lonely decisions 1.
    for (const p of all) {
      await tab(p, 'vote');
      await expect.poll(() => p.locator('vote-panel li[data-target]').count(), { timeout: 30_000 }).toBe(3);
    }
    await cast(f!, CLUSTER, 2, 'mouse');
    await cast(f!, NOTES.u3[0]!, 1, 'keyboard');
    await cast(p2!, CLUSTER, 2, 'keyboard');
    await cast(p2!, NOTES.u3[1]!, 1, 'mouse');
    await cast(p3!, CLUSTER, 1, 'mouse');
    await cast(p3!, NOTES.u3[0]!, 2, 'keyboard');
    for (const p of all) await expect.poll(() => p.locator('vote-panel [data-remaining]').innerText(), { timeout: 20_000 }).toMatch(/\b0\b/);
    // The facilitator sees that all three have voted (never which way).
    await tab(f!, 'rounds');
    // (Sealed rounds: the count stays on the server until the totals are published.)
    if (anonymity !== 'sealed') await expect.poll(() => round.locator('[data-participation]').innerText(), { timeout: 30_000 }).toMatch(/\b3\b.*\b3\b/);

    await round.locator('button[data-action="reveal"]').click();
    await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('revealed');
    for (const p of all) {
      await tab(p, 'results');
      await expect.poll(() => resultsTable(p), { timeout: 30_000 }).toEqual(EXPECTED);
    }

    // The results frame on the board carries the same numbers.
    await f!.click('results-panel button[data-action="show-on-board"]');
    let frame: ItemView | undefined;
    await expect.poll(async () => {
      frame = (await boardItems(page)).find((i) => i.type === 'frame' && String(i.title).includes(QUESTION));
      return frame !== undefined;
    }, { timeout: 60_000 }).toBe(true);
    const byElement = new Map<string, ItemView>();
    await expect.poll(async () => {
      byElement.clear();
      for (const i of await boardItems(page)) if (i.parentId === frame!.id && resultsElement(i)) byElement.set(resultsElement(i)!, i);
      // Items are created a few at a time: wait for the whole frame.
      return ['participation', ...EXPECTED.flatMap((_, i) => [`label-${i}`, `count-${i}`, `bar-${i}`])].every((e) => byElement.has(e));
    }, { timeout: 30_000 }).toBe(true);
    EXPECTED.forEach((want, i) => {
      expect(plain(String(byElement.get(`label-${i}`)?.content)), `label-${i}`).toBe(want.label);
      expect(plain(String(byElement.get(`count-${i}`)?.content)), `count-${i}`).toBe(String(want.votes));
    });
    const bar = (i: number) => byElement.get(`bar-${i}`)!.absolute.width;
    expect(bar(1) / bar(0)).toBeCloseTo(3 / 5, 2);
    expect(bar(2) / bar(0)).toBeCloseTo(1 / 5, 2);
    expect(plain(String(byElement.get('participation')!.content))).toBe('3 of 3 voted');
    await screenshot(page, `workshop-session-${mode}-${anonymity}`);

    // Vote badges follow the revealed tally, one per voted target.
    await expect.poll(async () => (await boardItems(page)).filter((i) => Object.values(i.metadata ?? {}).some((m) => Object.values(m ?? {}).some((v) => (v as { k?: string })?.k === 'badge'))).length, { timeout: 30_000 }).toBe(3);

    // A late joiner sees the same session.
    await page.click('sandbox-participants button[data-action="add-participant"]');
    const late = await sessionPanel(page, 'u4', mode);
    await tab(late, 'results');
    await expect.poll(() => resultsTable(late), { timeout: 60_000 }).toEqual(EXPECTED);
    await tab(late, 'group');
    await expect.poll(() => late.locator('cluster-panel li[data-cluster] h3').innerText(), { timeout: 30_000 }).toContain(CLUSTER);

    // The facilitator hands the role over: "Run rounds" moves from one panel to the other.
    await tab(f!, 'rounds');
    await f!.click('facilitator-panel details summary');
    await f!.selectOption('facilitator-panel #hand-to', 'u2');
    await f!.click('facilitator-panel button[data-action="hand-over"]');
    // Offered, not yet handed over: the receiver accepts.
    await p2!.click('lead-notice button[data-action="accept-seat"]');
    await expect.poll(() => p2!.locator('button[role="tab"][data-tab="rounds"]').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => f!.locator('button[role="tab"][data-tab="rounds"]').count(), { timeout: 30_000 }).toBe(0);
    expect(await f!.locator('button[role="tab"][aria-selected="true"]').getAttribute('data-tab')).toBe('workshop');
  } finally {
    await context.close();
    await sync?.close();
  }
}

describe('a workshop session in the sandbox', () => {
  it('runs over Miro’s channel (events and storage)', async () => {
    await runSession('miro');
  });

  it('runs over the sync server', async () => {
    await runSession('server');
  });

  it('runs a sealed round on the sync server (ballots on the server, totals in the doc)', async () => {
    await runSession('server', 'sealed');
  });
});

describe('the app shell', () => {
  it('says so when the sync server lets nobody sign in (no development tokens), and the facilitator can switch back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tryghed-refusing-'));
    const refusing = await createTryghedServer(loadConfig({ DATA_DIR: dataDir, PORT: '0', QUIET: '1', MIRO_CLIENT_SECRET: 'real-secret', TRYGHED_DEV_AUTH: '0' }));
    await refusing.listen();
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/?sync-server=${encodeURIComponent(refusing.url)}`);
      const f = await sessionPanel(page, 'u1', 'miro');
      await page.click('sandbox-controls button[data-sync="server"]');
      const status = f.locator('p.sync[data-sync="server"][data-status="offline"]');
      await expect.poll(() => status.innerText(), { timeout: 30_000 }).toMatch(/did not let this panel sign in/);
      // Nobody facilitates the (empty) server session, so its settings are open to switch back.
      await tab(f, 'rounds');
      await f.check('sync-settings input[value="miro"]');
      await f.click('sync-settings button[data-action="save-sync"]');
      await f.waitForSelector('p.sync[data-sync="miro"][data-status="synced"]', { timeout: 30_000 });
      expect(await page.locator('sandbox-controls button[data-sync="miro"]').getAttribute('aria-pressed')).toBe('true');
    } finally {
      await context.close();
      await refusing.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('creates a round over one zone of an inserted template; the plate offers no scope, and its notes are never targets', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      const f = await sessionPanel(page, 'u1', 'miro');
      await f.waitForSelector('button[data-insert][aria-disabled="false"]', { timeout: 30_000 });
      expect(await insertThroughPanel(f, 'takeaways')).toBe('done');
      expect(await insertThroughPanel(f, 'plate')).toBe('done');
      const items = await boardItems(page);
      const centreOf = (t: string, e: string) => {
        const r = items.find((i) => markerOf(i)?.t === t && markerOf(i)?.e === e)!.absolute;
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      };
      const zone = centreOf('takeaways', 'my-main-point');
      await writeSticky(page, 'u1', 'Say no more often', zone.x, zone.y);
      await writeSticky(page, 'u1', 'Not in the zone', zone.x - 20_000, zone.y);
      const place = centreOf('plate', 'shared');
      const onPlate = await writeSticky(page, 'u1', 'My family', place.x, place.y);

      await tab(f, 'group');
      await f.click('button[data-action="start-session"]');
      await f.click('button[data-action="confirm-start"]');
      await f.waitForSelector('[data-start]', { state: 'detached', timeout: 30_000 });
      await tab(f, 'rounds');
      // One group per template on the board, the plate left out: the whole template, then its zone.
      const groups = f.locator('round-form #scope optgroup');
      await expect.poll(() => groups.evaluateAll((gs) => gs.map((g) => g.getAttribute('label'))), { timeout: 30_000 }).toEqual(['Take-aways']);
      expect(await groups.locator('option').allTextContents()).toEqual(['The whole template', 'My main point']);

      // The plate's note, selected: no targets, and the form says why.
      await select(page, 'u1', [onPlate]);
      await f.fill('round-form #question', 'What matters most?');
      await f.selectOption('round-form #scope', { label: 'The selected sticky notes' });
      await f.click('round-form button[data-action="create"]');
      await expect.poll(() => f.locator('round-form #scope-err').textContent(), { timeout: 30_000 }).toMatch(/on the plate, which is never voted on/);

      await f.selectOption('round-form #scope', { label: 'My main point' });
      await f.click('round-form button[data-action="create"]');
      const round = f.locator('facilitator-panel li[data-round]');
      await expect.poll(() => round.getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
      await round.locator('button[data-action="open"]').click();
      await tab(f, 'vote');
      await expect.poll(() => f.locator('vote-panel li[data-target]').allInnerTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining('Say no more often')]);
    } finally {
      await context.close();
    }
  });

  it('is a tab set by keyboard (arrows, Home, End), in Danish, with no serious axe violations on any tab', async () => {
    const { context, page } = await loopbackPage(env.browser, { viewport: { width: 1440, height: 1000 }, locale: 'da-DK' });
    try {
      await page.goto(`${env.vite.url}/sandbox/`);
      const f = await sessionPanel(page, 'u1', 'miro');
      const selected = () => f.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return { focused: el?.getAttribute('data-tab') ?? null, text: el?.textContent?.trim() };
      });
      // Before anyone starts, "Run rounds" is there for whoever will.
      expect(await f.locator('button[role="tab"]').allInnerTexts()).toEqual(['Forløb', 'Skabeloner', 'Temaer', 'Stem', 'Styr afstemninger', 'Resultater', 'Puls', 'Plan', 'Min tallerken']);
      await f.locator('button[role="tab"][aria-selected="true"]').focus();
      await page.keyboard.press('ArrowRight');
      expect(await selected()).toEqual({ focused: 'group', text: 'Temaer' });
      await page.keyboard.press('End');
      expect((await selected()).focused).toBe('plate');
      await page.keyboard.press('ArrowRight');
      expect((await selected()).focused).toBe('workshop');
      await page.keyboard.press('ArrowLeft');
      expect((await selected()).focused).toBe('plate');
      await page.keyboard.press('Home');
      expect((await selected()).focused).toBe('workshop');
      expect(await f.locator('[role="tabpanel"]:not([hidden])').getAttribute('data-tab')).toBe('workshop');

      await tab(f, 'group');
      await f.click('button[data-action="start-session"]');
      await f.click('button[data-action="confirm-start"]');
      await f.waitForSelector('[data-start]', { state: 'detached' });
      for (const id of ['workshop', 'templates', 'group', 'vote', 'rounds', 'results', 'pulse', 'plan', 'plate']) {
        await tab(f, id);
        expect(serious(await axeViolations(f)), id).toEqual([]);
      }
      await screenshot(page, 'shell-rounds-da');
    } finally {
      await context.close();
    }
  });
});
