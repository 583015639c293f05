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
 * The cap is per target as voted: after regrouping, a cluster can hold more than `cap` votes
 * of one ballot cast on different notes. We keep them: regrouping loses nothing.
 */
import * as Y from 'yjs';
import { isClusterId, resolveCluster } from './clusters.js';
import { readBallotMap, readSlot } from './read.js';
import { getRound, type RoundView } from './rounds.js';
import { ballotsMap, type SlotValue } from './schema.js';
import { SESSION_ORIGIN } from './types.js';
import { effectiveTarget, targetResolver } from './targets.js';
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

/** The effective ballot: slots in order, at most `cap` per target, live targets only. */
export function effectiveBallot(slots: readonly (string | undefined)[], cap: number, isLive: (targetId: string) => boolean): EffectiveBallot {
  const counted = new Map<number, string>();
  const ignored: number[] = [];
  const empty: number[] = [];
  const perTarget = new Map<string, number>();
  slots.forEach((t, slot) => {
    if (t === undefined) return void empty.push(slot);
    const n = perTarget.get(t) ?? 0;
    if (n >= cap || !isLive(t)) return void ignored.push(slot);
    perTarget.set(t, n + 1);
    counted.set(slot, t);
  });
  return { counted, ignored, empty };
}

/** Whether a vote cast on this target would count now. */
export function liveTarget(doc: Y.Doc): (targetId: string) => boolean {
  const resolve = targetResolver(doc);
  return (targetId) => resolve(targetId) !== null;
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

// ---- the rules, as pure functions over slot arrays: the sync server applies the same ones ----

type Slots = readonly (string | undefined)[];
type RoundRules = Pick<RoundView, 'id' | 'budget' | 'cap'>;

/** A ballot as its owner sees it. */
export function summarise(round: RoundRules, slots: Slots, isLive: (t: string) => boolean): MyVotes {
  const eff = effectiveBallot(slots, round.cap, isLive);
  const perTarget: Record<string, number> = {};
  for (const t of eff.counted.values()) perTarget[t] = (perTarget[t] ?? 0) + 1;
  return {
    roundId: round.id, budget: round.budget, cap: round.cap, used: eff.counted.size,
    remaining: round.budget - eff.counted.size, perTarget, ignored: eff.ignored.length,
  };
}

/** The slot a new vote on `targetId` goes into: the lowest one that is empty or holds a vote
 *  that does not count; or why there is none. */
export function chooseCastSlot(round: RoundRules, slots: Slots, isLive: (t: string) => boolean, targetId: string): number | 'cap-reached' | 'budget-exhausted' {
  const eff = effectiveBallot(slots, round.cap, isLive);
  let onTarget = 0;
  for (const t of eff.counted.values()) if (t === targetId) onTarget++;
  if (onTarget >= round.cap) return 'cap-reached';
  const free = Math.min(...eff.empty, ...eff.ignored);
  return Number.isFinite(free) ? free : 'budget-exhausted';
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

export function countEffective(ballots: Iterable<Slots>, cap: number, isLive: (t: string) => boolean): RawCounts {
  const counts = new Map<string, number>();
  let respondents = 0;
  for (const slots of ballots) {
    const eff = effectiveBallot(slots, cap, isLive);
    if (eff.counted.size > 0) respondents++;
    for (const t of eff.counted.values()) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return { respondents, counts };
}

/** Why votes cannot be cast or withdrawn in this round now, or null if they can. */
export function closedReason(round: RoundView | null): VoteError | null {
  if (!round) return 'no-round';
  if (round.status === 'open') return null;
  return round.status === 'closed' && round.closedAt == null ? 'time-up' : 'not-open';
}

// ---- commands over the doc (no server) ----

export function myVotesIn(doc: Y.Doc, round: RoundView, ballotKey: string | null): MyVotes {
  const slots = ballotKey === null ? new Array<undefined>(round.budget).fill(undefined) : slotsOf(doc, round, ballotKey);
  return summarise(round, slots, liveTarget(doc));
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

const MESSAGES: Record<VoteError, string> = {
  'no-round': 'No such round.',
  'not-open': 'The round is not open.',
  'time-up': 'Time is up for this round.',
  'not-a-target': 'Not part of this round.',
  'target-deleted': 'That item is gone from the board.',
  'budget-exhausted': 'All your votes are used.',
  'cap-reached': 'That item has as many of your votes as it can take.',
  'no-vote': 'You have no vote on that item.',
  'wrong-mode': 'This round is counted on the server.',
  'not-signed-in': 'Not signed in.',
  'unavailable': 'The server cannot be reached; nothing was recorded.',
};

export const refuse = (error: VoteError): VoteResult => ({ ok: false, error, message: MESSAGES[error] });

function votableRound(doc: Y.Doc, input: { roundId: string; ballotKey: string; now?: number }): RoundView | VoteError {
  if (!input.ballotKey) return 'not-signed-in';
  const round = getRound(doc, input.roundId, input.now ?? Date.now());
  if (round?.anonymity === 'sealed') return 'wrong-mode';
  return closedReason(round) ?? round!;
}

/** Cast one vote into the lowest free slot; one transaction. */
export function castVote(doc: Y.Doc, input: CastInput): VoteResult {
  const round = votableRound(doc, input);
  if (typeof round === 'string') return refuse(round);
  const bad = checkTarget(doc, round, input.targetId);
  if (bad) return refuse(bad);
  const slot = chooseCastSlot(round, slotsOf(doc, round, input.ballotKey), liveTarget(doc), input.targetId);
  if (typeof slot === 'string') return refuse(slot);
  doc.transact(() => {
    const own = doc.clientID;
    if (input.asClientId !== undefined) doc.clientID = input.asClientId;
    try {
      // A round's ballot map is made with the round; one that is missing or bad is made again.
      let m = readBallotMap(doc, round.id);
      if (!m) ballotsMap(doc).set(round.id, (m = new Y.Map<SlotValue>()));
      m.set(slotKey(input.ballotKey, slot), encodeTarget(round, input.targetId));
    } finally {
      doc.clientID = own;
    }
  }, SESSION_ORIGIN);
  return { ok: true, votes: myVotesIn(doc, round, input.ballotKey) };
}

/** Withdraw one vote on a target; one transaction. */
export function withdrawVote(doc: Y.Doc, input: Omit<CastInput, 'asClientId'>): VoteResult {
  const round = votableRound(doc, input);
  if (typeof round === 'string') return refuse(round);
  const slot = chooseWithdrawSlot(slotsOf(doc, round, input.ballotKey), input.targetId);
  if (slot === null) return refuse('no-vote');
  const m = readBallotMap(doc, round.id)!; // a slot was found in it
  // Deleting writes no new item, so it needs no client id of its own.
  doc.transact(() => m.delete(slotKey(input.ballotKey, slot)), SESSION_ORIGIN);
  return { ok: true, votes: myVotesIn(doc, round, input.ballotKey) };
}
