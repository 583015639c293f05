/**
 * The sandbox page itself: it never asks the network for Miro's SDK, the board pans and zooms
 * (and the stand-in's viewport follows, so "near the current view" means what is on screen),
 * and more participants each get their own panel that works against the same board.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe.js';
import { useBrowserEnv, useSandbox } from './support/browser-env.js';
import { boardItems, clearBoard, expectBoardMatchesLayout, insertThroughPanel, panelFrame } from './support/sandbox-page.js';

const env = useBrowserEnv();
const s = useSandbox(env, 'en');

const viewport = () => s.page.evaluate(() => window.__sandbox!.board.viewport());

describe('sandbox page', () => {
  it('pans by dragging and zooms with the wheel and the buttons; the stand-in viewport follows', async () => {
    const board = s.page.locator('sandbox-board svg');
    const box = (await board.boundingBox())!;
    const v0 = await viewport();
    // The stand-in's viewport is what the board shows (same aspect as the drawing area).
    expect(v0.width / v0.height).toBeCloseTo(box.width / box.height, 1);

    await s.page.mouse.move(box.x + 400, box.y + 300);
    await s.page.mouse.down();
    await s.page.mouse.move(box.x + 300, box.y + 250, { steps: 5 });
    await s.page.mouse.up();
    const v1 = await viewport();
    const scale = box.width / v0.width;
    expect(v1.x - v0.x).toBeCloseTo(100 / scale, 0);
    expect(v1.y - v0.y).toBeCloseTo(50 / scale, 0);
    expect(v1.width).toBeCloseTo(v0.width, 3);

    await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await s.page.mouse.wheel(0, -400);
    await expect.poll(async () => (await viewport()).width).toBeLessThan(v1.width * 0.8);

    const v2 = await viewport();
    await s.page.click('sandbox-board button[aria-label="Zoom out"]');
    expect((await viewport()).width).toBeCloseTo(v2.width / 0.8, 0);
  });

  it('places a template on the agenda row, not where the view happens to be, and moves the view to it', async () => {
    await clearBoard(s.page);
    const before = await viewport();
    expect(await insertThroughPanel(s.panel, 'takeaways')).toBe('done');
    const frame = (await boardItems(s.page)).find((i) => i.type === 'frame')!;
    const fx = frame.absolute.x + frame.absolute.width / 2;
    const fy = frame.absolute.y + frame.absolute.height / 2;
    // Takeaways is the last step of the agenda: its slot lies far right of an empty board's view.
    expect(fx).toBeGreaterThan(before.x + before.width);
    await expect.poll(async () => {
      const v = await viewport();
      return v.x <= fx && fx <= v.x + v.width && v.y <= fy && fy <= v.y + v.height;
    }).toBe(true);
  });

  it('adds a participant whose own panel inserts into the same board', async () => {
    await s.page.click('sandbox-participants button[data-action="add-participant"]');
    const panel2 = await panelFrame(s.page, 'u2');
    expect(await s.page.evaluate(() => window.__sandbox!.panelOpen('u2'))).toBe(true);
    await clearBoard(s.page);
    expect(await insertThroughPanel(panel2, 'practice')).toBe('done');
    const items = await boardItems(s.page);
    expectBoardMatchesLayout(items, 'practice', 'en');
    expect(new Set(items.map((i) => i.createdBy))).toEqual(new Set(['u2']));
  });

  it('reopens a closed panel through the app icon (icon:click → headless page → openPanel)', async () => {
    await s.page.click('section[data-user="u1"] button[data-action="close-panel"]');
    await expect.poll(() => s.page.evaluate(() => window.__sandbox!.panelOpen('u1'))).toBe(false);
    expect(await s.page.locator('section[data-user="u1"] iframe.panel').count()).toBe(0);
    await s.page.click('sandbox-controls button[data-action="app-icon"]');
    const panel = await panelFrame(s.page, 'u1');
    await clearBoard(s.page);
    expect(await insertThroughPanel(panel, 'opening')).toBe('done');
    expectBoardMatchesLayout(await boardItems(s.page), 'opening', 'en');
  });

  it('has no axe violations on the sandbox page itself (toolbar, board, participant column)', async () => {
    expect((await axeViolations(s.page)).map((v) => `${v.impact} ${v.id}`)).toEqual([]);
  });

  it('never requested anything beyond 127.0.0.1 (no Miro SDK script in the sandbox)', () => {
    expect(s.requests.some((u) => u.includes('/panel.html?sandbox=1&user=u1'))).toBe(true);
    expect(s.requests.some((u) => u.includes('/index.html?sandbox=1&user=u1'))).toBe(true);
    expect(s.requests.filter((u) => !u.startsWith(env.vite.url))).toEqual([]);
  });
});
