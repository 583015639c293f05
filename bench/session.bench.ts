/**
 * Session model figures (issue 3, item 6):
 * - session.doc-size: 1,000 notes (300 of them in 30 clusters) and a round over all of them
 *   with 100 participants × 10 votes, anonymous; the whole doc encoded.        target ≤ 64 KiB
 * - session.doc-size-named: the same with a named round (ballot keys are user ids). target ≤ 64 KiB
 * - session.toggle-growth: the doc's growth after one participant casts and withdraws the
 *   same vote 10,000 times.                                                    target ≤ 1 KiB
 * - session.tally-ms: median time of tally() on that doc.                     target ≤ 5 ms
 * - session.tally-vs-count: that time over a naive count of the same ballot map (iterate the
 *   Y.Map, count values) in the same run: the cost of cap, clusters and deletions.
 * Ids are Miro-like (19 digits) and participants write from their own Yjs clients, as on a board.
 */
import * as Y from 'yjs';
import type { BenchResult } from './types.js';
import {
  ballotsMap, castVote, createCluster, createRound, LocalVoteService, MemoryBallotKeyStore, markTargetsDeleted,
  openRound, revealRound, startSession, tally, withdrawVote, type Anonymity,
} from '../src/core/session/index.js';
import { mulberry32 } from '../src/core/random.js';

const NOTES = 1000;
const CLUSTERS = 30;
const PER_CLUSTER = 10;
const PARTICIPANTS = 100;
const VOTES = 10;
const TOGGLES = 10_000;

const miroId = (i: number) => `34587645${String(10_000_000_000 + i * 7919).slice(-11)}`;
const kib = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc).byteLength / 1024;

export async function buildDoc(anonymity: Anonymity) {
  const rand = mulberry32(42); // seeded: every run builds the same doc
  const doc = new Y.Doc();
  const fac = { userId: miroId(999_999) };
  const notes = Array.from({ length: NOTES }, (_, i) => miroId(i));
  const t0 = 1_700_000_000_000;
  startSession(doc, fac, { now: t0 });
  const clusters: string[] = [];
  for (let c = 0; c < CLUSTERS; c++) {
    const r = createCluster(doc, fac, { noteIds: notes.slice(c * PER_CLUSTER, (c + 1) * PER_CLUSTER), label: `Tema ${c + 1}`, now: t0 });
    if (r.ok) clusters.push(r.value.clusterId);
  }
  markTargetsDeleted(doc, fac, { ids: notes.slice(-5), now: t0 });
  const round = createRound(doc, fac, {
    question: 'Hvad er vigtigst for os?', scope: { kind: 'zone', templateId: 'not-talked-about', zoneId: 'z1' },
    targets: [...notes, ...clusters], budget: VOTES, cap: 3, anonymity, visibility: 'hidden', now: t0,
  });
  if (!round.ok) throw new Error(round.message);
  const roundId = round.value.roundId;
  openRound(doc, fac, { roundId, now: t0 });
  const live = [...notes.slice(CLUSTERS * PER_CLUSTER, NOTES - 5), ...clusters];
  const facClient = doc.clientID;
  for (let p = 0; p < PARTICIPANTS; p++) {
    const actor = { userId: miroId(500_000 + p) };
    doc.clientID = 1 + Math.floor(rand() * 0xfffffffe); // each participant's own Yjs client
    const service = new LocalVoteService(doc, { actor, ballotKeys: new MemoryBallotKeyStore(), now: () => t0 });
    for (let v = 0; v < VOTES; ) {
      const res = await service.cast(roundId, live[Math.floor(rand() * live.length)]!);
      if (res.ok) v++;
    }
  }
  doc.clientID = facClient;
  return { doc, roundId, fac, t0, live };
}

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMs(fn: () => void, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const { doc, roundId, fac, t0, live } = await buildDoc('anonymous');
  const size = kib(doc);
  log(`doc: ${NOTES} notes, ${CLUSTERS} clusters, ${PARTICIPANTS} × ${VOTES} anonymous votes: ${size.toFixed(1)} KiB`);
  log(`  (Yjs update v2 encoding: ${(Y.encodeStateAsUpdateV2(doc).byteLength / 1024).toFixed(1)} KiB)`);
  const named = await buildDoc('named');
  const namedSize = kib(named.doc);
  log(`same doc with a named round (ballots keyed by 19-digit user ids): ${namedSize.toFixed(1)} KiB`);

  // One more participant, on its own client, toggles one vote.
  const before = Y.encodeStateAsUpdate(doc).byteLength;
  const ballotKey = 'btoggler';
  const target = live[0]!;
  for (let i = 0; i < TOGGLES; i++) {
    const c = castVote(doc, { roundId, ballotKey, targetId: target, now: t0, asClientId: 7 });
    const w = withdrawVote(doc, { roundId, ballotKey, targetId: target, now: t0 });
    if (!c.ok || !w.ok) throw new Error('toggle refused');
  }
  const growth = (Y.encodeStateAsUpdate(doc).byteLength - before) / 1024;
  log(`growth after ${TOGGLES} toggles (each a cast and a withdraw): ${(growth * 1024).toFixed(0)} B`);

  // Reveal, so the tally computes and ranks every row rather than stopping at "hidden".
  if (!revealRound(doc, fac, { roundId, now: t0 }).ok) throw new Error('reveal refused');
  const runs = 101;
  const view = () => tally(doc, roundId, { now: t0 });
  const shown = view();
  if (!shown.visible) throw new Error(`tally hidden: ${shown.reason}`);
  log(`tally: ${shown.respondents} respondents, ${shown.totalVotes} votes, ${shown.rows.length} rows`);
  for (let i = 0; i < 10; i++) view();
  const tallyMs = timeMs(view, runs);
  const m = ballotsMap(doc).get(roundId)!;
  const naive = () => {
    const counts = new Map<unknown, number>();
    for (const v of m.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
  };
  for (let i = 0; i < 10; i++) naive();
  const naiveMs = timeMs(naive, runs);
  log(`tally median of ${runs}: ${tallyMs.toFixed(3)} ms; naive count of the same Y.Map: ${naiveMs.toFixed(3)} ms`);

  return [
    { name: 'session.doc-size', value: size, unit: 'KiB', target: 64, better: 'lower' },
    { name: 'session.doc-size-named', value: namedSize, unit: 'KiB', target: 64, better: 'lower' },
    { name: 'session.toggle-growth', value: growth, unit: 'KiB', target: 1, better: 'lower' },
    { name: 'session.tally-ms', value: tallyMs, unit: 'ms', target: 5, better: 'lower' },
    { name: 'session.tally-vs-count', value: tallyMs / naiveMs, unit: '×', target: 40, better: 'lower' },
  ];
}
