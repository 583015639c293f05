import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rateLimitError } from '../../sandbox/host/errors.js';
import { InsertionError } from '../../src/board/insertion-error.js';
import { insertionErrorText } from '../../src/ui/i18n/board-words.js';
import { contains, overlaps, type Rect } from '../../src/core/geometry.js';
import type { Layout } from '../../src/core/layout/types.js';
import { expectInserted, markerOf, setup, smallLayout, USER } from './stand-in-setup.js';

async function caught(p: Promise<unknown>): Promise<InsertionError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(InsertionError);
    return e as InsertionError;
  }
  throw new Error('expected the insertion to fail');
}

describe('WebSdkBoard.insertLayout against the stand-in', () => {
  it('creates every planned item, marked, inside its frame, at a free spot, and moves the view to it', async () => {
    // Jitter shuffles the order calls land in, so the stacking check means something.
    const { host, board } = setup({ latencyMs: 2, jitterMs: 6, seed: 3 });
    // Something already sits in the middle of the view.
    const blocker = host.hostCreate(USER, 'shape', { x: 0, y: 0, width: 800, height: 600, shape: 'rectangle' });
    const layout = smallLayout();
    const progress: Array<[number, number]> = [];
    const result = await board.insertLayout(layout, { onProgress: (d, t) => progress.push([d, t]) });

    expect(result.created).toBe(layout.items.length);
    expect(host.items().length).toBe(layout.items.length + 1);
    expectInserted(host, layout, result);
    expect(overlaps(result.frame, blocker.absolute)).toBe(false);
    expect(progress.map(([d]) => d)).toEqual(layout.items.map((_, k) => k + 1));
    expect(progress.every(([, t]) => t === layout.items.length)).toBe(true);
    expect(result.zoomed).toBe(true);
    expect(contains(host.viewportOf(USER), result.frame)).toBe(true);
  });

  it('puts the frame where asked when given `at`, and leaves the view alone with zoom: false', async () => {
    const { host, board } = setup();
    const before = host.viewportOf(USER);
    const result = await board.insertLayout(smallLayout(), { at: { x: 5000, y: -2000 }, zoom: false, insertionId: 'fixed-id' });
    expect(result.frame).toEqual({ x: 5000, y: -2000, width: 1200, height: 900 });
    expect(result.insertionId).toBe('fixed-id');
    expect(result.zoomed).toBe(false);
    expect(host.viewportOf(USER)).toEqual(before);
    expectInserted(host, smallLayout(), result);
  });

  it('a refusal halfway leaves nothing behind and says what went wrong', async () => {
    const { host, board } = setup({ latencyMs: 1 });
    host.hostCreate(USER, 'sticky_note', { content: 'already here', x: 3000, y: 3000 });
    const before = host.items().map((i) => i.id);
    host.failWhen((call) => call.method === 'board.createStickyNote' && (call.args[0] as { content: string }).content.includes('Pauser'));
    const err = await caught(board.insertLayout(smallLayout()));

    expect(host.items().map((i) => i.id)).toEqual(before);
    expect(err.code).toBe('refused');
    expect(err.phase).toBe('create');
    expect(err.elementId).toBe('card-3');
    expect(err.cause).toMatchObject({ code: 'INJECTED_FAILURE' });
    expect(err.removed).toBeGreaterThan(0);
    expect(err.leftBehind).toEqual([]);
    expect(insertionErrorText('da', err)).toBe('Miro afviste en del af skabelonen. Intet er indsat. Tjek at du kan redigere boardet, og prøv igen.');
    expect(err.message).toContain('"card-3"'); // the id stays for developers
    expect(insertionErrorText('en', err)).toContain('Nothing was inserted');
  });

  it.each([
    ['attach', 'frame.add'],
    ['mark', 'item.setMetadata'],
  ] as const)('a refusal in the %s phase rolls back too', async (phase, method) => {
    const { host, board } = setup();
    let n = 0;
    host.failWhen((call) => call.method === method && ++n === 3);
    const err = await caught(board.insertLayout(smallLayout()));
    expect(err.phase).toBe(phase);
    expect(host.items()).toEqual([]);
    expect(err.removed).toBe(host.stats().calls['board.remove']);
  });

  it('whichever call fails, the board goes back to what it was (property)', async () => {
    const layout = smallLayout();
    // frame: create + mark; every child: create + add + mark; plus viewport.get and findEmptySpace.
    const calls = 2 + 2 + 3 * (layout.items.length - 1);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: calls - 1 }), fc.integer({ min: 1, max: 6 }), async (k, concurrency) => {
        const { host, board } = setup({}, { concurrency });
        host.hostCreate(USER, 'text', { content: 'x', x: 0, y: 0, width: 100 });
        const before = host.items().map((i) => i.id);
        host.failAfter(k);
        const err = await caught(board.insertLayout(layout));
        expect(host.items().map((i) => i.id)).toEqual(before);
        expect(err.code).toBe(k < 2 ? 'no-space' : 'refused');
        expect(err.leftBehind).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('rate-limit refusals are retried and the insertion completes', async () => {
    const { host, board } = setup({ latencyMs: 1, seed: 7 });
    host.injectRateLimitErrors({ probability: 0.3 });
    const result = await board.insertLayout(smallLayout());
    host.clearFailures();
    expect(host.stats().rateLimited).toBeGreaterThan(0);
    expect(board.gate.stats.retries).toBe(host.stats().rateLimited);
    expectInserted(host, smallLayout(), result);
  });

  it('a rate limit that never lifts fails as rate-limited after bounded attempts, and rolls back', async () => {
    const { host, board } = setup({}, { retry: { attempts: 4, baseMs: 1, maxMs: 2 } });
    host.failWhen((call) => (call.method === 'board.createText' ? rateLimitError('test') : false));
    const err = await caught(board.insertLayout(smallLayout()));
    expect(err.code).toBe('rate-limited');
    expect(insertionErrorText('da', err)).toContain('Vent et minut');
    expect(host.stats().calls['board.createText']).toBeGreaterThanOrEqual(4);
    expect(host.items()).toEqual([]);
  });

  it('never has more SDK calls in flight than its bound', async () => {
    for (const concurrency of [1, 3, 8]) {
      const { host, board } = setup({ latencyMs: 3, jitterMs: 3 }, { concurrency });
      await board.insertLayout(smallLayout());
      expect(host.stats().maxInFlight).toBe(concurrency);
    }
  });

  it('aborting removes what was created and says so', async () => {
    const { host, board } = setup({ latencyMs: 2 });
    const ctl = new AbortController();
    const err = await caught(board.insertLayout(smallLayout(), { signal: ctl.signal, onProgress: (d) => d === 3 && ctl.abort() }));
    expect(err.code).toBe('aborted');
    expect(err.removed).toBeGreaterThanOrEqual(3);
    expect(insertionErrorText('en', err)).toBe('The insertion was cancelled. Nothing was inserted.');
    expect(host.items()).toEqual([]);
  });

  it('an abort before it starts creates nothing', async () => {
    const { host, board } = setup();
    const err = await caught(board.insertLayout(smallLayout(), { signal: AbortSignal.abort() }));
    expect(err.code).toBe('aborted');
    expect(host.stats().calls['board.createFrame'] ?? 0).toBe(0);
  });

  it('an invalid layout is refused before any call', async () => {
    const { host, board } = setup();
    const layout = smallLayout();
    layout.items.push({ ...(layout.items[1] as Extract<Layout['items'][number], { kind: 'text' }>), elementId: 'outside', rect: { x: 1300, y: 0, width: 50, height: 50 } });
    const err = await caught(board.insertLayout(layout));
    expect(err).toMatchObject({ code: 'invalid-layout', phase: 'validate', elementId: 'outside' });
    expect(host.stats().totalCalls).toBe(0);
  });
});

describe('rollback when Miro also refuses a removal', () => {
  it('reports exactly what it could not remove, and says so to the user', async () => {
    const { host, board } = setup();
    host.failWhen((call) => call.method === 'board.createText' && (call.args[0] as { content: string }).content.includes('Skriv'));
    // Removing the frame and the zones fails; the rest goes.
    const stubborn = new Set<string>();
    host.onChange((c) => c.kind === 'create' && c.ids.forEach((id) => ['shape', 'frame'].includes(host.item(id)!.type) && stubborn.add(id)));
    host.failWhen((call) => call.method === 'board.remove' && stubborn.has(call.args[0] as string));
    const err = await caught(board.insertLayout(smallLayout()));
    const left = host.items();
    expect(left.map((i) => i.type).sort()).toEqual(['frame', 'shape', 'shape']);
    expect([...err.leftBehind].sort()).toEqual(left.map((i) => i.id).sort());
    const creates = ['createFrame', 'createShape', 'createStickyNote', 'createText'].reduce((n, m) => n + (host.stats().calls[`board.${m}`] ?? 0), 0);
    expect(err.removed + err.leftBehind.length).toBe(creates - 1);
    expect(insertionErrorText('en', err)).toBe(
      'Miro refused part of the template. 3 items could not be removed again; they are in the template’s frame and can be deleted by hand. Check that you can edit the board, and try again.',
    );
  });
});
