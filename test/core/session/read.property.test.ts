/**
 * Every reader survives a hostile peer (or an older version): arbitrary values written into
 * every map of the doc (wrong types, Y types where a string belongs, huge strings, NaN, nested
 * junk, junk fields inside good entries) reach a replica as updates; then every reader returns
 * without throwing, every good entry is still read as before, each bad entry is reported at
 * most once however often it is read, and votes can still be cast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, castVote, clusterOf, createCluster, effectiveTarget, facilitatorOf, getRound, listClusters, listPlan,
  listRounds, MAP, markTargetsDeleted, mergeClusters, myVotesIn, publishedMap, readPresence, readSession,
  setBadEntryReporter, tally, type BadEntry,
} from '../../../src/core/session/index.js';
import { anne, bo, fac, notes, round, startedDoc, T0 } from './setup.js';

// ---- junk ----------------------------------------------------------------------------------

/** A value to write, built fresh for each doc (a Y type can be integrated once). */
type Junk =
  | { t: 'plain'; v: unknown }
  | { t: 'ymap'; fields: [string, Junk][] }
  | { t: 'yarray'; items: Junk[] }
  | { t: 'ytext'; s: string };

const FIELDS = [
  'question', 'scope', 'targets', 'budget', 'cap', 'anonymity', 'visibility', 'k', 'timeLimitMs', 'createdBy', 'createdAt',
  'openedAt', 'endsAt', 'closedAt', 'revealedAt', 'label', 'colour', 'layer', 'text', 'owner', 'when', 'preparedness',
  'sourceRound', 'sourceTarget', 'draft', 'facilitator', 'startedAt', 'respondents', 'counts', 'publishedAt', 'num', 'str',
];

const huge = fc.constantFrom('x'.repeat(70_000), '\u0000'.repeat(5000), '😀'.repeat(20_000));
const plainLeaf = fc.oneof(
  fc.string(), fc.string({ minLength: 101, maxLength: 400 }), fc.double(), fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e300),
  fc.integer(), fc.boolean(), fc.constant(null), fc.uint8Array({ maxLength: 20 }),
  fc.constantFrom('yellow', 'P', 'sealed', 'live', 'named', 'selection', '3458764511111111111', ''),
  { arbitrary: huge, weight: 1 },
);
const plain: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: plainLeaf, weight: 4 },
  fc.array(plainLeaf, { maxLength: 4 }),
  fc.dictionary(fc.constantFrom(...FIELDS, 'x'), plainLeaf, { maxKeys: 4 }),
  fc.record({ num: fc.oneof(fc.uint8Array({ maxLength: 20 }), plainLeaf), str: fc.oneof(fc.array(plainLeaf, { maxLength: 3 }), plainLeaf) }),
  fc.record({ respondents: plainLeaf, counts: fc.oneof(plainLeaf, fc.dictionary(fc.string(), plainLeaf)), publishedAt: plainLeaf }),
  fc.record({ kind: fc.constantFrom('zone', 'template', 'selection', 'x'), templateId: plainLeaf, zoneId: plainLeaf }),
);
const junk: fc.Arbitrary<Junk> = fc.letrec<{ j: Junk }>((tie) => ({
  j: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: plain.map((v) => ({ t: 'plain' as const, v })), weight: 4 },
    fc.array(fc.tuple(fc.constantFrom(...FIELDS, 'x'), tie('j')), { maxLength: 6 }).map((fields) => ({ t: 'ymap' as const, fields })),
    fc.array(tie('j'), { maxLength: 3 }).map((items) => ({ t: 'yarray' as const, items })),
    fc.string().map((s) => ({ t: 'ytext' as const, s })),
  ),
})).j;

function build(j: Junk): unknown {
  switch (j.t) {
    case 'plain':
      // Yjs takes plain objects only with Object's prototype (fast-check makes null ones too).
      return structuredClone(j.v);
    case 'ymap': {
      const m = new Y.Map<unknown>();
      for (const [k, v] of j.fields) m.set(k, build(v));
      return m;
    }
    case 'yarray': {
      const a = new Y.Array<unknown>();
      a.push(j.items.map(build));
      return a;
    }
    case 'ytext':
      return new Y.Text(j.s);
  }
}

