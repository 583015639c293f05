/**
 * Moving into a sync server (carry-shared.ts, carry.ts) as properties: for any themes in the old
 * mode and any the server already holds, carrying fills in what the server lacks and changes
 * nothing it holds, once is as good as twice, and panels carrying at once converge on what one
 * panel's carry gives; for any votes, the results read the same after the move as before it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyCommand, carryShared, castVote, closeRound, clustersMap, createCluster, controlState, createRound, fieldMap, linkControlDoc, listClusters,
  membershipMap, openRound, readCluster, readMembership, revealRound, tally, type ClusterFields,
} from '../../../src/core/session/index.js';
import { fac, notes, startedDoc, T0 } from './setup.js';

const CLUSTERS = ['c1', 'c2', 'c3', 'c4'];
const NOTES = ['101', '102', '103', '104', '105', '106'];
const clusterFields = fc.record({ label: fc.constantFrom('A', 'B', 'Travlhed', ''), colour: fc.constantFrom('yellow', 'blue') });
/** Themes as a doc holds them: clusters by id, membership note → cluster. */
const themes = fc.record({
  clusters: fc.dictionary(fc.constantFrom(...CLUSTERS), clusterFields, { maxKeys: 4 }),
  membership: fc.dictionary(fc.constantFrom(...NOTES), fc.constantFrom(...CLUSTERS), { maxKeys: 6 }),
});
type Themes = typeof themes extends fc.Arbitrary<infer T> ? T : never;

function write(doc: Y.Doc, t: Themes): void {
  doc.transact(() => {
    for (const [id, f] of Object.entries(t.clusters)) clustersMap(doc).set(id, fieldMap<ClusterFields>({ ...f, colour: f.colour as ClusterFields['colour'], createdBy: 'u', createdAt: T0 }));
    for (const [n, c] of Object.entries(t.membership)) membershipMap(doc).set(n, c);
  });
}

function serverPair(): Y.Doc {
  const shared = new Y.Doc();
  linkControlDoc(shared, new Y.Doc());
  return shared;
}

const reading = (doc: Y.Doc) => ({
  clusters: Object.fromEntries(CLUSTERS.map((id) => [id, readCluster(doc, id)])),
  membership: Object.fromEntries([...readMembership(doc)].sort()),
});

describe('carrying everyone’s part into a sync server (property)', () => {
  it('fills in what the server lacks, changes nothing it holds; twice is once', () => {
    fc.assert(
      fc.property(themes, themes, (old, held) => {
        const from = new Y.Doc();
        write(from, old);
        const to = serverPair();
        write(to, held);
        const before = reading(to);
        carryShared(from, to);
        const after = reading(to);
        const was = reading(from);
        for (const id of CLUSTERS) expect(after.clusters[id]).toEqual(id in held.clusters ? before.clusters[id] : was.clusters[id]);
        for (const n of NOTES) expect(after.membership[n]).toEqual(n in held.membership ? before.membership[n] : was.membership[n]);
        const sv = Y.encodeStateVector(to);
        expect(carryShared(from, to)).toEqual({ clusters: 0, aliases: 0, members: 0 });
        expect(Y.encodeStateVector(to)).toEqual(sv);
      }),
      { numRuns: 200 },
    );
  });

  it('panels carrying at once into their own replicas converge on one panel’s carry', () => {
    fc.assert(
      fc.property(themes, themes, fc.integer({ min: 2, max: 4 }), (old, held, panels) => {
        const base = new Y.Doc();
        write(base, held);
        const replica = () => {
          const r = serverPair();
          Y.applyUpdate(r, Y.encodeStateAsUpdate(base));
          return r;
        };
        const from = new Y.Doc();
        write(from, old);
        const one = replica();
        carryShared(from, one);
        const many = Array.from({ length: panels }, replica);
        for (const r of many) carryShared(from, r);
        for (const a of many) for (const b of many) Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
        for (const r of many) {
          expect(reading(r)).toEqual(reading(one));
          expect(listClusters(r).length).toBe(listClusters(one).length);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('results after a move into a sync server (property)', () => {
  const rounds = fc.record({
    anonymity: fc.constantFrom('named' as const, 'anonymous' as const),
    budget: fc.integer({ min: 1, max: 4 }),
    capShare: fc.integer({ min: 1, max: 4 }),
    k: fc.integer({ min: 1, max: 3 }),
    revealed: fc.boolean(),
    grouped: fc.boolean(),
    votes: fc.array(fc.tuple(fc.constantFrom('k1', 'k2', 'k3', 'k4'), fc.constantFrom(...notes)), { maxLength: 16 }),
  });

  it('any votes, on notes in a theme or not: the round reads the same (status, respondents, rows) in the server as in Miro', () => {
    fc.assert(
      fc.property(rounds, (r) => {
        const doc = startedDoc();
        // Votes on a theme's notes count for the theme: the theme has to come along too.
        if (r.grouped) createCluster(doc, fac, { noteIds: [notes[0]!, notes[1]!], label: 'Travlhed', now: T0 });
        const cap = Math.min(r.capShare, r.budget);
        const c = createRound(doc, fac, { question: 'Q', scope: { kind: 'selection' }, targets: notes, budget: r.budget, cap, k: r.k, anonymity: r.anonymity, visibility: 'hidden', now: T0 });
        if (!c.ok) throw new Error(c.message);
        const id = c.value.roundId;
        openRound(doc, fac, { roundId: id, now: T0 });
        for (const [key, target] of r.votes) castVote(doc, { roundId: id, ballotKey: key, targetId: target, now: T0 + 1 });
        if (r.revealed) revealRound(doc, fac, { roundId: id, now: T0 + 2 });
        else closeRound(doc, fac, { roundId: id, now: T0 + 2 });
        const server = serverPair();
        carryShared(doc, server);
        expect(applyCommand(server, fac, { type: 'import-session', state: controlState(doc, T0 + 3) }).ok).toBe(true);
        expect(tally(server, id, { now: T0 + 4 })).toEqual(tally(doc, id, { now: T0 + 4 }));
      }),
      { numRuns: 150 },
    );
  });
});
