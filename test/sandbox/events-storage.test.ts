import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import type { Json } from '@mirohq/websdk-types';
import { overlaps } from '../../src/core/geometry.js';
import { MAX_BROADCAST_BYTES, MAX_STORAGE_VALUE_BYTES } from '../../sandbox/host/rules.js';
import { boardWith, refusedWith } from './helpers.js';

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => { vi.useRealTimers(); });

describe('realtime events', () => {
  it('reach the other instances (other users and the same user in another tab), never the sender', async () => {
    const board = boardWith(['u1', 'u2', 'u3']);
    const [a, b, c, a2] = [board.sdkFor('u1'), board.sdkFor('u2'), board.sdkFor('u3'), board.sdkFor('u1')];
    const got: Record<string, unknown[]> = { a: [], b: [], c: [], a2: [] };
    await a.board.events.on('ping', (p) => got.a!.push(p));
    await b.board.events.on('ping', (p) => got.b!.push(p));
    await c.board.events.on('ping', (p) => got.c!.push(p));
    await a2.board.events.on('ping', (p) => got.a2!.push(p));
    await a.board.events.broadcast('ping', { n: 1 });
    await flush();
    expect(got).toEqual({ a: [], b: [{ n: 1 }], c: [{ n: 1 }], a2: [{ n: 1 }] });
  });

  it('have no history: an instance that joins later gets nothing', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    await a.board.events.broadcast('ping', 1);
    const late = board.sdkFor('u2');
    const got: unknown[] = [];
    await late.board.events.on('ping', (p) => got.push(p));
    await flush();
    expect(got).toEqual([]);
  });

  it('off() stops delivery; other event names are not delivered', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const got: unknown[] = [];
    const h = (p: unknown) => got.push(p);
    await b.board.events.on('x', h);
    await a.board.events.broadcast('y', 1);
    await a.board.events.broadcast('x', 2);
    await flush();
    await b.board.events.off('x', h);
    await a.board.events.broadcast('x', 3);
    await flush();
    expect(got).toEqual([2]);
  });

  it(`refuse a payload over ${MAX_BROADCAST_BYTES} bytes and accept one at the limit`, async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    const atLimit = 'x'.repeat(MAX_BROADCAST_BYTES - 2); // JSON adds the quotes
    await expect(a.board.events.broadcast('big', atLimit)).resolves.toBeUndefined();
    const err = await refusedWith(a.board.events.broadcast('big', atLimit + 'x'), 'PAYLOAD_TOO_LARGE');
    expect(err.status).toBe(413);
  });

  it('refuse a payload that is not JSON', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    await refusedWith(a.board.events.broadcast('x', new Map() as unknown as Json), 'NOT_JSON');
    await refusedWith(a.board.events.broadcast('x', { n: Number.POSITIVE_INFINITY }), 'NOT_JSON');
  });
});

