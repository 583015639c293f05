/** Test harness: a stand-in board with one facilitator, and the Board port over it. */
import { expect } from 'vitest';
import { StandInBoard, type StandInOptions } from '../../sandbox/host/stand-in.js';
import type { Clock } from '../../src/board/clock.js';
import { MARKER_KEY, type TryghedMarker } from '../../src/board/marker.js';
import { WebSdkBoard, type WebSdkBoardOptions } from '../../src/board/web-sdk-board.js';
import { contains, overlaps, type Rect } from '../../src/core/geometry.js';
import type { Layout } from '../../src/core/layout/types.js';

export const USER = 'u-facilitator';

export function setup(options: StandInOptions = {}, port: WebSdkBoardOptions & { clock?: Clock } = {}) {
  const host = new StandInBoard(options);
  host.addUser({ id: USER, name: 'Facilitator' });
  const sdk = host.sdkFor(USER);
  // Short backoff: the retries are real, the waiting need not be.
  const board = new WebSdkBoard(sdk, { retry: { baseMs: 1, maxMs: 4 }, ...port });
  return { host, sdk, board };
}

export function markerOf(host: StandInBoard, id: string): TryghedMarker | undefined {
  return host.item(id)?.metadata[host.appId]?.[MARKER_KEY] as TryghedMarker | undefined;
}

/** A hand-made layout: a frame, two zones side by side, cards on them, a title and a free shape. */
export function smallLayout(at = { x: 0, y: 0 }): Layout {
  const r = (x: number, y: number, width: number, height: number): Rect => ({ x: at.x + x, y: at.y + y, width, height });
  return {
    templateId: 'practice',
    lang: 'da',
    frame: r(0, 0, 1200, 900),
    items: [
      { kind: 'frame', elementId: 'frame', rect: r(0, 0, 1200, 900), title: 'Ledertrivsel i praksis', fill: '#ffffff' },
      { kind: 'text', elementId: 'title', rect: r(40, 30, 800, 60), content: '<p><strong>Ledertrivsel i praksis</strong></p>', fontSize: 36, colour: '#1f2933', align: 'left' },
      { kind: 'shape', elementId: 'zone-continue', rect: r(40, 120, 540, 700), shape: 'rectangle', content: '<p>Fortsæt</p>', fill: '#f5f5f5', textColour: '#1f2933', fontSize: 20, zone: true },
      { kind: 'shape', elementId: 'zone-more', rect: r(620, 120, 540, 700), shape: 'rectangle', content: '<p>Mere af</p>', fill: '#f5f5f5', textColour: '#1f2933', fontSize: 20, zone: true, border: '#888888' },
      { kind: 'sticky', elementId: 'card-1', rect: r(80, 200, 200, 229), content: '<p>Walk and talk</p>', colour: 'light_yellow', shape: 'square' },
      { kind: 'sticky', elementId: 'card-2', rect: r(320, 200, 200, 229), content: '<p>Supervision</p>', colour: 'light_green', shape: 'square' },
      { kind: 'sticky', elementId: 'card-3', rect: r(660, 200, 200, 229), content: '<p>Pauser</p>', colour: 'light_blue', shape: 'square' },
      { kind: 'sticky', elementId: 'card-4', rect: r(900, 200, 200, 229), content: '<p>Sparring</p>', colour: 'cyan', shape: 'square' },
      { kind: 'text', elementId: 'note', rect: r(80, 500, 400, 40), content: '<p>Skriv jeres egne</p>', fontSize: 16, colour: '#1f2933', align: 'left' },
    ],
    zones: [],
  };
}

const TYPE = { frame: 'frame', sticky: 'sticky_note', shape: 'shape', text: 'text' } as const;

/** The board holds exactly what `layout` promised, shifted to `frame`, marked, inside the frame, in stacking order. */
export function expectInserted(host: StandInBoard, layout: Layout, result: { frameId: string; frame: Rect; insertionId: string; ids: Record<string, string> }) {
  const dx = result.frame.x - layout.frame.x;
  const dy = result.frame.y - layout.frame.y;
  const mine = host.items().filter((i) => markerOf(host, i.id)?.i === result.insertionId);
  expect(mine.length).toBe(layout.items.length);
  const frame = host.item(result.frameId)!;
  expect(frame.absolute).toEqual(result.frame);
  for (const planned of layout.items) {
    const item = host.item(result.ids[planned.elementId]!)!;
    expect(item, planned.elementId).toBeDefined();
    expect(item.type).toBe(TYPE[planned.kind]);
    expect(markerOf(host, item.id)).toEqual({ t: layout.templateId, e: planned.elementId, i: result.insertionId, v: 1 });
    const want = { ...planned.rect, x: planned.rect.x + dx, y: planned.rect.y + dy };
    const got = item.absolute;
    // Centre and width are ours; Miro decides the height of stickies and text.
    expect(got.x + got.width / 2).toBeCloseTo(want.x + want.width / 2, 6);
    expect(got.y + got.height / 2).toBeCloseTo(want.y + want.height / 2, 6);
    expect(got.width).toBeCloseTo(want.width, 6);
    if (planned.kind === 'shape' || planned.kind === 'frame') expect(got.height).toBeCloseTo(want.height, 6);
    if (planned.kind !== 'frame') {
      expect(item.parentId).toBe(result.frameId);
      expect(contains(frame.absolute, got, 1e-6), planned.elementId).toBe(true);
      expect(item.content).toBe(planned.content);
    }
  }
  // Stacking: an item is above (created after) every earlier item it overlaps.
  const seq = (k: number) => host.item(result.ids[layout.items[k]!.elementId]!)!.seq;
  for (let j = 1; j < layout.items.length; j++) {
    for (let i = 1; i < j; i++) {
      if (overlaps(layout.items[i]!.rect, layout.items[j]!.rect)) expect(seq(i), `${layout.items[i]!.elementId} under ${layout.items[j]!.elementId}`).toBeLessThan(seq(j));
    }
  }
}

