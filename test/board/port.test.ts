import { describe, expect, it } from 'vitest';
import type { BoardNote } from '../../src/board/port.js';
import { CreditBudget, MINUTE_MS } from '../../src/board/credit-budget.js';
import { SdkGate } from '../../src/board/gate.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { CREDITS_PER_MINUTE } from '../../src/core/miro-rules.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';
import { overlaps } from '../../src/core/geometry.js';
import { FakeClock } from './fake-clock.js';
import { setup, smallLayout, USER } from './stand-in-setup.js';

describe('WebSdkBoard reads and housekeeping', () => {
  it('viewport() is the view, top-left based; findFreeSpace() avoids what is there', async () => {
    const { host, board } = setup();
    host.setViewport(USER, { x: 100, y: 200, width: 1600, height: 900 });
    expect(await board.viewport()).toEqual({ x: 100, y: 200, width: 1600, height: 900 });
    const taken = host.hostCreate(USER, 'shape', { x: 900, y: 650, width: 1000, height: 600 });
    const spot = await board.findFreeSpace({ width: 500, height: 400 });
    expect(spot).toMatchObject({ width: 500, height: 400 });
    expect(overlaps(spot, taken.absolute)).toBe(false);
  });

  it('findFreeSpace() computes from the items when the host has no findEmptySpace', async () => {
    const { host, sdk } = setup();
    const board = new WebSdkBoard({ board: { ...sdk.board, viewport: sdk.board.viewport, findEmptySpace: undefined as never } });
    const taken = host.hostCreate(USER, 'shape', { x: 0, y: 0, width: 3000, height: 2000 });
    const spot = await board.findFreeSpace({ width: 500, height: 400 });
    expect(overlaps(spot, taken.absolute)).toBe(false);
  });

  it('getSelection() and onSelectionChange() give the selected sticky notes with absolute rects', async () => {
    const { host, board } = setup();
    const result = await board.insertLayout(smallLayout(), { at: { x: 1000, y: 1000 } });
    const card = result.ids['card-2']!;
    const loose = host.hostCreate(USER, 'sticky_note', { content: '<p>Løs</p>', x: -500, y: -500, width: 200 });
    const seen: BoardNote[][] = [];
    const off = board.onSelectionChange((notes) => seen.push(notes));
    host.setSelection(USER, [card, loose.id, result.ids['zone-more']!]);
    await expect.poll(() => seen.length).toBe(1);
    const selected = await board.getSelection();
    expect(seen[0]).toEqual(selected);
    expect(selected.map((n) => n.id)).toEqual([card, loose.id]);
    expect(selected[0]).toEqual({ id: card, content: '<p>Supervision</p>', colour: 'light_green', rect: host.absoluteRect(card), parentId: result.frameId });
    expect(selected[1]!.rect).toEqual(loose.absolute);
    off();
    host.setSelection(USER, [loose.id]);
    await new Promise((r) => setTimeout(r, 20));
    expect(seen.length).toBe(1);
  });

  it('findByMarker() finds our items by insertion, template and element, and nothing else', async () => {
    const { host, board } = setup();
    const a = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 } });
    const b = await board.insertLayout(smallLayout(), { at: { x: 3000, y: 0 } });
    host.hostCreate(USER, 'sticky_note', { content: 'a participant', x: 200, y: 700 });
    const all = await board.findByMarker();
    expect(all.length).toBe(2 * smallLayout().items.length);
    const onlyA = await board.findByMarker({ insertionId: a.insertionId });
    expect(new Set(onlyA.map((m) => m.id))).toEqual(new Set(Object.values(a.ids)));
    for (const m of onlyA) expect(m.rect).toEqual(host.absoluteRect(m.id));
    const cards = await board.findByMarker({ elementId: 'card-1', templateId: 'practice' });
    expect(cards.map((m) => m.id).sort()).toEqual([a.ids['card-1'], b.ids['card-1']].sort());
    expect(await board.findByMarker({ templateId: 'plate' })).toEqual([]);
  });

  it('removeItems() removes children before frames and counts; zoomTo() moves the view', async () => {
    const { host, board } = setup();
    const r = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    await board.zoomTo([r.ids['card-1']!]);
    const v = host.viewportOf(USER);
    expect(v.width).toBeLessThan(1200);
    expect(await board.removeItems(Object.values(r.ids))).toBe(smallLayout().items.length);
    expect(host.items()).toEqual([]);
  });
});

describe('the shared budget against the stand-in rate limiter', () => {
  it('back-to-back insertions of the largest template never exceed 100,000 credits a minute (fake clock)', async () => {
    const clock = new FakeClock(0);
    // The stand-in meters on the same clock and refuses with 429 over Miro's limits.
    const { host, sdk } = setup({ now: () => clock.now() });
    const gate = new SdkGate({ budget: new CreditBudget({ clock }), clock, retry: { attempts: 1 } });
    const board = new WebSdkBoard(sdk, { gate });
    const largest = [...TEMPLATES].sort((x, y) => layoutTemplate(y, 'da', { x: 0, y: 0 }).items.length - layoutTemplate(x, 'da', { x: 0, y: 0 }).items.length)[0]!;
    const layout = layoutTemplate(largest, 'da', { x: 0, y: 0 });
    const callsPerInsert = 3 * layout.items.length + 1;
    const rounds = Math.ceil((2.5 * CREDITS_PER_MINUTE) / (50 * callsPerInsert));
    for (let k = 0; k < rounds; k++) {
      const r = await clock.drive(board.insertLayout(layout, { at: { x: 0, y: 0 }, zoom: false }));
      expect(host.items().length).toBe(layout.items.length);
      // Someone clears the board between rounds (unmetered), which keeps the stand-in quick.
      host.hostRemove(r.frameId);
    }
    const usage = gate.budget.usage();
    expect(usage.total).toBeGreaterThan(2 * CREDITS_PER_MINUTE);
    expect(usage.peakMinute).toBeLessThanOrEqual(CREDITS_PER_MINUTE);
    expect(host.stats().rateLimited).toBe(0);
    expect(clock.now()).toBeGreaterThanOrEqual(2 * MINUTE_MS);
  }, 60_000);
});
