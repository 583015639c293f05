/** Steps of a workshop in the sandbox page: a sync server, a person's panel, a tab, a sticky written or selected on the board. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** The vote row whose label holds `text`. */
export const row = (panel: Frame, text: string) => panel.locator('vote-panel li[data-target]', { hasText: text });
