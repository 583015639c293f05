/**
 * Ending a session over Miro's own channel: the facilitator's panel sends its last frame and
 * leaves only the `ended` mark in the board's storage (no manifest, chunks or lease); every
 * open panel holding the session learns it and stops; an old copy opened later stops before a
 * word, nothing it sends is taken in by a new session, and a snapshot it saves is ignored by
 * the panels that open after. A new session on the board saves as usual.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyCommand, decodeClients, readSession, startSession } from '../../src/core/session/index.js';
import { ENDED_KEY, MANIFEST_KEY, parseEnded } from '../../src/sync/snapshot-store.js';
import { findSecrets } from '../support/byte-search.js';
import { Board } from './harness.js';

const SECRET = 'Lederens egen sygemelding';
const FAC = { userId: 'fac' };

/** Every value in the board's storage, as stored (JSON). */
const storedText = (board: Board) => [...board.bus.storage.values()].join('\n');

describe('end and delete over Miro’s channel', () => {
  it('leaves only the ended mark; open panels stop; old copies never come back', async () => {
    // Small chunks: the snapshot is several keys, which must all go.
    const board = new Board(7, {}, { snapshotChunkChars: 1024 });
    const fac = board.join('fac');
    const anne = board.join('anne');
    const cut = board.join('cut');
    const ended: string[] = [];
    anne.transport.onEnded(() => ended.push('anne'));
    fac.transport.onEnded(() => ended.push('fac'));
    cut.transport.onEnded(() => ended.push('cut'));
    await board.run(3_000);
    startSession(fac.doc, FAC, { now: 1 });
    const notes = anne.doc.getMap<string>('m');
    for (let i = 0; i < 60; i++) notes.set(`n${i}`, `${SECRET} ${i} ${'x'.repeat(40)}`);
    await board.run(10_000);
    expect([...board.bus.storage.keys()].filter((k) => k.startsWith('snap.')).length).toBeGreaterThan(1);
    // An old copy, as a cache or a tab that was offline would hold it.
    const old = Y.encodeStateAsUpdate(anne.doc);
    // A panel cut off from the board while the session ends: it never hears of it.
    cut.peer.detach();

    const r = applyCommand(fac.doc, FAC, { type: 'end-session', now: 99 });
    expect(r.ok).toBe(true);
    const ending = fac.transport.end(99);
    await board.run(3_000);
    await ending;
    expect([...board.bus.storage.keys()]).toEqual([ENDED_KEY]);
    expect(findSecrets(storedText(board), [SECRET, 'fac', 'anne'])).toEqual([]);
    const mark = parseEnded(board.bus.getValue(ENDED_KEY));
    expect(mark?.at).toBe(99);
    expect([...decodeClients(mark?.clients).keys()].sort()).toEqual([fac.doc.clientID, anne.doc.clientID].sort());
    await board.run(3_000);
    expect([...ended].sort()).toEqual(['anne', 'fac']);
    expect(readSession(anne.doc).endedAt).toBe(99);
    expect([anne.transport.status, fac.transport.status]).toEqual(['offline', 'offline']);

    // A new session: a fresh panel. An old copy opening later stops at once and sends nothing in.
    const bo = board.join('bo');
    const stale = board.join('stale', { doc: (() => {
      const d = new Y.Doc();
      d.clientID = 77;
      Y.applyUpdate(d, old);
      return d;
    })() });
    let staleEnded = false;
    stale.transport.onEnded(() => (staleEnded = true));
    await board.run(3_000);
    expect(staleEnded).toBe(true);
    bo.doc.getMap('m').set('new', 'ny session');
    // The cut-off panel comes back and goes on editing its old copy: nobody takes it in.
    cut.peer.attach();
    cut.doc.getMap('m').set('n1', `${SECRET} edited`);
    await board.run(10_000);
    expect(cut.doc.getMap('m').get('n1')).toBeDefined();
    // … and is told through storage by the first panel that hears it: it stops too.
    expect(ended).toContain('cut');
    expect(bo.doc.getMap('m').toJSON(), JSON.stringify(bo.doc.getMap('m').toJSON()).slice(0, 200)).toEqual({ new: 'ny session' });
    expect(board.bus.getValue(MANIFEST_KEY)).toBeDefined();
    expect(findSecrets(storedText(board), [SECRET])).toEqual([]);
    const saved = new Y.Doc();
    const next = board.join('next');
    await board.run(3_000);
    Y.applyUpdate(saved, Y.encodeStateAsUpdate(next.doc));
    expect(saved.getMap('m').toJSON()).toEqual({ new: 'ny session' });
  }, 30_000);

  it('a snapshot an old copy saved over the board is ignored by the next panel to open', async () => {
    const board = new Board(11);
    const fac = board.join('fac');
    await board.run(2_000);
    startSession(fac.doc, FAC, { now: 1 });
    fac.doc.getMap('m').set('k', SECRET);
    await board.run(5_000);
    const oldManifest = board.bus.getValue(MANIFEST_KEY);
    expect(oldManifest).toBeDefined();
    const ending = fac.transport.end(5);
    await board.run(3_000);
    await ending;
    // An old copy's save lands after the end (it was offline and came back).
    board.bus.setValue(MANIFEST_KEY, oldManifest as never);
    const next = board.join('next');
    await board.run(3_000);
    expect(next.doc.getMap('m').toJSON()).toEqual({});
    expect(next.warnings.join(' ')).toMatch(/ended session/);
  }, 30_000);

  it('a refused deletion is said (the promise rejects) and tried again on the next call', async () => {
    const board = new Board(13);
    const fac = board.join('fac');
    await board.run(2_000);
    fac.doc.getMap('m').set('k', SECRET);
    await board.run(5_000);
    let fired = 0;
    fac.transport.onEnded(() => fired++);
    fac.peer.detach();
    const first = fac.transport.end(5).then(() => 'ended', () => 'refused');
    await board.run(3_000);
    expect(await first).toBe('refused');
    expect(fired).toBe(0);
    expect(board.bus.getValue(MANIFEST_KEY)).toBeDefined();
    fac.peer.attach();
    const again = fac.transport.end(5);
    await board.run(3_000);
    await again;
    expect(fired).toBe(1);
    expect([...board.bus.storage.keys()]).toEqual([ENDED_KEY]);
  }, 30_000);
});
