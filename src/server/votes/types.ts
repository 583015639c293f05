/**
 * Server-side vote records. In server mode the server holds the authoritative copy of each
 * round (snapshotted from the session doc when the facilitator opens it) and every sealed
 * ballot; the Y.Doc shows a projection the server alone writes (timestamps, facilitator,
 * published tallies). Field names follow the session model (src/core/session/schema.ts).
 */
import type { Ballot, RoundRecord, VoteErrorCode } from '../../protocol/votes.js';
import type { VoteBoard } from './rules.js';

// The records and codes travel on the wire, so they are declared in the shared protocol module.
export type { Ballot, RoundRecord, VoteErrorCode };

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
 * Storage of votes: SQLite (embedded) or PostgreSQL; documents: src/server/doc-store.ts.
 * Every vote method is one database transaction; it resolves only after the commit, so an
 * acknowledged vote survives a killed process.
 */
export interface Storage {
  /** Makes `user` the room's facilitator if it has none; returns the facilitator. */
  claimFacilitator(room: string, user: string): Promise<string>;
  facilitator(room: string): Promise<string | null>;
  /** Hands the role over; only the current facilitator may. */
  setFacilitator(room: string, by: string, to: string): Promise<void>;
  /** Empties the seat (the operator's release-seat command); true if it was held. */
  releaseFacilitator(room: string): Promise<boolean>;

  /** Inserts a round snapshot; throws wrong-status if the round is already known. */
  insertRound(room: string, record: RoundRecord): Promise<RoundRecord>;
  /** Changes a round in one transaction; `change` may throw a VoteError. Bumps the version. */
  updateRound(room: string, roundId: string, change: (r: RoundRecord) => RoundRecord): Promise<RoundRecord>;
  round(room: string, roundId: string): Promise<RoundRecord | null>;
  rounds(room: string): Promise<RoundRecord[]>;

  /** Adds points (delta > 0) or withdraws them (delta < 0) in one transaction with the checks. */
  vote(room: string, roundId: string, user: string, target: string, delta: number, now: number, board?: VoteBoard): Promise<CastResult>;
  ballot(room: string, roundId: string, user: string): Promise<Ballot>;
  /** Every ballot of a round by user: the service keeps them in memory to count (countHeld)
   *  and replaces one person's as they vote, instead of reading them all again. */
  ballots(room: string, roundId: string): Promise<Map<string, Ballot>>;

  /** A sealed pulse's answer (one per person; a new one replaces it), committed before it resolves. */
  answerPulse(room: string, pulseId: string, user: string, answers: readonly number[]): Promise<void>;
  pulseAnswer(room: string, pulseId: string, user: string): Promise<number[] | null>;
  /** Every answer to a pulse, without whose it is. */
  pulseAnswers(room: string, pulseId: string): Promise<number[][]>;

  /** The room was in use at `now` (someone connected or left): idle deletion counts from here. */
  touchRoom(room: string, now: number): Promise<void>;
  /** Rooms last in use before `before` (ms epoch). */
  idleRooms(before: number): Promise<string[]>;
  /** Everything of the room: its seat, rounds, sealed ballots, pulse answers, activity and client ids' owners. */
  deleteRoom(room: string): Promise<void>;
  /**
   * The facilitator ended the room's session: everything deleteRoom deletes goes, in one
   * transaction with keeping which Yjs client ids wrote the session (core/session/end.ts:
   * numbers only), so an old copy cannot write it back. `clients` merges the earlier endings'.
   */
  endRoom(room: string, at: number, clients: (earlier: string | null) => string): Promise<void>;
  /** The client ids of the room's ended sessions (encodeClients text), or null if none ended. */
  endedClients(room: string): Promise<string | null>;

  /** Who owns which Yjs client id on the room's shared doc (server/client-ids.ts): the first
   *  `limit` ids above `after`, in order (a page). */
  clientIds(room: string, after: number, limit: number): Promise<[number, string][]>;
  /** Records owners of client ids in one transaction; an id already owned keeps its owner. */
  claimClientIds(room: string, claims: readonly (readonly [number, string])[]): Promise<void>;

  close(): Promise<void>;
}
