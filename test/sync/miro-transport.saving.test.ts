/**
 * Nothing lost over Miro's own channel (issue 8): a change is saved within seconds, also when
 * every panel closes right after it; the snapshot writer hands over when it leaves or crashes;
 * a joiner sees who is here at once. Each over 20 seeds on the lossy bus the convergence tests
 * use (a fifth of deliveries lost, duplicates, reordering).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, type Replica } from './harness.js';
import { chunkKey, inlineState, MANIFEST_KEY, parseManifest } from '../../src/sync/snapshot-store.js';
import { decodeBase64 } from '../../src/sync/wire.js';
import { settle } from '../support/sim-bus.js';

const LOSSY = { loss: 0.2, duplicate: 0.1, delay: [5, 600] as [number, number] };
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const SAVE_DELAY_MS = 1_500;
const HEARTBEAT_MS = 30_000;
const LEASE_MS = 30_000;

/** The doc as the stored snapshot has it (what the next panel to open loads), or null. */
function stored(board: Board): Y.Doc | null {
  const m = parseManifest(board.bus.getValue(MANIFEST_KEY));
  if (!m) return null;
  let update: Uint8Array;
  if (m.n === 0) update = inlineState(m);
  else {
    let data = '';
    for (let i = 0; i < m.n; i++) data += (board.bus.getValue(chunkKey(m.gen, i)) as { d: string }).d;
    update = decodeBase64(data);
  }
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

function storedValue(board: Board, key: string): unknown {
  return stored(board)?.getMap('m').get(key);
}

/** A page closing: its pagehide runs (leave) with its microtasks, then it is gone for good. */
async function close(r: Replica): Promise<void> {
  void r.transport.leave();
  await settle();
  r.peer.detach();
}

/** Runs until `done` holds (checked every 50 ms) or `limitMs` passes; resolves to the time taken. */
async function until(board: Board, done: () => boolean, limitMs: number): Promise<number> {
  const start = board.scheduler.now;
  while (!done() && board.scheduler.now - start < limitMs) await board.run(50);
  return board.scheduler.now - start;
}

describe('MiroTransport saving (issue 8)', () => {
  it.each(SEEDS)('seed %i: a change, then every panel closes within one second: the next panel has it', async (seed) => {
    const board = new Board(seed, LOSSY);
    const rs = ['a', 'b', 'c'].map((n) => board.join(n));
    await board.run(3_000);
    rs[0]!.doc.getMap('m').set('first', 1);
    await board.run(20_000);
    expect(storedValue(board, 'first')).toBe(1);

    // Anyone makes the last change; all three close at random moments within the next second.
    const author = rs[Math.floor(board.rng() * 3)]!;
    author.doc.getMap('m').set('last', author.name);
    const closings = rs.map((r) => ({ r, at: Math.floor(board.rng() * 1_000) })).sort((x, y) => x.at - y.at);
    let t = 0;
    for (const { r, at } of closings) {
      await board.run(at - t);
      t = at;
      await close(r);
    }
    await board.run(5_000);
    const next = board.join('next');
    await board.run(3_000);
    expect(next.doc.getMap('m').get('last')).toBe(author.name);
    expect(next.doc.getMap('m').get('first')).toBe(1);
  });

  it.each(SEEDS)('seed %i: the writer leaves; the remaining panel saves a later change within the debounce and a few heartbeats', async (seed) => {
    const board = new Board(seed, LOSSY);
    const [writer, other] = [board.join('writer'), board.join('other')]; // the lower client id writes first
    await board.run(3_000);
    writer.doc.getMap('m').set('before', 1);
    await board.run(10_000);
    expect(parseManifest(board.bus.getValue(MANIFEST_KEY))?.writer).toBe(writer.doc.clientID.toString(36));
    await close(writer);
    await board.run(500);
    other.doc.getMap('m').set('renamed', 'after the writer left');
    const took = await until(board, () => storedValue(board, 'renamed') === 'after the writer left', 120_000);
    expect(took).toBeLessThanOrEqual(SAVE_DELAY_MS + 3 * HEARTBEAT_MS);
    await board.run(500); // the write's answer, after the value landed
    expect(other.transport.saveStatus.state).toBe('saved');
    expect(storedValue(board, 'before')).toBe(1);
  });

  it('the goodbye hands the writing over at once: within the debounce and a few calls', async () => {
    const took: number[] = [];
    for (const seed of SEEDS) {
      const board = new Board(seed, { ...LOSSY, loss: 0 });
      const [writer, other] = [board.join('writer'), board.join('other')];
      await board.run(3_000);
      writer.doc.getMap('m').set('x', 1);
      await board.run(10_000);
      await close(writer);
      await board.run(1_000);
      other.doc.getMap('m').set('y', 2);
      took.push(await until(board, () => storedValue(board, 'y') === 2, 60_000));
    }
    expect(Math.max(...took)).toBeLessThanOrEqual(SAVE_DELAY_MS + 1_500);
  });

  it.each(SEEDS)('seed %i: a crashed writer (no goodbye) is replaced within the lease', async (seed) => {
    const board = new Board(seed, LOSSY);
    const [writer, other] = [board.join('writer'), board.join('other')];
    await board.run(3_000);
    writer.doc.getMap('m').set('before', 1);
    await board.run(10_000);
    expect(parseManifest(board.bus.getValue(MANIFEST_KEY))?.writer).toBe(writer.doc.clientID.toString(36));
    writer.peer.detach(); // gone without a word; its lease is still in storage
    other.doc.getMap('m').set('after', 'the crash');
    const took = await until(board, () => storedValue(board, 'after') === 'the crash', 120_000);
    expect(took).toBeLessThanOrEqual(LEASE_MS + SAVE_DELAY_MS);
    expect(parseManifest(board.bus.getValue(MANIFEST_KEY))?.writer).toBe(other.doc.clientID.toString(36));
  });

  it.each(SEEDS)('seed %i: a hidden page saves its own edits at once (it may be discarded without a pagehide)', async (seed) => {
    const board = new Board(seed, LOSSY);
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(5_000);
    b.doc.getMap('m').set('hidden', seed);
    b.transport.saveNow();
    await settle();
    b.peer.detach(); // discarded: no more timers, no replies
    a.peer.detach(); // and nobody else saves it
    await board.run(2_000);
    expect(storedValue(board, 'hidden')).toBe(seed);
  });

  it('save status: saving after a change, saved once the snapshot holds it', async () => {
    const board = new Board(4, LOSSY);
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(5_000);
    const seen: string[] = [];
    b.transport.onSaveStatus((s) => seen.push(s.state));
    b.doc.getMap('m').set('k', 'v');
    expect(b.transport.saveStatus.state).toBe('saving');
    await board.run(8_000);
    expect(b.transport.saveStatus.state).toBe('saved');
    expect(a.transport.saveStatus.state).toBe('saved');
    expect(seen).toEqual(['saving', 'saved']);
    expect(b.transport.saveStatus.savedAt).toBeGreaterThan(5_000);
  });

  it.each(SEEDS)('seed %i: a joiner sees everyone present within two seconds', async (seed) => {
    const board = new Board(seed, LOSSY);
    const rs = Array.from({ length: 15 }, (_, i) => board.join(`p${i}`));
    rs.forEach((r) => r.transport.awareness.setLocalStateField('user', r.name));
    await board.run(100_000);
    const joiner = board.join('joiner');
    joiner.transport.awareness.setLocalStateField('user', 'joiner');
    await board.run(2_000);
    expect(joiner.transport.awareness.getStates().size).toBe(16);
  });

  it('a panel that leaves is gone from everyone\'s presence at once', async () => {
    const board = new Board(12, { ...LOSSY, loss: 0 });
    const rs = ['a', 'b', 'c'].map((n) => board.join(n));
    rs.forEach((r) => r.transport.awareness.setLocalStateField('user', r.name));
    await board.run(40_000);
    for (const r of rs) expect(r.transport.awareness.getStates().size).toBe(3);
    await close(rs[1]!);
    await board.run(1_000);
    expect(rs[0]!.transport.awareness.getStates().size).toBe(2);
    expect(rs[2]!.transport.awareness.getStates().size).toBe(2);
  });
});
