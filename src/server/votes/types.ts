/**
 * Server-side vote records. In server mode the server holds the authoritative copy of each
 * round (snapshotted from the session doc when the facilitator opens it) and every sealed
 * ballot; the Y.Doc shows a projection the server alone writes (timestamps, facilitator,
 * published tallies). Field names follow the session model (src/core/session/schema.ts).
 */
import type { RoundFields } from '../../core/session/schema.js';

/** The round as the server snapshotted it: the session's fields (targets unpacked), plus a version. */
export interface RoundRecord extends Omit<RoundFields, 'targets'> {
  id: string;
  targets: string[];
  /** Bumped on every change of ballots or status; orders published tallies across instances. */
  version: number;
}

/** One person's ballot in one round: target → points. */
export type Ballot = Record<string, number>;

/** Error codes the vote RPC answers; the vote ones are the session model's VoteError names. */
export type VoteErrorCode =
  | 'bad-request'
  | 'no-round'
  | 'not-open'
  | 'time-up'
  | 'wrong-status'
  | 'wrong-mode'
  | 'budget-exhausted'
  | 'cap-reached'
  | 'not-a-target'
  | 'target-deleted'
  | 'no-vote'
  | 'not-facilitator'
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

  /** Inserts a round snapshot; throws wrong-status if the round is already known. */
  insertRound(room: string, record: RoundRecord): Promise<RoundRecord>;
  /** Changes a round in one transaction; `change` may throw a VoteError. Bumps the version. */
  updateRound(room: string, roundId: string, change: (r: RoundRecord) => RoundRecord): Promise<RoundRecord>;
  round(room: string, roundId: string): Promise<RoundRecord | null>;
  rounds(room: string): Promise<RoundRecord[]>;

  /** Adds points (delta > 0) or withdraws them (delta < 0) in one transaction with the checks. */
  vote(room: string, roundId: string, user: string, target: string, delta: number, now: number, targetChecked?: boolean): Promise<CastResult>;
  ballot(room: string, roundId: string, user: string): Promise<Ballot>;
  totals(room: string, roundId: string): Promise<{ totals: Record<string, number>; respondents: number }>;

  close(): Promise<void>;
}
