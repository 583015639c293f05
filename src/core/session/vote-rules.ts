/**
 * One rule set for a ballot change (status, target, cap, budget, withdrawal), for both places
 * that hold ballots: the doc's slots (ballots.ts, no server) and the sync server's records
 * (server/votes/rules.ts, sealed rounds). Pure: callers read the round, the voter's ballot and
 * the board, then ask here; a refusal is a VoteError code (voting.ts), worded only in the UI.
 *
 * The cap counts what the tally counts: points on a note and on the cluster that holds it now
 * are points on one item (`itemOf`), so a ballot never puts more than `cap` behind one item.
 */
import type { RoundStatus } from './schema.js';
import type { VoteError, VoteResult } from './voting.js';

/** What a target counts for now: the cluster that holds it, itself, or null if it is gone. */
export type ItemOf = (targetId: string) => string | null;

export interface RuleRound {
  status: RoundStatus;
  closedAt: number | null;
  budget: number;
  cap: number;
}

/** A voter's ballot as the rules see it. */
export interface BallotNow {
  /** points that count now, per target as cast (a live target, within the cap) */
  counted: ReadonlyMap<string, number>;
  /** points per target as cast, counted or not: what a withdrawal can take back */
  held: ReadonlyMap<string, number>;
  /** points that take budget now (the doc frees a slot whose vote does not count; the
   *  server's records keep points on a deleted target until they are withdrawn) */
  used: number;
}

export interface BallotChange {
  target: string;
  /** points added (> 0) or withdrawn (< 0), a whole number */
  delta: number;
}

/** Why votes cannot be cast or withdrawn in this round now, or null if they can. */
export function closedReason(round: RuleRound | null): VoteError | null {
  if (!round) return 'no-round';
  if (round.status === 'open') return null;
  return round.status === 'closed' && round.closedAt == null ? 'time-up' : 'not-open';
}

/**
 * May this change be made? `targetError` is the caller's check of the target against the
 * round and the board (checkTarget in ballots.ts): not one of the round's, or gone.
 */
export function checkChange(round: RuleRound | null, ballot: BallotNow, change: BallotChange, itemOf: ItemOf, targetError: VoteError | null): VoteError | null {
  const closed = closedReason(round);
  if (closed || !round) return closed ?? 'no-round';
  const { target, delta } = change;
  if (delta < 0) return (ballot.held.get(target) ?? 0) + delta < 0 ? 'no-vote' : null;
  if (targetError) return targetError;
  const item = itemOf(target);
  if (item === null) return 'target-deleted';
  let onItem = 0;
  for (const [t, n] of ballot.counted) if (itemOf(t) === item) onItem += n;
  if (onItem + delta > round.cap) return 'cap-reached';
  if (ballot.used + delta > round.budget) return 'budget-exhausted';
  return null;
}

/**
 * Totals of ballots held as points per target (the server's records), counted as the doc
 * counts its slots: per ballot at most `cap` on one item, live targets only (points over the
 * cap after a regrouping are left out, in target id order); per target as cast.
 */
export function countHeld(ballots: Iterable<Readonly<Record<string, number>>>, cap: number, itemOf: ItemOf): { respondents: number; counts: Map<string, number> } {
  const counts = new Map<string, number>();
  let respondents = 0;
  for (const ballot of ballots) {
    const own = countBallot(ballot, cap, itemOf);
    for (const [t, n] of own) counts.set(t, (counts.get(t) ?? 0) + n);
    if (own.size > 0) respondents++;
  }
  return { respondents, counts };
}

/** What one held ballot adds to the totals (countHeld's rule): points per target, only those > 0. */
export function countBallot(ballot: Readonly<Record<string, number>>, cap: number, itemOf: ItemOf): Map<string, number> {
  const out = new Map<string, number>();
  const perItem = new Map<string, number>();
  for (const t of Object.keys(ballot).sort()) {
    const item = itemOf(t);
    if (item === null) continue;
    const n = Math.min(ballot[t]!, cap - (perItem.get(item) ?? 0));
    if (n <= 0) continue;
    perItem.set(item, (perItem.get(item) ?? 0) + n);
    out.set(t, n);
  }
  return out;
}

/** A refusal as a VoteResult: the code (the UI words it, with the round's budget and cap). */
export const refuse = (error: VoteError): VoteResult => ({ ok: false, error, message: error });
