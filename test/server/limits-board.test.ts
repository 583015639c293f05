/**
 * One board cannot stall the others: a flood of big updates is refused at the board's size
 * cap (closing only the flooding connection, with a reason), a connection over its byte rate
 * is closed, and the flooded board stays joinable, also after a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeReasonOf } from '../../src/protocol/close.js';
import { defaultLimits, type Limits } from '../../src/server/config.js';
import { BoardSizes } from '../../src/server/limits.js';
import { roomName } from '../../src/server/miro-token.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { signedIn, stillOpen, syncFrame, type Closed } from './support/frames.js';
import { cleanup, client, startServer, TEAM, tempDir, waitFor, type Started } from './support/helpers.js';

const KiB = 1024;
const FLOODED = roomName(TEAM, 'flooded');
const OTHER = roomName(TEAM, 'other');

/** Sends `count` updates of about `bytes` each as fast as it can; resolves how the server closed it. */
async function flood(url: string, room: string, bytes: number, count: number): Promise<Closed & { sent: number }> {
  const { ws, closed } = await signedIn(url, 'flooder', room);
  const doc = new Y.Doc();
  let sent = 0;
  doc.on('update', (u: Uint8Array) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(syncFrame(2, u, room));
    sent++;
  });
  for (let i = 0; i < count && ws.readyState === ws.OPEN; i++) {
    doc.getMap('flood').set(`k${i}`, 'x'.repeat(bytes));
    await new Promise((r) => setTimeout(r, 5));
  }
  const result = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 3000))]);
  if (!result) throw new Error(`the flooder was never closed (${sent} updates sent)`);
  return { ...result, sent };
}

/** Two clients on one board still see each other's edits. */
async function roundTrip(a: ServerTransport, b: ServerTransport, tag: string): Promise<void> {
  a.doc.getMap('m').set(tag, true);
  await waitFor(() => b.doc.getMap('m').get(tag) === true, `round trip ${tag}`);
}

describe('the size cap of a board', () => {
  const limits: Limits = { ...defaultLimits, maxMessageBytes: 256 * KiB, maxBoardBytes: 512 * KiB, bytesPerSecond: 64 * 1024 * KiB, byteBurst: 64 * 1024 * KiB };
  const dataDir = tempDir();
  let s: Started;
  let others: ServerTransport[];
  let honest: ServerTransport;
  beforeAll(async () => {
    s = await startServer({ dataDir, limits });
    others = [client(s.url, 'o1', { room: OTHER }), client(s.url, 'o2', { room: OTHER })];
    honest = client(s.url, 'honest', { room: FLOODED });
    await Promise.all([...others, honest].map((c) => c.whenSynced()));
  });
  afterAll(async () => {
    [...others, honest].forEach((c) => c.destroy());
    await s.stop();
    cleanup(dataDir);
  });

  it('refuses the update that would pass it, closing only that connection and saying why', async () => {
    const r = await flood(s.url, FLOODED, 100 * KiB, 20);
    expect([r.code, r.reason]).toEqual([4507, 'board is full']);
    expect(r.sent).toBeGreaterThanOrEqual(5);
    expect(r.sent).toBeLessThan(20);
    // Other boards never noticed; on the flooded board an honest client still edits.
    await roundTrip(others[0]!, others[1]!, 'after-flood');
    expect(honest.status).toBe('synced');
    honest.doc.getMap('m').set('small', 'edit');
    await waitFor(() => !honest.provider.hasUnsyncedChanges, 'small edit taken');
    expect(honest.doc.getMap('flood').size).toBeGreaterThanOrEqual(1);
  });

  it('the flooded board stays joinable, with what was taken before the cap', async () => {
    const late = client(s.url, 'late', { room: FLOODED });
    await late.whenSynced();
    // What was taken before the cap, as the honest client on the board sees it.
    expect(late.doc.getMap('flood').size).toBe(honest.doc.getMap('flood').size);
    expect(late.doc.getMap('m').get('small')).toBe('edit');
    expect(Y.encodeStateAsUpdate(late.doc).byteLength).toBeLessThanOrEqual(limits.maxBoardBytes);
    late.destroy();
  });

  it("the project's own client is told why when its edit passes the cap", async () => {
    const big = client(s.url, 'big', { room: FLOODED });
    await big.whenSynced();
    const refused: { code: number; reason: string }[] = [];
    big.onRefused((r) => refused.push(r));
    big.doc.getMap('m').set('too-much', 'y'.repeat(200 * KiB));
    await waitFor(() => refused.length > 0, 'refusal reported');
    expect(refused[0]).toEqual({ code: 4507, reason: 'board is full' });
    expect(closeReasonOf(refused[0]!.code)).toBe('boardFull');
    big.destroy();
    // Nothing of it reached the board.
    const check = client(s.url, 'check', { room: FLOODED });
    await check.whenSynced();
    expect(check.doc.getMap('m').has('too-much')).toBe(false);
    check.destroy();
  });

  it('after a restart the board is loaded under the cap, and its size still counts', async () => {
    [...others, honest].forEach((c) => c.destroy());
    await s.stop();
    s = await startServer({ dataDir, limits });
    others = [client(s.url, 'o1', { room: OTHER }), client(s.url, 'o2', { room: OTHER })];
    honest = client(s.url, 'honest', { room: FLOODED });
    await Promise.all([...others, honest].map((c) => c.whenSynced()));
    expect(honest.doc.getMap('m').get('small')).toBe('edit');
    expect(honest.doc.getMap('flood').size).toBeGreaterThanOrEqual(1);
    // Already near the cap: the first big update is refused.
    const r = await flood(s.url, FLOODED, 100 * KiB, 5);
    expect([r.code, r.reason, r.sent <= 2]).toEqual([4507, 'board is full', true]);
    await roundTrip(others[0]!, others[1]!, 'after-restart');
  });
});

