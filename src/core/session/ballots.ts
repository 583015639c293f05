/**
 * Ballots in fixed slots. A participant's ballot in round r is the keys `${ballotKey}.${slot}`
 * of the round's ballot map, slot = 0 … budget−1; a key's value is the target voted on.
 *
 * Budget, by structure: a ballot has `budget` keys and a Y.Map key holds one value under any
 * concurrency (last writer wins), so two devices of one person voting at the same moment can
 * at worst overwrite each other's slot (one vote lost, which their UI shows), never add one.
 * Slots ≥ budget are never written by this code and never counted.
 *
 * Cap, by a deterministic reading: two devices may each see a free slot and a target below
 * its cap and write different slots with the same target, so a ballot's raw slots can hold
 * more than `cap` votes on one target. The effective ballot reads slots in order and counts
 * at most `cap` per target; later slots on that target are ignored. Every replica computes
 * the same effective ballot from the same converged doc, so every counted ballot respects the
 * cap, and an ignored slot is free again for the next cast. Votes on a deleted target are
 * ignored and free their slot the same way.
 *
 * The cap is per item, as the tally counts: a note and the cluster that holds it now are one
 * item (vote-rules.ts). After regrouping, a ballot's votes on notes now in one cluster count up
 * to `cap` together; the slots over it are ignored (free again) and count once more if the
 * notes are taken apart before the slots are reused.
 */
import * as Y from 'yjs';
import { writeAs } from './anon-write.js';
import { isClusterId, resolveCluster } from './clusters.js';
import { readBallotMap, readSlot } from './read.js';
import { getRound, type RoundView } from './rounds.js';
import { ballotsMap, type SlotValue } from './schema.js';
import { SESSION_ORIGIN } from './types.js';
import { effectiveTarget, memoResolve, targetResolver } from './targets.js';
import { checkChange, closedReason, refuse, type BallotNow, type ItemOf } from './vote-rules.js';
import type { MyVotes, VoteError, VoteResult } from './voting.js';

/** A slot's key. Ballot keys are user ids (named) or random device keys (anonymous); the slot
 *  number follows the last '.', so a key may contain dots. */
export const slotKey = (ballotKey: string, slot: number) => `${ballotKey}.${slot}`;

/** Slots store an index into the round's targets where they can: a few bytes instead of an id. */
export function encodeTarget(round: Pick<RoundView, 'targets'>, targetId: string): SlotValue {
  const i = indexOf(round.targets).get(targetId);
  return i ?? targetId;
}

const indexes = new WeakMap<readonly string[], Map<string, number>>();
/** id → position, memoised per unpacked target list (itself memoised per stored value). */
function indexOf(targets: readonly string[]): Map<string, number> {
  let m = indexes.get(targets);
  if (!m) indexes.set(targets, (m = new Map(targets.map((t, i) => [t, i]))));
  return m;
}

/** Every ballot of a round as raw slot arrays (target id or undefined), slots < budget only;
 *  a bad slot reads as empty (read.ts). */
export function readBallots(doc: Y.Doc, round: RoundView): Map<string, (string | undefined)[]> {
  const out = new Map<string, (string | undefined)[]>();
  const m = readBallotMap(doc, round.id);
  if (!m) return out;
  for (const [key, value] of m) {
    const dot = key.lastIndexOf('.');
    const slot = Number(key.slice(dot + 1));
    if (dot <= 0 || !Number.isInteger(slot) || slot < 0 || slot >= round.budget) continue;
    const ballot = key.slice(0, dot);
    const target = readSlot(doc, round, key, value);
    if (target === undefined) continue;
    let slots = out.get(ballot);
    if (!slots) out.set(ballot, (slots = new Array<string | undefined>(round.budget).fill(undefined)));
    slots[slot] = target;
  }
  return out;
}

export interface EffectiveBallot {
  /** counted votes: slot → target as voted */
  counted: Map<number, string>;
  /** occupied slots that do not count (over cap, or target gone) */
  ignored: number[];
  /** slots that are empty */
  empty: number[];
}

/** The effective ballot: slots in order, at most `cap` per item (a note and the cluster that
 *  holds it are one), live targets only. */
export function effectiveBallot(slots: readonly (string | undefined)[], cap: number, itemOf: ItemOf): EffectiveBallot {
  const counted = new Map<number, string>();
  const ignored: number[] = [];
  const empty: number[] = [];
  const perItem = new Map<string, number>();
  slots.forEach((t, slot) => {
    if (t === undefined) return void empty.push(slot);
    const item = itemOf(t);
    const n = item === null ? cap : (perItem.get(item) ?? 0);
    if (n >= cap) return void ignored.push(slot);
    perItem.set(item!, n + 1);
    counted.set(slot, t);
  });
  return { counted, ignored, empty };
}

/** What a vote cast on a target counts for now (null: nothing), memoised for one read. */
export function itemResolver(doc: Y.Doc): ItemOf {
  const resolve = memoResolve(doc);
  return (targetId) => resolve(targetId)?.id ?? null;
}

/** A slot ballot as the rules see it (vote-rules.ts): a slot whose vote does not count is free. */
function ballotNow(slots: Slots, eff: EffectiveBallot): BallotNow {
  const counted = new Map<string, number>();
  const held = new Map<string, number>();
  for (const t of eff.counted.values()) counted.set(t, (counted.get(t) ?? 0) + 1);
  for (const t of slots) if (t !== undefined) held.set(t, (held.get(t) ?? 0) + 1);
  return { counted, held, used: eff.counted.size };
}

