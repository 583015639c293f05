import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains } from '../../src/core/geometry.js';
import type { SdkFrame, SdkStickyNote } from '../../src/board/sdk.js';
import { boardWith, refusedWith } from './helpers.js';

async function frameAndSticky() {
  const board = boardWith();
  const miro = board.sdkFor('u1');
  const frame = await miro.board.createFrame({ title: 'F', x: 1000, y: 500, width: 600, height: 400 }); // top-left (700, 300)
  const sticky = await miro.board.createStickyNote({ content: 'x', x: 800, y: 400, width: 100 });
  return { board, miro, frame, sticky };
}

describe('frame.add', () => {
  it('does not move the item; its x/y become relative to the frame top-left', async () => {
    const { board, frame, sticky } = await frameAndSticky();
    const before = board.absoluteRect(sticky.id);
    const returned = await frame.add(sticky);
    expect(returned).toBe(sticky);
    expect(board.absoluteRect(sticky.id)).toEqual(before);
    expect(sticky.parentId).toBe(frame.id);
    expect([sticky.x, sticky.y]).toEqual([100, 100]);
    expect(frame.childrenIds).toEqual([sticky.id]);
  });

  it('a child read back later has frame-relative coordinates', async () => {
    const { miro, frame, sticky } = await frameAndSticky();
    await frame.add(sticky);
    const again = (await miro.board.getById(sticky.id)) as SdkStickyNote;
    expect([again.x, again.y, again.parentId]).toEqual([100, 100, frame.id]);
    const f = (await miro.board.getById(frame.id)) as SdkFrame;
    expect(f.childrenIds).toEqual([sticky.id]);
  });

  it('moving the frame carries its children', async () => {
    const { board, frame, sticky } = await frameAndSticky();
    await frame.add(sticky);
    frame.x += 250;
    await frame.sync();
    expect(board.absoluteRect(sticky.id).x).toBeCloseTo(800 + 250 - 50);
  });

  it('a child moved by sync moves relative to the frame', async () => {
    const { board, frame, sticky } = await frameAndSticky();
    await frame.add(sticky);
    sticky.x = 300;
    await sticky.sync();
    expect(board.absoluteRect(sticky.id).x + 50).toBeCloseTo(700 + 300);
  });

  it('frame.remove gives the item absolute coordinates again, without moving it', async () => {
    const { board, frame, sticky } = await frameAndSticky();
    await frame.add(sticky);
    const before = board.absoluteRect(sticky.id);
    await frame.remove(sticky);
    expect(sticky.parentId).toBeNull();
    expect([sticky.x, sticky.y]).toEqual([800, 400]);
    expect(board.absoluteRect(sticky.id)).toEqual(before);
    await refusedWith(frame.remove(sticky), 'NOT_A_CHILD');
  });

  it('removing a frame removes its children', async () => {
    const { board, miro, frame, sticky } = await frameAndSticky();
    await frame.add(sticky);
    await miro.board.remove(frame);
    expect(board.items()).toEqual([]);
    expect(board.isRemoved(sticky.id)).toBe(true);
  });

  it('refuses adding to a non-frame, the frame to itself, or to a removed frame', async () => {
    const { board, miro, frame, sticky } = await frameAndSticky();
    const conn = board.connect('u1', () => {});
    const other = await miro.board.createStickyNote({ content: 'y', x: 800, y: 400 });
    await refusedWith(conn.call('frame.add', [sticky.id, other.id]), 'INVALID_ARGUMENT');
    await refusedWith(frame.add(frame), 'INVALID_ARGUMENT');
    await miro.board.remove(frame);
    await refusedWith(frame.add(other), 'ITEM_REMOVED');
  });

  it('property: add succeeds exactly when the item lies inside the frame, and never moves it', async () => {
    const board = boardWith(['u1'], { creditsPerMinute: 1e12, creditsPerHour: 1e12 });
    const miro = board.sdkFor('u1');
    const frame = await miro.board.createFrame({ x: 0, y: 0, width: 1000, height: 800 });
    const fr = board.absoluteRect(frame.id);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: -700, max: 700 }), fc.integer({ min: -600, max: 600 }), fc.integer({ min: 8, max: 400 }), fc.integer({ min: 8, max: 400 }), async (x, y, width, height) => {
        const shape = await miro.board.createShape({ x, y, width, height });
        const before = board.absoluteRect(shape.id);
        const outcome = await frame.add(shape).then(() => 'added', (e: { code: string }) => e.code);
        expect(outcome).toBe(contains(fr, before) ? 'added' : 'CHILD_OUTSIDE_FRAME');
        expect(board.absoluteRect(shape.id)).toEqual(before);
        expect(shape.parentId).toBe(outcome === 'added' ? frame.id : null);
      }),
      { numRuns: 200 },
    );
  });
});