describe('the byte rate of a connection', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ limits: { ...defaultLimits, maxMessageBytes: 128 * KiB, bytesPerSecond: 64 * KiB, byteBurst: 256 * KiB, maxBoardBytes: 512 * KiB } });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('takes a burst, then closes a connection that keeps sending more than the rate', async () => {
    const r = await flood(s.url, FLOODED, 100 * KiB, 10);
    expect([r.code, r.reason]).toEqual([4429, 'too many bytes']);
    expect(r.sent).toBeGreaterThanOrEqual(2);
    const a = client(s.url, 'a', { room: OTHER });
    const b = client(s.url, 'b', { room: OTHER });
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    await roundTrip(a, b, 'after-rate');
    a.destroy();
    b.destroy();
  });

  it('a flooder reconnecting whenever the board is unloaded is held to the cap too', async () => {
    // Each connection sends its burst at once (before the board is loaded again), waits, leaves.
    const room = roomName(TEAM, 'reconnected');
    const closes: number[] = [];
    for (let i = 0; i < 8; i++) {
      const { ws, closed } = await signedIn(s.url, 'flooder', room);
      for (let k = 0; k < 2; k++) {
        const d = new Y.Doc();
        d.getMap('flood').set(`k${i}-${k}`, 'x'.repeat(100 * KiB));
        ws.send(syncFrame(2, Y.encodeStateAsUpdate(d), room));
      }
      const r = await Promise.race([closed, new Promise<null>((res) => setTimeout(() => res(null), 500))]);
      closes.push(r?.code ?? 0);
      ws.close();
      await new Promise((res) => setTimeout(res, 300)); // nobody holds the board: it is unloaded
    }
    expect(closes).toContain(4507);
    const late = client(s.url, 'late', { room });
    await late.whenSynced();
    expect(Y.encodeStateAsUpdate(late.doc).byteLength).toBeLessThanOrEqual(512 * KiB);
    late.destroy();
  });

  it('a slow sender of the same bytes stays', async () => {
    const { ws } = await signedIn(s.url, 'slow', OTHER);
    const doc = new Y.Doc();
    doc.on('update', (u: Uint8Array) => ws.send(syncFrame(2, u, OTHER)));
    for (let i = 0; i < 4; i++) {
      doc.getMap('slow').set(`k${i}`, 'x'.repeat(60 * KiB));
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await stillOpen(ws)).toBe(true);
    ws.close();
  });
});

describe('BoardSizes', () => {
  it('sums every document of a board and keeps boards apart', () => {
    const sizes = new BoardSizes();
    const a = roomName(TEAM, 'a');
    sizes.set(a, 100);
    sizes.add(a, 50);
    sizes.set(roomName(TEAM, 'b'), 7);
    sizes.set(roomName('999', 'a'), 9);
    expect([sizes.ofBoard(a), sizes.ofBoard(roomName(TEAM, 'b')), sizes.ofBoard(roomName('999', 'a'))]).toEqual([150, 7, 9]);
    sizes.set(a, 20);
    expect(sizes.ofBoard(a)).toBe(20);

  });
});
