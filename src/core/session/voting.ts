/**
 * One interface for casting, withdrawing and tallying, whatever holds the ballots:
 * - LocalVoteService (local-vote-service.ts): no server; ballots are slots in the doc
 *   (named and anonymous rounds).
 * - ServerVoteService (src/sync, server mode): ballots live on the sync server, which checks
 *   the round, budget and cap with the same rules (vote-rules.ts); only totals come back, into the doc's `publishedTallies`
 *   (sealed rounds). Its `tally` is the same read-time `tally()` over the doc.
 */

import type { VoteError } from '../failures.js';

export type { VoteError } from '../failures.js';

const VOTE_ERRORS: Record<VoteError, true> = {
  'no-round': true, 'not-open': true, 'time-up': true, 'not-a-target': true, 'target-deleted': true, 'budget-exhausted': true,
  'cap-reached': true, 'no-vote': true, 'wrong-mode': true, 'not-signed-in': true, unavailable: true,
};
export const isVoteError = (code: unknown): code is VoteError => typeof code === 'string' && Object.hasOwn(VOTE_ERRORS, code);

/** The caller's own ballot in a round, after cap and deletions are applied. */
export interface MyVotes {
  roundId: string;
  budget: number;
  cap: number;
  /** slots holding a vote that counts */
  used: number;
  /** votes left to cast: budget − used (a slot whose vote does not count is free again) */
  remaining: number;
  /** effective votes per target as cast (note or cluster id) */
  perTarget: Record<string, number>;
  /** slots whose vote does not count (target deleted, over the cap after a concurrent cast) */
  ignored: number;
}

export type VoteResult = { ok: true; votes: MyVotes } | { ok: false; error: VoteError; message: string };

/** Why no tally is shown. */
export type HiddenReason =
  | 'no-round'
  | 'not-open' // still a draft
  | 'below-k' // fewer than k respondents
  | 'hidden-until-reveal' // hidden round not yet revealed
  | 'not-published'; // sealed round: the server has not published totals yet

/** Tie policy: competition ranking ("1, 1, 3"). Tied rows share the rank and say `tied`;
 *  among tied rows the order is by target id, so every replica lists them the same way. */
export const TIE_POLICY = 'competition' as const;

export interface TallyRow {
  /** the effective target: a vote on a note counts for the cluster the note is in now */
  targetId: string;
  kind: 'note' | 'cluster';
  votes: number;
  rank: number;
  tied: boolean;
}

export type TallyResult =
  | {
      visible: true;
      roundId: string;
      /** ballots with at least one counted vote */
      respondents: number;
      k: number;
      totalVotes: number;
      tiePolicy: typeof TIE_POLICY;
      rows: TallyRow[];
    }
  | { visible: false; roundId: string; reason: HiddenReason; respondents: number; k: number };

export interface VoteService {
  readonly mode: 'local' | 'server';
  cast(roundId: string, targetId: string): Promise<VoteResult>;
  withdraw(roundId: string, targetId: string): Promise<VoteResult>;
  /** The caller's own ballot (null if the round does not exist). */
  myVotes(roundId: string): Promise<MyVotes | null>;
  /** Computed when read, from the doc: visibility rules, k threshold and ties applied. */
  tally(roundId: string, now?: number): TallyResult;
  /** Called after anything that may change myVotes or tally; returns the unsubscribe. */
  onChange(cb: () => void): () => void;
}
