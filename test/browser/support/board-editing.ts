/**
 * Driving the sandbox board as a person would: board points to screen points (through the
 * stand-in's viewport, which is what the board shows), and recording what a panel's app
 * instance hears from the host (selection:update, items:delete) through its own `miro`.
 */
import type { Frame, Page } from 'playwright-core';

/** Screen position of board point (x, y) for the page's current view. */
export async function screenOf(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('sandbox-board svg').boundingBox())!;
  const v = await page.evaluate(() => window.__sandbox!.board.viewport());
  const scale = box.width / v.width;
  return { x: box.x + (x - v.x) * scale, y: box.y + (y - v.y) * scale };
}

/** Screen position of an item's centre. */
export async function screenOfItem(page: Page, id: string): Promise<{ x: number; y: number }> {
  const item = await page.evaluate((i) => window.__sandbox!.board.items().find((it) => it.id === i), id);
  if (!item) throw new Error(`no item ${id}`);
  const a = item.absolute;
  return screenOf(page, a.x + a.width / 2, a.y + a.height / 2);
}

export interface HeardEvent {
  name: string;
  ids: string[];
}

/** Start recording `selection:update` and `items:delete` in a panel (its app instance). */
export async function listenInPanel(panel: Frame): Promise<void> {
  await panel.evaluate(() => {
    const w = window as unknown as { __heard?: HeardEvent[]; miro: { board: { ui: { on(n: string, h: (e: { items: Array<{ id: string }> }) => void): void } } } };
    if (w.__heard) return;
    const heard: HeardEvent[] = (w.__heard = []);
    for (const name of ['selection:update', 'items:delete']) w.miro.board.ui.on(name, (e) => heard.push({ name, ids: e.items.map((i) => i.id) }));
  });
}

export function heardInPanel(panel: Frame): Promise<HeardEvent[]> {
  return panel.evaluate(() => (window as unknown as { __heard?: HeardEvent[] }).__heard ?? []);
}

/** The panel app's own `getSelection()` (the SDK call, served by the stand-in for that user). */
export function panelSelection(panel: Frame): Promise<string[]> {
  return panel.evaluate(async () => {
    const w = window as unknown as { miro: { board: { getSelection(): Promise<Array<{ id: string }>> } } };
    return (await w.miro.board.getSelection()).map((i) => i.id).sort();
  });
}
