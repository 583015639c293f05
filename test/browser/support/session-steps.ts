/** Steps of a workshop in the sandbox page: a sync server, a person's panel, a tab, a sticky written or selected on the board. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { loadConfig } from '../../../src/server/config.js';
import { createTryghedServer, type TryghedServer } from '../../../src/server/index.js';

/** A sync server of its own for each run, with a temporary data directory and development tokens. */
export async function startServer(): Promise<{ server: TryghedServer; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tryghed-session-'));
  const server = await createTryghedServer(loadConfig({ TRYGHED_DEV_AUTH: '1', DATA_DIR: dataDir, PORT: '0', QUIET: '1' }));
  await server.listen();
  return {
    server,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}


/** The panel iframe of `userId`, once the session is connected through `mode`. */
export async function sessionPanel(page: Page, userId: string, mode: 'miro' | 'server'): Promise<Frame> {
  const handle = await page.waitForSelector(`section[data-user="${userId}"] iframe.panel`, { timeout: 30_000 });
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector(`p.sync[data-sync="${mode}"][data-status="synced"]`, { timeout: 60_000 });
  return frame;
}

export async function tab(panel: Frame, id: string): Promise<void> {
  await panel.click(`button[role="tab"][data-tab="${id}"]`);
  await panel.waitForSelector(`[role="tabpanel"][data-tab="${id}"]:not([hidden])`);
}

/** A person writes a sticky on the board, through the sandbox's test hook (acting as that user). */
export function writeSticky(page: Page, userId: string, text: string, x: number, y: number): Promise<string> {
  return page.evaluate(({ userId, text, x, y }) => {
    window.__sandbox!.actAs(userId);
    return window.__sandbox!.createSticky(text, x, y).id;
  }, { userId, text, x, y });
}

/** A person selects stickies (as clicks would): the stand-in tells that person's app. */
export function select(page: Page, userId: string, ids: string[]): Promise<void> {
  return page.evaluate(({ userId, ids }) => {
    window.__sandbox!.actAs(userId);
    window.__sandbox!.select(ids);
  }, { userId, ids });
}

/**
 * A use case called on a panel element's Actions directly, as its button would (a click would
 * take the page's one focus from a person typing in another panel); a refusal throws.
 */
export async function callAction(panel: Frame, tag: string, call: string, args: unknown[]): Promise<void> {
  await panel.evaluate(async ({ tag, call, args }) => {
    const find = (root: Document | ShadowRoot): Element | undefined => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === tag) return el;
        const inner = el.shadowRoot && find(el.shadowRoot);
        if (inner) return inner;
      }
      return undefined;
    };
    const el = find(document) as unknown as { actions: Record<string, (...a: unknown[]) => Promise<{ ok: boolean }>> };
    if (!(await el.actions[call]!(...args)).ok) throw new Error(`${call} refused`);
  }, { tag: tag.toUpperCase(), call, args });
}

/** The vote row whose label holds `text`. */
export const row = (panel: Frame, text: string) => panel.locator('vote-panel li[data-target]', { hasText: text });

/** `times` votes for the row holding `text`, each seen counted before the next. */
export async function cast(panel: Frame, text: string, times: number): Promise<void> {
  const count = row(panel, text).locator('[data-count]');
  for (let i = 0; i < times; i++) {
    const before = Number(await count.textContent());
    await row(panel, text).locator('button[data-action="cast"]').click();
    await expect.poll(async () => Number(await count.textContent()), { timeout: 20_000 }).toBe(before + 1);
  }
}
