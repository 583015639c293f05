import { afterEach, describe, expect, it, vi } from 'vitest';
import { CREDITS_PER_CALL } from '../../src/core/miro-rules.js';
import type { BoardChange } from '../../sandbox/host/stand-in.js';
import { boardWith, refusedWith } from './helpers.js';

afterEach(() => { vi.useRealTimers(); });

const sticky = (i = 0) => ({ content: `n${i}`, x: i * 300, y: 0 });

describe('rate limits', () => {
  it('refuse calls past the per-minute budget with a 429-like error, and recover when the minute has passed', async () => {
    let now = 0;
    const board = boardWith(['u1'], { creditsPerMinute: 3 * CREDITS_PER_CALL, now: () => now });
    const miro = board.sdkFor('u1');
    for (let i = 0; i < 3; i++) await miro.board.createStickyNote(sticky(i));
    const err = await refusedWith(miro.board.createStickyNote(sticky(3)), 'RATE_LIMIT_EXCEEDED');
    expect(err.status).toBe(429);
    expect(err.message).toMatch(/rate limit/i);
    expect(board.items()).toHaveLength(3); // the refused call did nothing
    now += 59_999;
    await refusedWith(miro.board.createStickyNote(sticky(3)), 'RATE_LIMIT_EXCEEDED');
    now += 1;
    await expect(miro.board.createStickyNote(sticky(3))).resolves.toBeTruthy();
    expect(board.stats().rateLimited).toBe(2);
    expect(board.stats().creditsSpent).toBe(4 * CREDITS_PER_CALL);
  });

  it('the hourly budget binds across minutes', async () => {
    let now = 0;
    const board = boardWith(['u1'], { creditsPerMinute: 2 * CREDITS_PER_CALL, creditsPerHour: 3 * CREDITS_PER_CALL, now: () => now });
    const miro = board.sdkFor('u1');
    await miro.board.getInfo();
    await miro.board.getInfo();
    now += 60_000;
    await miro.board.getInfo();
    const err = await refusedWith(miro.board.getInfo(), 'RATE_LIMIT_EXCEEDED');
    expect(err.message).toContain('per hour');
    now += 3_600_000;
    await expect(miro.board.getInfo()).resolves.toBeTruthy();
  });

  it('one budget for the whole board by default; creditScope "user" gives each user their own', async () => {
    for (const scope of ['user', 'board', undefined] as const) {
      const board = boardWith(['u1', 'u2'], { creditsPerMinute: 2 * CREDITS_PER_CALL, ...(scope ? { creditScope: scope } : {}), now: () => 0 });
      const [a, b] = [board.sdkFor('u1'), board.sdkFor('u2')];
      await a.board.getInfo();
      await a.board.getInfo();
      await refusedWith(a.board.getInfo(), 'RATE_LIMIT_EXCEEDED');
      const second = await b.board.getInfo().then(() => 'ok', (e: { code: string }) => e.code);
      expect(second).toBe(scope === 'user' ? 'ok' : 'RATE_LIMIT_EXCEEDED');
      expect(board.stats().creditsByUser.u1).toBe(2 * CREDITS_PER_CALL);
      expect(board.meter.creditsInWindow('u1').minute).toBe(2 * CREDITS_PER_CALL);
      expect(board.meter.creditsInWindow('u2').minute).toBe(scope === 'user' ? CREDITS_PER_CALL : 2 * CREDITS_PER_CALL);
    }
  });

  it('injected rate-limit errors switch on for the next N calls, by probability, and off', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    board.injectRateLimitErrors({ next: 2 });
    await refusedWith(miro.board.getInfo(), 'RATE_LIMIT_EXCEEDED');
    await refusedWith(miro.board.getInfo(), 'RATE_LIMIT_EXCEEDED');
    await expect(miro.board.getInfo()).resolves.toBeTruthy();
    board.injectRateLimitErrors({ probability: 1 });
    await refusedWith(miro.board.getInfo(), 'RATE_LIMIT_EXCEEDED');
    board.injectRateLimitErrors(null);
    await expect(miro.board.getInfo()).resolves.toBeTruthy();
  });

  it('a probability of 0.5 with a fixed seed refuses about half, the same calls each run', async () => {
    const run = async () => {
      const board = boardWith(['u1'], { seed: 7 });
      board.injectRateLimitErrors({ probability: 0.5 });
      const miro = board.sdkFor('u1');
      const out: boolean[] = [];
      for (let i = 0; i < 200; i++) out.push(await miro.board.getInfo().then(() => true, () => false));
      return out;
    };
    const [first, second] = [await run(), await run()];
    expect(first).toEqual(second);
    const ok = first.filter(Boolean).length;
    expect(ok).toBeGreaterThan(70);
    expect(ok).toBeLessThan(130);
  });
});

