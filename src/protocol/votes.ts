/**
 * The vote RPC over Hocuspocus stateless messages: typed JSON, one request id per call,
 * one reply to the caller only. The one module src/sync and src/server share (no Node
 * imports, nothing of either side): the ops, their records and error codes.
 */
import type { ActionResult, FacilitatorCommand } from '../core/session/commands.js';
import type { RoundFields } from '../core/session/schema.js';
import type { VoteError } from '../core/session/voting.js';

/** The round as the server snapshotted it: the session's fields (targets unpacked), plus a version. */
export interface RoundRecord extends Omit<RoundFields, 'targets'> {
  id: string;
  targets: string[];
  /** Bumped on every change of ballots or status; orders published tallies across instances. */
  version: number;
  /** A round that was voted in Miro's channel and moved here: its totals, as they came (its
   *  ballots stayed in Miro). Never sent to a client; published only when they may be shown. */
  imported?: { respondents: number; counts: Record<string, number> };
}

/** One person's ballot in one round: target → points. */
export type Ballot = Record<string, number>;

/** Error codes the vote RPC answers: the session model's own (one vocabulary: a vote refused
 *  on the server says what the doc path says), plus what only a remote call can go wrong with. */
export type VoteErrorCode = VoteError | 'bad-request' | 'wrong-status' | 'not-facilitator' | 'internal' | 'no-pulse';

/** A board's control doc (the facilitator's state, read-only for clients) is named after its room. */
export const controlRoom = (room: string): string => `${room}:control`;

export interface RpcOps {
  /** A facilitator command (commands.ts): checked against the seat and the session model's
   *  rules, applied by the server to the control doc. A refusal is a result, not an error. */
  control: { args: { cmd: FacilitatorCommand }; result: ActionResult<unknown> };
  /** Add points to a target; checked against open status, budget and cap. */
  cast: { args: { roundId: string; target: string; points?: number }; result: BallotResult };
  withdraw: { args: { roundId: string; target: string; points?: number }; result: BallotResult };
  /** The caller's own ballot (never anyone else's). */
  myBallot: { args: { roundId: string }; result: BallotResult };
  rounds: { args: Record<string, never>; result: RoundRecord[] };
  /** A sealed pulse's answer (seven whole numbers 1–7), kept only in the server's database;
   *  answering again while the pulse is open replaces it. */
  pulseAnswer: { args: { pulseId: string; answers: number[] }; result: { answered: true } };
  /** The caller's own answer to a sealed pulse (never anyone else's), or null. */
  myPulse: { args: { pulseId: string }; result: { answers: number[] | null } };
  /** The caller's ballot key in an anonymous round: the same on each of their devices, and
   *  the only key whose slots the server lets them write. */
  ballotKey: { args: { roundId: string }; result: { key: string } };
  /** The caller's respondent key in an anonymous pulse: the same on each of their devices, and
   *  the only key under which the server lets them answer (one answer per person). */
  pulseKey: { args: { pulseId: string }; result: { key: string } };
  /** One part of an `import-session` command too big for one message (a stateless message is
   *  at most 64 KiB; a part holds at most 60 KiB of state, an upload at most 200 parts): parts of
   *  one upload in order; the last one runs the command and answers as `control` does, the
   *  others answer `{ received }`. */
  importPart: { args: { upload: string; index: number; count: number; data: string }; result: ActionResult<unknown> | { received: number } };
}

export type RpcOp = keyof RpcOps;
export const RPC_OPS: readonly RpcOp[] = ['control', 'cast', 'withdraw', 'myBallot', 'rounds', 'pulseAnswer', 'myPulse', 'ballotKey', 'pulseKey', 'importPart'];

export interface BallotResult {
  ballot: Ballot;
  used: number;
  budget: number;
  cap: number;
  /** Live rounds only: the round's version after this change; a published tally of this
   *  version or later counts it. (Not given for hidden rounds: it would count others' casts.) */
  version?: number;
}

export interface RpcRequest<K extends RpcOp = RpcOp> {
  tryghed: 'rpc';
  id: string;
  op: K;
  args: RpcOps[K]['args'];
}

export type RpcReply =
  | { tryghed: 'reply'; id: string; ok: true; result: unknown }
  | { tryghed: 'reply'; id: string; ok: false; code: VoteErrorCode; message: string };
