/** Steps of a workshop in the sandbox page: a person's panel, a tab, a sticky written or selected on the board. */
import type { Frame, Page } from 'playwright-core';

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