// ---- the good doc ----------------------------------------------------------------------------

const [n1, n2, n3] = notes as [string, string, string, string];

function goodDoc() {
  const doc = startedDoc();
  const a = createCluster(doc, anne, { noteIds: [n1], label: 'Tid', now: T0 });
  const b = createCluster(doc, anne, { noteIds: [n2], label: 'Ro', colour: 'red', now: T0 });
  if (!a.ok || !b.ok) throw new Error('setup');
  mergeClusters(doc, anne, { from: [a.value.clusterId], into: b.value.clusterId });
  markTargetsDeleted(doc, anne, { ids: [notes[3]!], now: T0 });
  const named = round(doc);
  for (const [who, t] of [[anne, n1], [anne, n3], [bo, n2]] as const) {
    if (!castVote(doc, { roundId: named, ballotKey: who.userId, targetId: t, now: T0 }).ok) throw new Error('setup');
  }
  const sealed = round(doc, { anonymity: 'sealed' });
  doc.transact(() => publishedMap(doc).set(sealed, { respondents: 2, counts: { [n1]: 2, [n3]: 1 }, publishedAt: T0 }));
  const i = addInitiative(doc, fac, { layer: 'L', text: 'Tjek ind hver mandag', owner: 'Anne', now: T0 });
  if (!i.ok) throw new Error('setup');
  return { doc, rounds: [named, sealed], cluster: b.value.clusterId, initiative: i.value.initiativeId };
}

/** Everything the readers say about a doc. */
function readAll(doc: Y.Doc) {
  const rounds = listRounds(doc, T0);
  const keys = new Set([...doc.getMap(MAP.rounds).keys(), ...doc.getMap(MAP.ballots).keys(), ...doc.getMap(MAP.publishedTallies).keys()]);
  const tallies = Object.fromEntries([...keys].map((k) => [k, tally(doc, k, { now: T0 })]));
  for (const k of keys) getRound(doc, k, T0);
  const mine = rounds.map((r) => myVotesIn(doc, r, anne.userId));
  const notesRead = [...notes, ...doc.getMap(MAP.membership).keys()].map((n) => [clusterOf(doc, n), effectiveTarget(doc, n)]);
  return { rounds, tallies, mine, notesRead, clusters: listClusters(doc), plan: listPlan(doc), session: readSession(doc), facilitator: facilitatorOf(doc) };
}

// ---- hostile writes --------------------------------------------------------------------------

const MAPS = Object.values(MAP);
type Write =
  | { kind: 'entry'; map: string; key: string; value: Junk } // a new key of a top-level map
  | { kind: 'field'; map: 'rounds' | 'clusters' | 'plan'; which: number; field: string; value: Junk } // inside a good entry
  | { kind: 'slot'; round: number; key: string; value: Junk } // into a good round's ballot map
  | { kind: 'session'; field: 'facilitator' | 'startedAt'; value: Junk };

const key = fc.oneof(fc.string({ maxLength: 30 }), fc.string({ minLength: 100, maxLength: 300 }), fc.constantFrom('r1', 'c1', '1.0', '.', ''));
const write: fc.Arbitrary<Write> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('entry' as const), map: fc.constantFrom(...MAPS), key, value: junk }), weight: 5 },
  fc.record({ kind: fc.constant('field' as const), map: fc.constantFrom('rounds' as const, 'clusters' as const, 'plan' as const), which: fc.nat(1), field: fc.constantFrom(...FIELDS), value: junk }),
  { arbitrary: fc.record({ kind: fc.constant('slot' as const), round: fc.nat(1), key: fc.oneof(key, fc.string({ maxLength: 10 }).map((s) => `${s}.0`)), value: junk }), weight: 2 },
  fc.record({ kind: fc.constant('session' as const), field: fc.constantFrom('facilitator' as const, 'startedAt' as const), value: junk }),
);

/** A slot value that would be a real vote (an index into 4 targets, or an id): not junk. */
const isVote = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 4) || (typeof v === 'string' && /^[A-Za-z0-9_:.=-]{1,100}$/.test(v));

