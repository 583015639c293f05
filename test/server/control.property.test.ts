/**
 * Property: whatever a participant's connection sends (any update to either of the board's
 * docs, well-formed or garbled, raw or through the app's own doc), the control doc the
 * server holds does not change.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MAP } from '../../src/core/session/schema.js';
import { controlRoom } from '../../src/protocol/votes.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, control, must, newRound, ROOM, settled, startServer, waitFor, type Started } from './support/helpers.js';
import { forgedUpdate, rawClient, updateFrame } from './support/raw.js';

const CONTROL = controlRoom(ROOM);
const NAMES = [...Object.values(MAP), 'other'];

type Op =
  | { kind: 'set'; map: string; key: string; value: unknown }
  | { kind: 'nested'; map: string; field: string; value: unknown }
  | { kind: 'delete'; map: string; key: string }
  | { kind: 'text'; name: string; text: string };

const value = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }), fc.constant(null), fc.boolean(), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 3 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), map: fc.constantFrom(...NAMES), key: fc.constantFrom('facilitator', 'r1', 'x', '101'), value }),
  fc.record({ kind: fc.constant('nested' as const), map: fc.constantFrom(MAP.rounds, MAP.plan), field: fc.constantFrom('openedAt', 'anonymity', 'k', 'text'), value }),
  fc.record({ kind: fc.constant('delete' as const), map: fc.constantFrom(...NAMES), key: fc.constantFrom('facilitator', 'r1', 'x', '101') }),
  fc.record({ kind: fc.constant('text' as const), name: fc.constantFrom(...NAMES), text: fc.string({ maxLength: 10 }) }),
);

/** Applies ops to a doc as a participant would write them (every existing nested map included). */
function write(doc: Y.Doc, ops: Op[]): void {
  doc.transact(() => {
    for (const o of ops) {
      try {
        if (o.kind === 'set') doc.getMap(o.map).set(o.key, o.value);
        else if (o.kind === 'delete') doc.getMap(o.map).delete(o.key);
        else if (o.kind === 'text') doc.getText(`${o.name}-t`).insert(0, o.text);
        else for (const m of doc.getMap(o.map).values()) if (m instanceof Y.Map) m.set(o.field, o.value);
      } catch {
        /* a write Yjs itself refuses: skipped */
      }
    }
  });
}

describe('no update from a participant changes the control doc (property)', () => {
  let s: Started;
  let fac: ServerTransport;
  let observer: ServerTransport;
  let p: ServerTransport;
  beforeAll(async () => {
    s = await startServer();
    fac = client(s.url, 'fac');
    observer = client(s.url, 'observer');
    p = client(s.url, 'mallory');
    await Promise.all([fac, observer, p].map((c) => c.whenSynced()));
    must(await control(fac).apply({ type: 'start-session' }));
    const r = await newRound(fac, { targets: ['101', '102'], anonymity: 'sealed', k: 1, visibility: 'hidden' }, false);
    await newRound(fac, { targets: ['101'] });
    must(await control(fac).apply({ type: 'add-initiative', layer: 'G', text: 'plan' }));
    await waitFor(() => observer.controlDoc.getMap(MAP.rounds).has(r) && Y.equalSnapshots(Y.snapshot(observer.controlDoc), Y.snapshot(fac.controlDoc)), 'control doc at the observer');
  });
  afterAll(async () => {
    [fac, observer, p].forEach((c) => c.destroy());
    await s.stop();
  });

  it('random writes and frames, to either doc, leave the server’s control doc as it was', async () => {
    // A snapshot is the state vector and the delete set: equal snapshots, equal docs.
    const before = Y.snapshot(observer.controlDoc);
    const unchanged = (doc: Y.Doc) => Y.equalSnapshots(Y.snapshot(doc), before);
    const content = (doc: Y.Doc) => JSON.stringify(NAMES.map((n) => doc.getMap(n).toJSON()));
    const snapshot = content(observer.controlDoc);
    let raw = await rawClient(s.url, 'mallory', [ROOM, CONTROL]);
    let runs = 0;
    let reconnects = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.constantFrom('app', 'raw-control', 'raw-shared', 'garbled'), fc.integer({ min: 0, max: 1 << 30 }), async (ops, via, seed) => {
        runs++;
        // A garbled frame may have cost the raw socket its connection: a modified app reconnects.
        if (raw.ws.readyState !== raw.ws.OPEN) {
          raw = await rawClient(s.url, 'mallory', [ROOM, CONTROL]);
          reconnects++;
        }
        // The app's doc: control maps route to its control doc. (Ballot slots and pulse answers
        // are left to the raw socket: the server closes a connection that writes them, and the
        // app's provider would send the refused write again on every reconnect. ballot-guard.ts;
        // hostile-tally.test.ts, hostile-answers.test.ts.)
        const guarded: string[] = [MAP.ballots, MAP.pulseAnswers];
        if (via === 'app') write(p.doc, ops.filter((o) => !guarded.includes('map' in o ? o.map : o.name)));
        else if (via === 'garbled') {
          // A well-framed update whose bytes are flipped: the server may refuse or drop the socket.
          const u = forgedUpdate(fac.controlDoc, (d) => write(d, ops));
          const bad = u.slice();
          const at = seed % Math.max(1, bad.length);
          if (bad.length > 0) bad[at] = bad[at]! ^ (1 + (seed % 255));
          raw.send(updateFrame(CONTROL, bad));
        } else {
          const room = via === 'raw-control' ? CONTROL : ROOM;
          const base = via === 'raw-control' ? fac.controlDoc : fac.doc;
          raw.send(updateFrame(room, forgedUpdate(base, (d) => write(d, ops))));
        }
        await settled(p, observer);
        expect(unchanged(observer.controlDoc)).toBe(true);
      }),
      { numRuns: 60 },
    );
    // The facilitator's doc and a client that joins now agree with the observer.
    const late = client(s.url, 'late');
    await late.whenSynced();
    expect(unchanged(late.controlDoc)).toBe(true);
    expect(content(late.controlDoc)).toBe(snapshot);
    expect(content(fac.controlDoc)).toBe(snapshot);
    late.destroy();
    raw.ws.terminate();
    expect(runs).toBe(60);
    void reconnects;
  });
});
