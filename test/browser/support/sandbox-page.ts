/**
 * Driving the sandbox page from a test: open it in a fresh context with a browser language,
 * reach the facilitator's panel iframe, insert a template through it, read the board through
 * the page's read-only hook, and check the board against the layout the template promises.
 */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import type { Lang } from '../../../src/core/lang.js';
import { layoutTemplate } from '../../../src/core/layout/layout.js';
import type { Layout } from '../../../src/core/layout/types.js';
import { getTemplate } from '../../../src/core/template/catalogue.js';
import type { TemplateId } from '../../../src/core/template/types.js';
import type { ItemView } from '../../../sandbox/host/stand-in.js';

export const SCREENSHOT_DIR = new URL('../../../artifacts/screenshots/', import.meta.url).pathname;

export interface SandboxSession {
  context: BrowserContext;
  page: Page;
  panel: Frame;
  /** Every URL any frame requested, from the first page load on. */
  requests: string[];
  close(): Promise<void>;
}

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

/**
 * A fresh browser context and page that reach only 127.0.0.1 (the sandbox must never fetch
 * Miro's SDK or anything else); the page's uncaught errors are printed.
 */
export async function loopbackPage(browser: Browser, options: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(options);
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  return { context, page };
}

export async function openSandbox(browser: Browser, baseUrl: string, lang: Lang): Promise<SandboxSession> {
  const { context, page } = await loopbackPage(browser, { viewport: { width: 1440, height: 900 }, locale: LOCALE[lang] });
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  await page.goto(`${baseUrl}/sandbox/`);
  const panel = await panelFrame(page, 'u1');
  return { context, page, panel, requests, close: () => context.close() };
}

/** The panel iframe of `userId`, once its app is connected to the board. */
export async function panelFrame(page: Page, userId: string): Promise<Frame> {
  const handle = await page.waitForSelector(`section[data-user="${userId}"] iframe.panel`, { timeout: 30_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no panel frame for ${userId}`);
  // The Insert buttons become active when the Board port is handed over.
  await frame.waitForSelector('button[data-insert][aria-disabled="false"]', { timeout: 30_000 });
  return frame;
}

export function boardItems(page: Page): Promise<ItemView[]> {
  return page.evaluate(() => window.__sandbox!.board.items());
}

export async function clearBoard(page: Page): Promise<void> {
  await page.click('sandbox-controls button[data-action="clear"]');
  await expect.poll(async () => (await boardItems(page)).length).toBe(0);
}

/** Click Insert for `id` and wait for the panel's outcome; returns it. */
export async function insertThroughPanel(panel: Frame, id: TemplateId): Promise<'done' | 'failed'> {
  await panel.click(`button[data-insert="${id}"]`);
  return waitForOutcome(panel, id);
}

export async function waitForOutcome(panel: Frame, id: TemplateId): Promise<'done' | 'failed'> {
  const status = await panel.waitForSelector(`insert-status[data-template="${id}"]`, { timeout: 60_000 });
  return (await status.getAttribute('kind')) as 'done' | 'failed';
}

export function markerOf(item: ItemView): { t: string; e: string; i: string } | undefined {
  return item.metadata.tryghed?.tryghed as { t: string; e: string; i: string } | undefined;
}

const KIND: Record<Layout['items'][number]['kind'], string> = { frame: 'frame', sticky: 'sticky_note', shape: 'shape', text: 'text' };

/**
 * The board holds exactly what the layout promised: one item per planned item, of its kind,
 * with its element id in the marker, its content/title/colour, its width, and its centre in
 * the same place relative to the frame; children sit in the frame.
 */
export function expectBoardMatchesLayout(items: readonly ItemView[], id: TemplateId, lang: Lang): void {
  const layout = layoutTemplate(getTemplate(id), lang, { x: 0, y: 0 });
  const mine = items.filter((i) => markerOf(i)?.t === id);
  expect(mine.length, `${id}/${lang}: items on the board`).toBe(layout.items.length);
  expect(new Set(mine.map((i) => markerOf(i)!.i)).size, 'one insertion id').toBe(1);
  const byElement = new Map(mine.map((i) => [markerOf(i)!.e, i]));
  expect(byElement.size, 'element ids are unique').toBe(mine.length);
  const frame = byElement.get('frame');
  expect(frame?.type).toBe('frame');
  const f = frame!.absolute;
  for (const planned of layout.items) {
    const where = `${id}/${lang}/${planned.elementId}`;
    const item = byElement.get(planned.elementId);
    expect(item, where).toBeDefined();
    expect(item!.type, where).toBe(KIND[planned.kind]);
    const r = item!.absolute;
    const p = planned.rect;
    expect(r.width, `${where} width`).toBeCloseTo(p.width, 0);
    expect(r.x + r.width / 2 - f.x, `${where} centre x`).toBeCloseTo(p.x + p.width / 2 - layout.frame.x, 0);
    if (planned.kind !== 'text') {
      // Text height is the board's to decide; everything else keeps its planned height and centre.
      expect(r.height, `${where} height`).toBeCloseTo(p.height, 0);
      expect(r.y + r.height / 2 - f.y, `${where} centre y`).toBeCloseTo(p.y + p.height / 2 - layout.frame.y, 0);
    } else {
      expect(r.y - f.y, `${where} top`).toBeCloseTo(p.y - layout.frame.y, -1);
    }
    switch (planned.kind) {
      case 'frame':
        expect(item!.title, where).toBe(planned.title);
        break;
      case 'sticky':
        expect(item!.content, where).toBe(planned.content);
        expect(item!.style.fillColor, where).toBe(planned.colour);
        expect(item!.parentId, where).toBe(frame!.id);
        break;
      default:
        expect(item!.content, where).toBe(planned.content);
        expect(item!.parentId, where).toBe(frame!.id);
    }
  }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  // Let the last redraw (one per animation frame) and the view move land.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path });
  return path;
}
