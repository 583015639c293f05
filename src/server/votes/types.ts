/**
 * Server-side vote records. In server mode the server holds the authoritative copy of each
 * round (snapshotted from the facilitator's draft when it opens) and every ballot; the
 * Y.Doc only shows a projection (status, and tallies when they may be shown).
 */

export type RoundStatus = 'draft' | 'open' | 'closed' | 'revealed';
export type Visibility = 'live' | 'hidden';
export type Anonymity = 'named' | 'anonymous' | 'sealed';

export interface RoundSpec {
  id: string;
  question: string;
  /** Allowed target ids (notes or clusters); empty = any id. */
  targets: string[];
  /** Points per person in this round. */
  budget: number;
  /** Points per person on one target. */
  cap: number;
  /** Minimum respondents before any tally is shown. */
  k: number;
  visibility: Visibility;
  anonymity: Anonymity;
}

export interface RoundRecord extends RoundSpec {
  status: RoundStatus;
  /** Bumped on every change of ballots or status; orders published tallies. */
  version: number;
}

/** One person's ballot in one round: target → points. */
export type Ballot = Record<string, number>;

export interface Tally {
  roundId: string;
  version: number;
  status: RoundStatus;
  respondents: number;
  /** target → points; null while the round's visibility or k withholds it. */
  totals: Record<string, number> | null;
}

export type VoteErrorCode =
  | 'bad-request'
  | 'unknown-round'
  | 'round-exists'
  | 'not-open'
  | 'bad-transition'
  | 'over-budget'
  | 'over-cap'
  | 'unknown-target'
  | 'no-vote'
  | 'forbidden'
  | 'internal';

export class VoteError extends Error {
  constructor(
    readonly code: VoteErrorCode,
    message: string = code,
  ) {
    super(message);
  }
}

export interface CastResult {
  ballot: Ballot;
  used: number;
  round: RoundRecord;
}

/**
 * Storage of documents and votes: SQLite (embedded) or PostgreSQL. Every vote method is one
 * database transaction; it resolves only after the commit, so an acknowledged vote survives
 * a killed process.
 */
export interface Storage {
  fetchDoc(name: string): Promise<Uint8Array | null>;
  /** Merges into what is stored (never overwrites), so instances cannot lose each other's edits. */
  storeDoc(name: string, state: Uint8Array): Promise<void>;

  /** Makes `user` the room's facilitator if it has none; returns the facilitator. */
  claimFacilitator(room: string, user: string): Promise<string>;
  facilitator(room: string): Promise<string | null>;
  /** Hands the role over; only the current facilitator may. */
  setFacilitator(room: string, by: string, to: string): Promise<void>;

  createRound(room: string, spec: RoundSpec): Promise<RoundRecord>;
  /** Moves a round from one of `from` to `to`; throws bad-transition otherwise. */
  transition(room: string, roundId: string, from: RoundStatus[], to: RoundStatus): Promise<RoundRecord>;
  round(room: string, roundId: string): Promise<RoundRecord | null>;
  rounds(room: string): Promise<RoundRecord[]>;

  /** Adds points (delta > 0) or withdraws them (delta < 0) in one transaction with the checks. */
  vote(room: string, roundId: string, user: string, target: string, delta: number): Promise<CastResult>;
  ballot(room: string, roundId: string, user: string): Promise<Ballot>;
  totals(room: string, roundId: string): Promise<{ totals: Record<string, number>; respondents: number }>;

  close(): Promise<void>;
}
