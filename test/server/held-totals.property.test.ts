/**
 * The server keeps a sealed round's totals ballot by ballot (votes/held.ts) instead of counting
 * every ballot on every publication. Property: after any sequence of casts, withdrawals and
 * regroupings, the held totals equal a full count (countHeld).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countHeld, type ItemOf } from '../../src/core/session/vote-rules.js';
import { HeldRounds } from '../../src/server/votes/held.js';
import type { Ballot, RoundRecord, Storage } from '../../src/server/votes/types.js';

const TARGETS = ['n1', 'n2', 'n3', 'n4', 'n5'];
const USERS = ['a', 'b', 'c', 'd'];

const record = (version: number, cap: number): RoundRecord => ({
  id: 'r', question: 'q', scope: null, targets: TARGETS, budget: 9, cap, anonymity: 'sealed', visibility: 'live', k: 1,
  timeLimitMs: null, createdBy: 'f', createdAt: 0, openedAt: 1, endsAt: null, closedAt: null, revealedAt: null, version,
} as unknown as RoundRecord);

type Step =
  | { kind: 'ballot'; user: string; ballot: Ballot }
  | { kind: 'regroup'; groups: (string | null)[] }
  | { kind: 'publish' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('ballot' as const),
    user: fc.constantFrom(...USERS),
    ballot: fc.dictionary(fc.constantFrom(...TARGETS), fc.integer({ min: 1, max: 4 }), { maxKeys: 4 }),
  }),
  // Each target's item now: itself, a cluster, or gone (null).
  fc.record({ kind: fc.constant('regroup' as const), groups: fc.array(fc.constantFrom<string | null>('self', 'c1', 'c2', null), { minLength: 5, maxLength: 5 }) }),
  fc.constant({ kind: 'publish' as const }),
);

describe('held totals (incremental) equal a full count', () => {
  it('over casts, withdrawals and regroupings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.array(step, { maxLength: 40 }), async (cap, steps) => {
        const ballots = new Map<string, Ballot>();
        let version = 1;
        const storage = {
          round: async () => record(version, cap),
          ballots: async () => new Map([...ballots].map(([u, b]) => [u, { ...b }])),
        } as unknown as Storage;
        const held = new HeldRounds(storage);
        let groups: (string | null)[] = TARGETS.map(() => 'self');
        let grouping = 0;
        const itemOf: ItemOf = (t) => {
          const g = groups[TARGETS.indexOf(t)];
          return g === undefined || g === null ? null : g === 'self' ? t : g;
        };
        const round = await held.get('k', 'room', 'r', false);
        for (const s of steps) {
          if (s.kind === 'ballot') {
            version++;
            if (Object.keys(s.ballot).length > 0) ballots.set(s.user, { ...s.ballot });
            else ballots.delete(s.user);
            held.voted('k', s.user, { ballot: { ...s.ballot }, used: 0, round: record(version, cap) });
          } else if (s.kind === 'regroup') {
            groups = s.groups;
            grouping++;
          } else {
            const got = held.totals((await held.get('k', 'room', 'r', false))!, itemOf, grouping);
            const want = countHeld(ballots.values(), cap, itemOf);
            expect(got.respondents).toBe(want.respondents);
            expect(Object.fromEntries([...got.counts].sort())).toEqual(Object.fromEntries([...want.counts].sort()));
          }
        }
        const last = held.totals(round!, itemOf, grouping);
        expect(last.respondents).toBe(countHeld(ballots.values(), cap, itemOf).respondents);
      }),
      { numRuns: 300 },
    );
  });
});
