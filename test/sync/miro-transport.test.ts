import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Board, content, converged, randomEdit } from './harness.js';
import { MANIFEST_KEY, parseManifest } from '../../src/sync/snapshot-store.js';
import type { MiroChannel } from '../../src/sync/miro-channel.js';
import { SYNC_EVENT } from '../../src/sync/miro-transport.js';
import { decodeBase64, decodeFrame, encodeFrame, FrameKind, splitFrame } from '../../src/sync/wire.js';

describe('MiroTransport over a lossy bus', () => {
  // Default: authors resend what peers lack in their next frames, requests repair the rest.
  // Pull only: no resending, so every repair goes through requests and answers.
  it.each([
    ['default', {}],
    ['pull only', { redundancyBytes: 0 }],
  ])('converges (%s): 6 peers, a fifth of deliveries lost, duplicates, reordering, a late joiner and a peer offline for a while', async (_, options) => {
    const board = new Board(42, { loss: 0.2, duplicate: 0.1, delay: [5, 600] }, options);
    const early = ['a', 'b', 'c', 'd', 'off'].map((n) => board.join(n));
    await board.run(3_000);
    expect(early.every((r) => r.transport.status === 'synced')).toBe(true);

    const offline = early[4]!;
    let late: ReturnType<Board['join']> | undefined;
    let wentOffline = false;
    for (let t = 0; t < 90_000; t += 250) {
      if (offline.transport.status === 'offline') wentOffline = true;
      if (t === 10_000) offline.peer.detach();
      if (t === 60_000) offline.peer.attach();
      if (t === 45_000) late = board.join('late');
      for (const r of board.replicas) {
        if (board.rng() < 0.15) randomEdit(r.doc, board.rng, r.name);
      }
      await board.run(250);
    }
    expect(wentOffline).toBe(true);
    // The late joiner started from the snapshot written by then (an inline manifest: one read).
    expect(late!.transport.stats.storageGets).toBeGreaterThanOrEqual(1);

    await board.run(120_000); // quiet, still lossy
    const docs = board.replicas.map((r) => r.doc);
    expect(docs).toHaveLength(6);
    expect(converged(docs)).toBe(true);
    expect(Object.keys((content(docs[0]!) as { m: object }).m).length).toBeGreaterThan(0);
    expect(board.bus.counts.lost).toBeGreaterThan(100);
    expect(board.bus.counts.duplicated).toBeGreaterThan(10);
    for (const r of board.replicas) expect(r.warnings.filter((w) => w.includes('malformed'))).toEqual([]);
  });

  it('repairs a lost pure delete (equal state vectors, different delete sets)', async () => {
    const board = new Board(21, { loss: 0.2 });
    const rs = ['a', 'b', 'c'].map((n) => board.join(n));
    rs[0]!.doc.getMap('m').set('gone', 'soon');
    await board.run(60_000);
    expect(converged(rs.map((r) => r.doc))).toBe(true);
    board.bus.loss = 1; // the delete's own broadcast reaches nobody
    rs[0]!.doc.getMap('m').delete('gone');
    await board.run(1_000);
    board.bus.loss = 0.2;
    expect(rs[1]!.doc.getMap('m').get('gone')).toBe('soon');
    await board.run(120_000);
    expect(converged(rs.map((r) => r.doc))).toBe(true);
    expect(rs[1]!.doc.getMap('m').has('gone')).toBe(false);
  });

  it('asks again about a delete-set mismatch when the first requests and answers were lost', async () => {
    // No snapshots: a saved snapshot reaches every replica through storage and would heal it.
    const board = new Board(23, {}, { snapshotWriter: false });
    const rs = ['a', 'b', 'c'].map((n) => board.join(n));
    rs[0]!.doc.getMap('m').set('gone', 'soon');
    await board.run(10_000);
    board.bus.loss = 1;
    rs[0]!.doc.getMap('m').delete('gone'); // reaches nobody
    await board.run(1_000);
    board.bus.loss = 0;
    // Summaries get through, so everyone sees the mismatch, but every request and answer is lost.
    board.bus.deliverIf = (_f, _t, payload) => {
      const env = payload as { n: number; d: string };
      return env.n > 1 || decodeFrame(decodeBase64(env.d)).kind === FrameKind.data;
    };
    await board.run(100_000); // long enough for every heartbeat to be heard and every ask to fail
    expect(rs[1]!.doc.getMap('m').has('gone')).toBe(true);
    board.bus.deliverIf = null; // nothing changes any digest from here on: only a retry heals
    await board.run(60_000);
    expect(converged(rs.map((r) => r.doc))).toBe(true);
    expect(rs[1]!.doc.getMap('m').has('gone')).toBe(false);
  });

  it('goes offline when its calls fail and catches up after it comes back', async () => {
    const board = new Board(7, { loss: 0.2, duplicate: 0.05 });
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(3_000);
    const seen: string[] = [];
    b.transport.onStatus((s) => seen.push(s));
    b.peer.detach();
    a.doc.getMap('m').set('x', 'while b was away');
    b.doc.getMap('m').set('y', 'b offline edit');
    await board.run(30_000);
    expect(b.transport.status).toBe('offline');
    b.peer.attach();
    await board.run(60_000);
    expect(seen).toEqual(['offline', 'synced']);
    expect(converged([a.doc, b.doc])).toBe(true);
    expect(a.doc.getMap('m').get('y')).toBe('b offline edit');
  });

  it('an empty board loads the snapshot left by peers that have all gone', async () => {
    const board = new Board(3, { loss: 0.2 });
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(2_000);
    for (let i = 0; i < 40; i++) randomEdit((i % 2 ? a : b).doc, board.rng, `e${i}`);
    await board.run(40_000);
    await Promise.all([a.transport.leave(), b.transport.leave(), board.run(10_000)]);
    const manifest = parseManifest(board.bus.getValue(MANIFEST_KEY));
    expect(manifest).not.toBeNull();

    board.bus.loss = 1; // nobody to hear from: only the snapshot can help
    const c = board.join('c');
    await board.run(5_000);
    expect(c.transport.status).toBe('synced');
    expect(converged([a.doc, c.doc])).toBe(true);
  });

  it('compacts: the writer rewrites the snapshot from the merged doc after changes, old generations go', async () => {
    const board = new Board(17);
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(3_000);
    let updateBytes = 0;
    a.doc.on('update', (u: Uint8Array) => void (updateBytes += u.length));
    for (let i = 0; i < 300; i++) {
      (i % 2 ? a : b).doc.getMap('m').set('vote', `v${i}`); // 300 tiny updates to one key
      await board.run(200);
    }
    await board.run(40_000);
    const first = parseManifest(board.bus.getValue(MANIFEST_KEY))!;
    expect(first.writer).toBe(a.doc.clientID.toString(36)); // the lowest client id writes
    expect(first.bytes).toBeLessThan(updateBytes / 3); // overwritten values dropped, not a log of updates
    b.doc.getMap('m').set('more', 'x');
    await board.run(40_000);
    const second = parseManifest(board.bus.getValue(MANIFEST_KEY))!;
    expect(second.gen).not.toBe(first.gen);
    expect(second.n).toBe(0); // small enough to go inline: no chunks at all
    expect([...board.bus.storage.keys()].filter((k) => k.startsWith('snap.'))).toEqual([]);
    expect(b.transport.stats.storageSets).toBe(0); // one writer at a time
  });

  it('presence: peers see each other, and a peer that leaves disappears', async () => {
    const board = new Board(11, { loss: 0.2 });
    const rs = ['a', 'b', 'c'].map((n) => board.join(n));
    rs.forEach((r) => r.transport.awareness.setLocalStateField('user', r.name));
    await board.run(90_000); // a lost presence is resent with the next heartbeat (30 s)
    for (const r of rs) expect(r.transport.awareness.getStates().size).toBe(3);
    await Promise.all([rs[2]!.transport.leave(), board.run(5_000)]);
    await board.run(150_000); // removal message may be lost: the presence timeout still applies
    expect(rs[0]!.transport.awareness.getStates().size).toBe(2);
    expect(rs[1]!.transport.awareness.getStates().size).toBe(2);
  });

  it('ignores malformed messages with a warning, never throwing or touching the doc', async () => {
    const board = new Board(5);
    const a = board.join('a');
    await board.run(3_000);
    a.doc.getMap('m').set('keep', 'me');
    const before = Y.encodeStateAsUpdate(a.doc);
    const goodFrame = encodeFrame({ kind: FrameKind.data, reqId: '', replyTo: [], sv: new Uint8Array([0]), digest: 'x', messages: [] });
    const corrupted = goodFrame.slice();
    corrupted[corrupted.length - 1] = corrupted[corrupted.length - 1]! ^ 0xff;
    const garbage = new Uint8Array(64).map((_, i) => (i * 37 + 11) & 0xff);
    const bad: unknown[] = [
      null, 42, 'text', [], { v: 2 }, { v: 1, s: 9, k: 'k', i: 0, n: 1 },
      { v: 1, s: 9, k: 'k', i: 3, n: 2, d: '' },
      { v: 1, s: 9, k: 'b64', i: 0, n: 1, d: '!!not base64!!' },
      { v: 1, s: 9, k: 'garbage', i: 0, n: 1, d: Buffer.from(garbage).toString('base64') },
      { ...splitFrame(corrupted, 9, 'corrupt', 16_000)[0] },
      { v: 1, s: -1, k: 'neg', i: 0, n: 1, d: '' },
    ];
    for (const p of bad) expect(() => a.peer.inject(SYNC_EVENT, p)).not.toThrow();
    await board.run(2_000);
    expect(a.warnings.length).toBeGreaterThanOrEqual(bad.length);
    expect(Buffer.from(Y.encodeStateAsUpdate(a.doc)).equals(Buffer.from(before))).toBe(true);
    expect(a.doc.getMap('m').toJSON()).toEqual({ keep: 'me' });
  });

  it('chunks frames over the payload limit; lost chunks lose only their frame, which is repaired', async () => {
    const board = new Board(9, { maxPayloadChars: 2_000, loss: 0.2 }, { maxPayloadChars: 2_000 });
    const [a, b] = [board.join('a'), board.join('b')];
    await board.run(3_000);
    a.doc.getText('t').insert(0, 'x'.repeat(20_000)); // far over one payload: 14 chunks
    await board.run(1_000);
    expect(b.doc.getText('t').length).toBe(0); // some chunk of that frame was lost
    await board.run(120_000);
    expect(b.doc.getText('t').length).toBe(20_000);
    expect(a.transport.stats.broadcasts).toBeGreaterThan(10);
    expect(b.warnings).toEqual([]);
  });

  it('pays for each broadcast and storage call where its channel is metered (the host’s gate), and goes offline while that refuses', async () => {
    const board = new Board(13);
    let spent = 0;
    let refuse = false;
    const pay = async (c: number) => { if (refuse) throw new Error('budget exhausted'); spent += c; };
    // What WebSdkHost.channel does with its gate: pay, then call.
    const paying = (c: MiroChannel): MiroChannel => ({
      ...c,
      broadcast: async (e, p) => (await pay(50), c.broadcast(e, p)),
      storage: {
        ...c.storage,
        get: async (k) => (await pay(50), c.storage.get(k)),
        set: async (k, v) => (await pay(50), c.storage.set(k, v)),
        remove: async (k) => (await pay(50), c.storage.remove(k)),
      },
    });
    const a = board.join('a', {}, paying);
    const b = board.join('b');
    await board.run(3_000);
    a.doc.getMap('m').set('paid', 1);
    await board.run(3_000);
    const s = a.transport.stats;
    expect(spent).toBe(50 * (s.broadcasts + s.storageGets + s.storageSets + s.storageRemoves));
    refuse = true;
    a.doc.getMap('m').set('unpaid', 2);
    await board.run(3_000);
    expect(a.transport.status).toBe('offline');
    expect(b.doc.getMap('m').has('unpaid')).toBe(false);
    refuse = false;
    await board.run(30_000);
    expect(a.transport.status).toBe('synced');
    expect(b.doc.getMap('m').get('unpaid')).toBe(2);
  });
});