function slotsOf(doc: Y.Doc, round: RoundView, ballotKey: string): (string | undefined)[] {
  const m = readBallotMap(doc, round.id);
  const slots: (string | undefined)[] = [];
  for (let s = 0; s < round.budget; s++) {
    const key = slotKey(ballotKey, s);
    slots.push(m ? readSlot(doc, round, key, m.get(key)) : undefined);
  }
  return slots;
}

// ---- slot arrays: the effective reading; the rules themselves are in vote-rules.ts ----

type Slots = readonly (string | undefined)[];
type RoundRules = Pick<RoundView, 'id' | 'budget' | 'cap'>;

/** A ballot as its owner sees it. */
export function summarise(round: RoundRules, slots: Slots, itemOf: ItemOf): MyVotes {
  const eff = effectiveBallot(slots, round.cap, itemOf);
  const perTarget: Record<string, number> = {};
  for (const t of eff.counted.values()) perTarget[t] = (perTarget[t] ?? 0) + 1;
  return {
    roundId: round.id, budget: round.budget, cap: round.cap, used: eff.counted.size,
    remaining: round.budget - eff.counted.size, perTarget, ignored: eff.ignored.length,
  };
}

/** The slot a withdrawal empties: the highest holding that target, so over-cap slots go first. */
export function chooseWithdrawSlot(slots: Slots, targetId: string): number | null {
  const i = slots.lastIndexOf(targetId);
  return i < 0 ? null : i;
}

/** Raw counts per target as voted, and how many ballots have at least one counted vote. */
export interface RawCounts {
  respondents: number;
  counts: Map<string, number>;
}

export function countEffective(ballots: Iterable<Slots>, cap: number, itemOf: ItemOf): RawCounts {
  const counts = new Map<string, number>();
  let respondents = 0;
  for (const slots of ballots) {
    const eff = effectiveBallot(slots, cap, itemOf);
    if (eff.counted.size > 0) respondents++;
    for (const t of eff.counted.values()) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return { respondents, counts };
}

// ---- commands over the doc (no server) ----

export function myVotesIn(doc: Y.Doc, round: RoundView, ballotKey: string | null): MyVotes {
  const slots = ballotKey === null ? new Array<undefined>(round.budget).fill(undefined) : slotsOf(doc, round, ballotKey);
  return summarise(round, slots, itemResolver(doc));
}

/** A target may be voted on if it is one of the round's targets, or a live cluster holding one. */
export function checkTarget(doc: Y.Doc, round: RoundView, targetId: string): VoteError | null {
  const listed = indexOf(round.targets).has(targetId);
  if (listed) return effectiveTarget(doc, targetId) === null ? 'target-deleted' : null;
  if (!isClusterId(doc, targetId)) return 'not-a-target';
  const c = resolveCluster(doc, targetId);
  if (c === null) return 'target-deleted';
  const resolve = targetResolver(doc);
  const holds = round.targets.some((t) => resolve(t)?.id === c);
  return holds ? null : 'not-a-target';
}

export interface CastInput {
  roundId: string;
  /** the user id (named round) or the device's random key (anonymous round) */
  ballotKey: string;
  targetId: string;
  now?: number;
  /** Write the slot under this Yjs client id instead of the doc's own (anonymous rounds):
   *  the doc's client id is what awareness ties to a name. */
  asClientId?: number;
}


function votableRound(doc: Y.Doc, input: { roundId: string; ballotKey: string; now?: number }): RoundView | VoteError {
  if (!input.ballotKey) return 'not-signed-in';
  const round = getRound(doc, input.roundId, input.now ?? Date.now());
  if (round?.anonymity === 'sealed') return 'wrong-mode';
  return closedReason(round) ?? round!;
}

/** Cast one vote into the lowest free slot (empty, or holding a vote that does not count);
 *  one transaction. */
export function castVote(doc: Y.Doc, input: CastInput): VoteResult {
  const round = votableRound(doc, input);
  if (typeof round === 'string') return refuse(round);
  const slots = slotsOf(doc, round, input.ballotKey);
  const itemOf = itemResolver(doc);
  const eff = effectiveBallot(slots, round.cap, itemOf);
  const change = { target: input.targetId, delta: 1 };
  const bad = checkChange(round, ballotNow(slots, eff), change, itemOf, checkTarget(doc, round, input.targetId));
  if (bad) return refuse(bad);
  const slot = Math.min(...eff.empty, ...eff.ignored); // one is free: used < budget
  writeAs(doc, input.asClientId, () => {
    // A round's ballot map is made with the round; one that is missing or bad is made again.
    let m = readBallotMap(doc, round.id);
    if (!m) ballotsMap(doc).set(round.id, (m = new Y.Map<SlotValue>()));
    m.set(slotKey(input.ballotKey, slot), encodeTarget(round, input.targetId));
  });
  return { ok: true, votes: myVotesIn(doc, round, input.ballotKey) };
}

/** Withdraw one vote on a target; one transaction. */
export function withdrawVote(doc: Y.Doc, input: Omit<CastInput, 'asClientId'>): VoteResult {
  const round = votableRound(doc, input);
  if (typeof round === 'string') return refuse(round);
  const slots = slotsOf(doc, round, input.ballotKey);
  const itemOf = itemResolver(doc);
  const bad = checkChange(round, ballotNow(slots, effectiveBallot(slots, round.cap, itemOf)), { target: input.targetId, delta: -1 }, itemOf, null);
  if (bad) return refuse(bad);
  const slot = chooseWithdrawSlot(slots, input.targetId)!; // held, so found
  const m = readBallotMap(doc, round.id)!; // a slot was found in it
  // Deleting writes no new item, so it needs no client id of its own.
  doc.transact(() => m.delete(slotKey(input.ballotKey, slot)), SESSION_ORIGIN);
  return { ok: true, votes: myVotesIn(doc, round, input.ballotKey) };
}