describe('injected failures', () => {
  it('failAfter(n) lets n calls through, fails the next one once, then calls succeed again', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    board.failAfter(2);
    await miro.board.createStickyNote(sticky(0));
    await miro.board.createStickyNote(sticky(1));
    const err = await refusedWith(miro.board.createStickyNote(sticky(2)), 'INJECTED_FAILURE');
    expect(err.message).toContain('call 3');
    await expect(miro.board.createStickyNote(sticky(3))).resolves.toBeTruthy();
    expect(board.items()).toHaveLength(3);
    expect(board.stats().injectedFailures).toBe(1);
  });

  it('failAfter takes a custom error; failWhen matches calls and can be cancelled', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    const custom = Object.assign(new Error('boom'), { code: 'BOOM' });
    board.failAfter(0, custom);
    await refusedWith(miro.board.getInfo(), 'BOOM');
    const cancel = board.failWhen((call) => call.method === 'board.createShape');
    await refusedWith(miro.board.createShape({ x: 0, y: 0, width: 10, height: 10 }), 'INJECTED_FAILURE');
    await expect(miro.board.createStickyNote(sticky())).resolves.toBeTruthy();
    cancel();
    await expect(miro.board.createShape({ x: 0, y: 0, width: 10, height: 10 })).resolves.toBeTruthy();
  });
});

describe('latency and concurrency', () => {
  it('each call waits latencyMs before it happens', async () => {
    vi.useFakeTimers();
    const board = boardWith(['u1'], { latencyMs: 100 });
    const miro = board.sdkFor('u1');
    let done = false;
    const p = miro.board.createStickyNote(sticky()).then(() => { done = true; });
    await vi.advanceTimersByTimeAsync(99);
    expect(done).toBe(false);
    expect(board.items()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(done).toBe(true);
    expect(board.items()).toHaveLength(1);
  });

  it('jitter reorders concurrent calls, deterministically for a seed', async () => {
    const order = async (seed: number) => {
      vi.useFakeTimers();
      const board = boardWith(['u1'], { latencyMs: 10, jitterMs: 50, seed });
      const miro = board.sdkFor('u1');
      const done: number[] = [];
      const all = Promise.all(Array.from({ length: 8 }, (_, i) => miro.board.createStickyNote(sticky(i)).then(() => done.push(i))));
      await vi.advanceTimersByTimeAsync(100);
      await all;
      vi.useRealTimers();
      return done;
    };
    const a = await order(3);
    expect(await order(3)).toEqual(a);
    expect(a).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts calls per method, credits, and the most calls in flight at once', async () => {
    vi.useFakeTimers();
    const board = boardWith(['u1'], { latencyMs: 20 });
    const miro = board.sdkFor('u1');
    const batch = Promise.all(Array.from({ length: 5 }, (_, i) => miro.board.createStickyNote(sticky(i))));
    await vi.advanceTimersByTimeAsync(20);
    const notes = await batch;
    const meta = notes[0]!.setMetadata('k', 1);
    await vi.advanceTimersByTimeAsync(20);
    await meta;
    const stats = board.stats();
    expect(stats.calls).toEqual({ 'board.createStickyNote': 5, 'item.setMetadata': 1 });
    expect(stats.totalCalls).toBe(6);
    expect(stats.creditsSpent).toBe(6 * CREDITS_PER_CALL);
    expect(stats.maxInFlight).toBe(5);
    expect(stats.inFlight).toBe(0);
    board.resetStats();
    expect(board.stats().totalCalls).toBe(0);
  });

  it('local subscriptions (events.on, ui.on, onValue) are not calls', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    await miro.board.events.on('x', () => {});
    miro.board.ui.on('icon:click', () => {});
    await miro.board.storage.collection('c').onValue('k', () => {});
    expect(board.stats().totalCalls).toBe(0);
  });
});

describe('change feed', () => {
  it('reports creates, updates, removals and selection for the page to redraw', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    const changes: BoardChange[] = [];
    const stop = board.onChange((c) => changes.push(c));
    const s = await miro.board.createStickyNote(sticky());
    s.x = 50;
    await s.sync();
    board.setSelection('u1', [s.id]);
    await miro.board.remove(s);
    stop();
    await miro.board.createStickyNote(sticky(1));
    expect(changes.map((c) => c.kind)).toEqual(['create', 'update', 'selection', 'remove']);
  });

  it('host-side edits (a person dragging a sticky) are validated and announced', async () => {
    const board = boardWith(['u1']);
    const miro = board.sdkFor('u1');
    const seen: string[] = [];
    miro.board.ui.on('items:create', () => seen.push('create'));
    const v = board.hostCreate('u1', 'sticky_note', { content: 'by hand', x: 0, y: 0 });
    expect(() => board.hostUpdate(v.id, { style: { fillColor: 'nope' } })).toThrow(/sticky note color/);
    board.hostUpdate(v.id, { x: 500 });
    expect(board.item(v.id)?.x).toBe(500);
    expect(board.stats().totalCalls).toBe(0);
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual(['create']);
  });
});