describe('storage', () => {
  it('is shared, last writer wins, and onValue fires for everyone including the writer with a version', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const seen: Array<[string, unknown, string]> = [];
    await a.board.storage.collection('c').onValue('k', (v, ver) => seen.push(['a', v, ver]));
    await b.board.storage.collection('c').onValue('k', (v, ver) => seen.push(['b', v, ver]));
    await Promise.all([a.board.storage.collection('c').set('k', 'from-a'), b.board.storage.collection('c').set('k', 'from-b')]);
    await flush();
    expect(await a.board.storage.collection('c').get('k')).toBe('from-b');
    expect(await b.board.storage.collection('c').get('k')).toBe('from-b');
    expect(seen.map(([who, v]) => `${who}:${String(v)}`)).toEqual(['a:from-a', 'b:from-a', 'a:from-b', 'b:from-b']);
    const versions = seen.map(([, , ver]) => Number(ver));
    expect(versions[2]).toBeGreaterThan(versions[0]!);
    expect(await a.board.storage.collection('other').get('k')).toBeUndefined();
  });

  it('remove clears the value and tells listeners undefined', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    const seen: unknown[] = [];
    const coll = a.board.storage.collection('c');
    await coll.onValue('k', (v) => seen.push(v));
    await coll.set('k', { a: 1 });
    await coll.remove('k');
    await flush();
    expect(seen).toEqual([{ a: 1 }, undefined]);
    expect(await coll.get('k')).toBeUndefined();
  });

  it('values are copies: mutating what was set or got does not change the store', async () => {
    const board = boardWith();
    const coll = board.sdkFor('u1').board.storage.collection('c');
    const value = { list: [1, 2] };
    await coll.set('k', value);
    value.list.push(3);
    const got = await coll.get<{ list: number[] }>('k');
    got!.list.push(4);
    expect(await coll.get('k')).toEqual({ list: [1, 2] });
  });

  it(`refuses a value over ${MAX_STORAGE_VALUE_BYTES} bytes and keeps the old one`, async () => {
    const board = boardWith();
    const coll = board.sdkFor('u1').board.storage.collection('c');
    await coll.set('k', 'x'.repeat(MAX_STORAGE_VALUE_BYTES - 2));
    await refusedWith(coll.set('k', 'y'.repeat(MAX_STORAGE_VALUE_BYTES - 1)), 'STORAGE_VALUE_TOO_LARGE');
    expect((await coll.get<string>('k'))![0]).toBe('x');
  });
});

describe('UI events, users, token, features, viewport', () => {
  it('icon:click reaches only that user; selection:update carries item objects', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const clicks: string[] = [];
    a.board.ui.on('icon:click', () => clicks.push('a'));
    b.board.ui.on('icon:click', () => clicks.push('b'));
    board.clickIcon('u2');
    const s = await a.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    let selected: Array<{ id: string; sync: unknown }> = [];
    b.board.ui.on('selection:update', (e: { items: typeof selected }) => { selected = e.items; });
    board.setSelection('u2', [s.id]);
    await flush();
    expect(clicks).toEqual(['b']);
    expect(selected.map((i) => i.id)).toEqual([s.id]);
    expect(typeof selected[0]!.sync).toBe('function');
    expect((await b.board.getSelection()).map((i) => i.id)).toEqual([s.id]);
    expect(await a.board.getSelection()).toEqual([]);
  });

  it('items:create and items:delete reach every instance', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const log: string[] = [];
    b.board.ui.on('items:create', (e: { items: Array<{ id: string }> }) => log.push(`create ${e.items.length}`));
    b.board.ui.on('items:delete', (e: { items: Array<{ id: string }> }) => log.push(`delete ${e.items.length}`));
    const f = await a.board.createFrame({ x: 0, y: 0, width: 200, height: 200 });
    const s = await a.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 50 });
    await f.add(s);
    await a.board.remove(f);
    await flush();
    expect(log).toEqual(['create 1', 'create 1', 'delete 2']);
  });

  it('moves and frame changes arrive as experimental:items:update', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const log: string[][] = [];
    b.board.ui.on('experimental:items:update', (e: { items: Array<{ id: string; x: number }> }) => log.push(e.items.map((i) => `${i.id}@${i.x}`)));
    const s = await a.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 50 });
    s.x = 40;
    await s.sync();
    board.hostUpdate(s.id, { x: 60 });
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual([[`${s.id}@40`], [`${s.id}@60`]]);
  });

  it('a move or a content edit keeps the size of a sticky exactly (no float drift)', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    const s = await a.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 199 });
    const before = { width: board.item(s.id)!.width, height: board.item(s.id)!.height };
    s.content = '<p>y</p>';
    await s.sync();
    board.hostUpdate(s.id, { x: 60 });
    expect({ width: board.item(s.id)!.width, height: board.item(s.id)!.height }).toEqual(before);
  });

  it('openPanel makes the user online and tells everyone', async () => {
    const board = boardWith();
    const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
    const updates: string[][] = [];
    b.board.ui.on('online_users:update', (e: { users: Array<{ id: string }> }) => updates.push(e.users.map((u) => u.id)));
    expect(await a.board.getOnlineUsers()).toEqual([]);
    await a.board.ui.openPanel({ url: 'panel.html?user=u1' });
    await flush();
    expect(await b.board.getOnlineUsers()).toEqual([{ id: 'u1', name: 'User u1' }]);
    expect(updates).toEqual([['u1']]);
    expect(board.panelOf('u1')).toEqual({ url: 'panel.html?user=u1' });
  });

  it('getIdToken throws without a provider and asks the provider per user', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    const err = await refusedWith(a.board.getIdToken(), 'NO_TOKEN');
    expect(err.message).toMatch(/no token configured/);
    board.tokenProvider = (user) => `token-for-${user}`;
    expect(await a.board.getIdToken()).toBe('token-for-u1');
    expect(await board.sdkFor('u2').board.getIdToken()).toBe('token-for-u2');
  });

  it('user info, board info and features', async () => {
    const board = boardWith(['u1'], { boardId: 'b42', locale: 'de' });
    const a = board.sdkFor('u1');
    expect(await a.board.getUserInfo()).toEqual({ id: 'u1', name: 'User u1' });
    expect(await a.board.getInfo()).toMatchObject({ id: 'b42', locale: 'de' });
    expect(await a.board.canUse('timer')).toBe(false);
    board.features.timer = true;
    expect(await a.board.canUse('timer')).toBe(true);
    expect(() => board.sdkFor('nobody')).toThrow(/Unknown user/);
  });

  it('zoomTo fits the items into the viewport, keeping its aspect', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    const s1 = await a.board.createStickyNote({ content: 'x', x: 5000, y: 5000, width: 100 });
    const s2 = await a.board.createStickyNote({ content: 'x', x: 6000, y: 5200, width: 100 });
    await a.board.viewport.zoomTo([s1, s2]);
    const v = await a.board.viewport.get();
    for (const id of [s1.id, s2.id]) {
      const r = board.absoluteRect(id);
      expect(r.x).toBeGreaterThanOrEqual(v.x);
      expect(r.y).toBeGreaterThanOrEqual(v.y);
      expect(r.x + r.width).toBeLessThanOrEqual(v.x + v.width);
      expect(r.y + r.height).toBeLessThanOrEqual(v.y + v.height);
    }
    expect(v.width / v.height).toBeCloseTo(1920 / 1080);
    expect(board.viewportOf('u2')).not.toEqual(v); // per user
  });
});

