/**
 * Anonymity as a property, over any voters (ids, names with Danish letters), any number of
 * anonymous rounds and any casts and withdrawals, each voter on their own replica:
 * - the encoded doc (V1 and V2: what every client and the stored snapshot hold) contains no
 *   voter's user id or name in any encoding (raw, base64, base64url, hex, URI, JSON-escaped);
 * - a person's ballot keys in two rounds are unrelated: different, neither derived from the user
 *   (no id or name in any encoding inside), no shared run of four or more characters;
 * - each round's ballot slots are written by Yjs client ids used for nothing else: not for any
 *   other write, not for another round's ballots, not any replica's own client id (the one
 *   awareness shows next to a name).
 * A key made as "random + base64(user id)", or one client id reused across rounds, fails it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ballotsMap, LocalVoteService, MemoryBallotKeyStore, startSession } from '../../../src/core/session/index.js';
import { findSecrets } from '../../support/byte-search.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { fac, notes, round, T0 } from './setup.js';

// Ids apart from the facilitator's and the notes' (3458764 5…) in a leading digit: ids equal but
// for their last digit share most of their base64, which the search rightly reads as a find.
const voter = fc.record({
  userId: fc.bigInt({ min: 3458764600000000000n, max: 3458764699999999999n }).map(String),
  name: fc.tuple(fc.constantFrom('Anne', 'Bo', 'Ærlig', 'Søs', 'Åse', 'Jørgen', 'Mette'), fc.constantFrom('Mørk', 'Østergaard', 'Hansen', 'Ærø', 'Bøgh'))
    .map(([a, b]) => `${a} ${b}`),
});

const step = fc.record({ cast: fc.boolean(), note: fc.integer({ min: 0, max: 3 }) });

/** Runs of `n` characters the two strings share. */
function sharedRun(a: string, b: string, n: number): string | null {
  for (let i = 0; i + n <= a.length; i++) if (b.includes(a.slice(i, i + n))) return a.slice(i, i + n);
  return null;
}

describe('anonymous rounds, as a property', () => {
  it('hold no voter id or name, unrelated keys per round, and a client id per round used for nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(voter, { minLength: 2, maxLength: 5, selector: (v) => v.userId }).filter((vs) => new Set(vs.map((v) => v.name)).size === vs.length),
        fc.integer({ min: 2, max: 3 }),
        fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 5 }),
        async (voters, roundCount, plays) => {
          const net = new LinkedDocs(voters.length + 1);
          const [facDoc, ...docs] = net.docs as [Y.Doc, ...Y.Doc[]];
          startSession(facDoc, fac, { now: T0 });
          const rounds = Array.from({ length: roundCount }, () => round(facDoc, { anonymity: 'anonymous', budget: 3, cap: 2 }));
          net.flush();
          const keys = voters.map(() => new MemoryBallotKeyStore());
          const services = voters.map((v, i) => new LocalVoteService(docs[i]!, { actor: { userId: v.userId }, ballotKeys: keys[i]!, now: () => T0 }));
          for (const [r, roundId] of rounds.entries()) {
            for (const [i, svc] of services.entries()) {
              // Everyone votes at least once in every round, then plays their steps.
              await svc.cast(roundId, notes[(i + r) % 4]!);
              for (const s of plays[(i + r) % plays.length]!) {
                await (s.cast ? svc.cast(roundId, notes[s.note]!) : svc.withdraw(roundId, notes[s.note]!));
              }
              net.flush();
            }
          }
          net.flush();
          const secrets = voters.flatMap((v) => [v.userId, v.name]);

          // 1. Nothing names a voter, in any encoding.
          for (const update of [Y.encodeStateAsUpdate(facDoc), Y.encodeStateAsUpdateV2(facDoc)]) expect(findSecrets(update, secrets)).toEqual([]);

          // 2. Keys: one per person and round, unrelated to each other and to the person.
          for (const [i, store] of keys.entries()) {
            const mine = rounds.map((r) => store.get(r)!);
            for (const k of mine) {
              expect(k).toBeTruthy();
              expect(findSecrets(k, [voters[i]!.userId, voters[i]!.name])).toEqual([]);
            }
            for (let a = 0; a < mine.length; a++) for (let b = a + 1; b < mine.length; b++) expect(sharedRun(mine[a]!, mine[b]!, 4)).toBeNull();
          }

          // 3. Client ids: each round's ballots by its own clients, which wrote nothing else.
          const loaded = new Y.Doc();
          Y.applyUpdate(loaded, Y.encodeStateAsUpdate(facDoc));
          const writers = new Map<unknown, Set<number>>();
          for (const [client, structs] of loaded.store.clients) {
            for (const s of structs) {
              if (!(s instanceof Y.Item)) continue;
              const where = rounds.find((r) => s.parent === ballotsMap(loaded).get(r)) ?? 'elsewhere';
              if (!writers.has(where)) writers.set(where, new Set());
              writers.get(where)!.add(client);
            }
          }
          const own = new Set(net.docs.map((d) => d.clientID));
          const seen = new Set<number>();
          for (const r of rounds) {
            const clients = writers.get(r) ?? new Set<number>();
            expect(clients.size).toBe(voters.length); // one per voter and round
            for (const c of clients) {
              expect(own.has(c)).toBe(false);
              expect(writers.get('elsewhere')?.has(c) ?? false).toBe(false);
              expect(seen.has(c)).toBe(false); // not another round's
              seen.add(c);
            }
          }
          net.destroy();
        },
      ),
      { numRuns: 25 },
    );
  });
});
