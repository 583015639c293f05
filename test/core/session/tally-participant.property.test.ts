/**
 * Property (issue 9, the alias hole): whatever a participant writes into the maps everyone may
 * write (clusters, aliases, membership), every vote on a note of the round still counts, and
 * for something: the round's total and its respondents do not change, and each note of the
 * round is on a row. Writes may only move a note's votes from one row to another (grouping).
 * cap = budget, so the per-item cap (which grouping may bind by design) never binds here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  aliasesMap, castVote, setBadEntryReporter, clustersMap, createCluster, effectiveTarget, fieldMap, membershipMap, myVotesIn, getRound, tally,
  type ClusterFields,
} from '../../../src/core/session/index.js';
import { anne, bo, carl, notes, round, startedDoc, T0 } from './setup.js';

type W =
  | { kind: 'cluster'; key: number; remove: boolean }
  | { kind: 'alias'; from: number; to: number; remove: boolean }
  | { kind: 'member'; note: number; to: number; remove: boolean };

/** Ids a participant can name: the round's notes, a real cluster, a made-up cluster id. */
const idAt = (ids: string[], i: number) => ids[i % ids.length]!;
const write: fc.Arbitrary<W> = fc.oneof(
  fc.record({ kind: fc.constant('cluster' as const), key: fc.nat(20), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('alias' as const), from: fc.nat(20), to: fc.nat(20), remove: fc.boolean() }),
  fc.record({ kind: fc.constant('member' as const), note: fc.nat(20), to: fc.nat(20), remove: fc.boolean() }),
);

const cluster = (): Y.Map<unknown> =>
  fieldMap<ClusterFields>({ label: 'x', colour: 'yellow', createdBy: carl.userId, createdAt: T0 }) as unknown as Y.Map<unknown>;

describe('participant writes never make a vote on a note count for nothing (property)', () => {
  it('random cluster, alias and membership writes keep every note vote counted', () => {
    const restore = setBadEntryReporter(() => {});
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 25 }), (writes) => {
        const doc = startedDoc();
        const made = createCluster(doc, carl, { noteIds: [notes[3]!] });
        if (!made.ok) throw new Error('cluster');
        const ids = [...notes, made.value.clusterId, 'c-made-up', 'c-other'];
        const r = round(doc, { targets: notes.slice(0, 3), budget: 6, cap: 6 });
        for (const [who, t] of [[anne, notes[0]], [anne, notes[1]], [bo, notes[2]], [bo, notes[2]], [bo, notes[0]]] as const) {
          const v = castVote(doc, { roundId: r, ballotKey: who.userId, targetId: t!, now: T0 });
          if (!v.ok) throw new Error(v.message);
        }
        const before = tally(doc, r, { now: T0 });
        if (!before.visible) throw new Error('hidden');

        // The participant's writes, straight into the maps (as a modified app would).
        doc.transact(() => {
          for (const w of writes) {
            if (w.kind === 'cluster') {
              const k = idAt(ids, w.key);
              if (w.remove) clustersMap(doc).delete(k);
              else clustersMap(doc).set(k, cluster() as never);
            } else if (w.kind === 'alias') {
              const k = idAt(ids, w.from);
              if (w.remove) aliasesMap(doc).delete(k);
              else aliasesMap(doc).set(k, idAt(ids, w.to));
            } else {
              const k = idAt(ids, w.note);
              if (w.remove) membershipMap(doc).delete(k);
              else membershipMap(doc).set(k, idAt(ids, w.to));
            }
          }
        });

        const after = tally(doc, r, { now: T0 });
        if (!after.visible) throw new Error('hidden');
        expect(after.totalVotes).toBe(before.totalVotes);
        expect(after.respondents).toBe(before.respondents);
        expect(after.rows.reduce((n, row) => n + row.votes, 0)).toBe(before.totalVotes);
        const rows = new Set(after.rows.map((row) => row.targetId));
        for (const n of notes.slice(0, 3)) {
          const e = effectiveTarget(doc, n);
          expect(e).not.toBeNull();
          expect(rows.has(e!.id)).toBe(true);
        }
        // The voters' own ballots still count every vote, and a note still takes one.
        const round_ = getRound(doc, r, T0)!;
        expect(myVotesIn(doc, round_, anne.userId).used).toBe(2);
        expect(castVote(doc, { roundId: r, ballotKey: carl.userId, targetId: notes[0]!, now: T0 }).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
    restore();
  });
});
