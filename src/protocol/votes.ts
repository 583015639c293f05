/**
 * The vote RPC over Hocuspocus stateless messages: typed JSON, one request id per call,
 * one reply to the caller only. The one module src/sync and src/server share (no Node
 * imports, nothing of either side): the ops, their records and error codes.
 */
import type { RoundFields } from '../core/session/schema.js';
import type { VoteError } from '../core/session/voting.js';

/** The round as the server snapshotted it: the session's fields (targets unpacked), plus a version. */
export interface RoundRecord extends Omit<RoundFields, 'targets'> {
  id: string;
  targets: string[];
  /** Bumped on every change of ballots or status; orders published tallies across instances. */
  version: number;
}

/** One person's ballot in one round: target → points. */
export type Ballot = Record<string, number>;

/** Error codes the vote RPC answers: the session model's own (one vocabulary: a vote refused
 *  on the server says what the doc path says), plus what only a remote call can go wrong with. */
export type VoteErrorCode = VoteError | 'bad-request' | 'wrong-status' | 'not-facilitator' | 'internal';

export interface RpcOps {
  /** Become the room's facilitator if it has none. */
  claimFacilitator: { args: Record<string, never>; result: { facilitator: string; you: boolean } };
  /** Hand the role to another user (facilitator only). */
  setFacilitator: { args: { user: string }; result: { facilitator: string } };
  /** Open a draft round of the session doc; the server snapshots its definition (facilitator only). */
  openRound: { args: { roundId: string }; result: RoundRecord };
  closeRound: { args: { roundId: string }; result: RoundRecord };
  revealRound: { args: { roundId: string }; result: RoundRecord };
  /** Add points to a target; checked against open status, budget and cap. */
  cast: { args: { roundId: string; target: string; points?: number }; result: BallotResult };
  withdraw: { args: { roundId: string; target: string; points?: number }; result: BallotResult };
  /** The caller's own ballot (never anyone else's). */
  myBallot: { args: { roundId: string }; result: BallotResult };
  rounds: { args: Record<string, never>; result: RoundRecord[] };
}
export type RpcOp = keyof RpcOps;
export const RPC_OPS: readonly RpcOp[] = [
  'claimFacilitator',
  'setFacilitator',
  'openRound',
  'closeRound',
  'revealRound',
  'cast',
  'withdraw',
  'myBallot',
  'rounds',
];

export interface BallotResult {
  ballot: Ballot;
  used: number;
  budget: number;
  cap: number;
  /** The round's version after this change: a published tally of this version or later counts it. */
  version: number;
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