describe('readers under hostile values (property)', () => {
  it('skip every bad value, keep every good entry, report each bad entry once, never throw', () => {
    const reports: BadEntry[] = [];
    const restore = setBadEntryReporter((_d, e) => reports.push(e));
    try {
      fc.assert(
        fc.property(fc.array(write, { minLength: 1, maxLength: 8 }), (writes) => {
          const { doc, rounds, cluster, initiative } = goodDoc();
          const before = readAll(doc);
          reports.length = 0;
          // The hostile peer writes on its own replica; its update reaches ours.
          const peer = new Y.Doc();
          Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
          const goodKeys = new Set<string>([...rounds, cluster, initiative, ...notes, fac.userId, anne.userId, bo.userId]);
          const touched = { rounds: new Set<number>(), cluster: false, initiative: false, session: false };
          peer.transact(() => {
            for (const w of writes) {
              if (w.kind === 'entry' && !goodKeys.has(w.key) && !doc.getMap(w.map).has(w.key)) peer.getMap(w.map).set(w.key, build(w.value));
              if (w.kind === 'field') {
                const id = w.map === 'rounds' ? rounds[w.which]! : w.map === 'clusters' ? cluster : initiative;
                (peer.getMap(w.map).get(id) as Y.Map<unknown>).set(w.field, build(w.value));
                if (w.map === 'rounds') touched.rounds.add(w.which);
                else if (w.map === 'clusters') touched.cluster = true;
                else touched.initiative = true;
              }
              if (w.kind === 'slot' && !(w.value.t === 'plain' && isVote(w.value.v))) {
                (peer.getMap(MAP.ballots).get(rounds[w.round]!) as Y.Map<unknown>).set(w.key, build(w.value));
              }
              if (w.kind === 'session') {
                peer.getMap(MAP.session).set(w.field, build(w.value));
                touched.session = true;
              }
            }
          });
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(peer));

          const after = readAll(doc);
          const again = readAll(doc);
          expect(again).toEqual(after);
          // Each bad entry reported once, however often it was read.
          const ids = reports.map((r) => `${r.map}\n${r.key}`);
          expect(new Set(ids).size).toBe(ids.length);

          // Good entries are all still there, read as before.
          rounds.forEach((id, i) => {
            if (touched.rounds.has(i)) return;
            expect(after.rounds.find((r) => r.id === id)).toEqual(before.rounds.find((r) => r.id === id));
            // (a cluster made bad reads as gone: its notes count for themselves)
            if (!touched.cluster) expect(after.tallies[id]).toEqual(before.tallies[id]);
          });
          if (!touched.cluster) {
            const c = after.clusters.find((x) => x.id === cluster);
            const was = before.clusters.find((x) => x.id === cluster)!;
            expect(c).toMatchObject({ label: was.label, colour: was.colour });
            expect(c!.notes).toEqual(expect.arrayContaining(was.notes));
          }
          if (!touched.initiative) expect(after.plan.find((p) => p.id === initiative)).toEqual(before.plan.find((p) => p.id === initiative));
          if (!touched.session) expect(after.facilitator).toBe(fac.userId);
          for (const r of after.rounds) expect(Number.isInteger(r.budget) && r.cap <= r.budget && r.targets.length > 0).toBe(true);

          // And the board keeps working: a vote can still be cast in an untouched round.
          if (!touched.rounds.has(0)) {
            const cast = castVote(doc, { roundId: rounds[0]!, ballotKey: bo.userId, targetId: n3, now: T0 });
            expect(cast.ok).toBe(true);
          }
        }),
        { numRuns: 100 },
      );
    } finally {
      restore();
    }
  });

  it('presence: a peer state of any shape gives a name or nothing, reported once per awareness', () => {
    const awareness = {};
    const reports: BadEntry[] = [];
    const restore = setBadEntryReporter((_a, e) => reports.push(e));
    fc.assert(
      fc.property(fc.oneof(plain, fc.record({ presence: plain }), fc.record({ presence: fc.record({ name: plain }) })), (state) => {
        const p = readPresence(state, awareness);
        if (p !== null) expect(typeof p.name).toBe('string');
        expect(p?.name.length ?? 0).toBeLessThanOrEqual(200);
      }),
    );
    restore();
    expect(reports.length).toBeLessThanOrEqual(1);
  });
});