describe('findEmptySpace', () => {
  it('returns the requested spot when it is free', async () => {
    const board = boardWith();
    const a = board.sdkFor('u1');
    expect(await a.board.findEmptySpace({ x: 10, y: 20, width: 100, height: 50 })).toEqual({ x: 10, y: 20, width: 100, height: 50 });
  });

  it('property: the answer never overlaps an item (with the offset as clearance) and is near', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ x: fc.integer({ min: -800, max: 800 }), y: fc.integer({ min: -800, max: 800 }), w: fc.integer({ min: 100, max: 400 }), h: fc.integer({ min: 100, max: 400 }) }), { maxLength: 25 }),
        fc.record({ width: fc.integer({ min: 20, max: 500 }), height: fc.integer({ min: 20, max: 500 }), offset: fc.integer({ min: 0, max: 50 }) }),
        async (shapes, want) => {
          const board = boardWith(['u1']);
          const a = board.sdkFor('u1');
          for (const s of shapes) await a.board.createShape({ x: s.x, y: s.y, width: s.w, height: s.h });
          const r = await a.board.findEmptySpace({ x: 0, y: 0, ...want });
          const padded = { x: r.x - r.width / 2 - want.offset, y: r.y - r.height / 2 - want.offset, width: r.width + 2 * want.offset, height: r.height + 2 * want.offset };
          for (const item of board.items()) expect(overlaps(padded, item.absolute)).toBe(false);
          expect(Math.hypot(r.x, r.y)).toBeLessThan(4000);
        },
      ),
      { numRuns: 60 },
    );
  });
});
