/**
 * The one vocabulary of refusals: every code a core command, a port (board, host, votes,
 * control) or an action answers with, and the parameters its words need. Type-only, so
 * every layer may import it; words live only in src/ui (ui/session/failure-text.ts words
 * every code, in Danish and English, and tsc fails when one is missing). A new refusal is a
 * new code here first, so a misspelt code fails tsc wherever it is written.
 */

/** Refusal common to every facilitator-only command. */
export type RoleError = 'not-facilitator';

/** Grouping in the doc. */
export type ClusterError = 'no-notes' | 'no-cluster' | 'bad-colour' | 'too-long';

/** Rounds in the doc (and their checked server calls). */
export type RoundError = RoleError | 'invalid' | 'no-round' | 'wrong-status';

/** The P-IGLO plan in the doc. */
export type PlanError = RoleError | 'invalid' | 'no-initiative' | 'no-tally' | 'too-long';

/** Why a cast or withdraw was refused: the doc path, the server (its RPC codes add only a
 *  call's own failures: protocol/votes.ts) and the UI (ui/session/vote-errors.ts). */
export type VoteError =
  | 'no-round' // no such round
  | 'not-open' // draft, closed or revealed
  | 'time-up' // the round's time limit has passed
  | 'not-a-target' // not one of the round's targets (nor a cluster holding one)
  | 'target-deleted' // removed from the board
  | 'budget-exhausted' // every slot of the ballot is used
  | 'cap-reached' // this target already has `cap` votes from this ballot
  | 'no-vote' // withdraw: no vote of this ballot on that target
  | 'wrong-mode' // sealed round on a local service, or named/anonymous round on the server
  | 'not-signed-in' // server: no valid token
  | 'unavailable'; // server: not reachable; nothing was recorded

/** The pulse (Edmondson's scale) in the doc. */
export type PulseError = RoleError | 'invalid' | 'no-pulse' | 'wrong-status';
/** Why a pulse answer was refused. */
export type PulseAnswerError = 'no-pulse' | 'not-open' | 'invalid' | 'wrong-mode' | 'unavailable';

/** The facilitator's seat: an offer to accept, and who decides on the server (issue 11). */
export type SeatError = RoleError | 'invalid' | 'no-offer' | 'seat-server-decides';
/** The run sheet in the doc (steps, time boxes, the item discussed). */
export type WorkshopError = RoleError | 'invalid' | 'no-step' | 'no-round';

/** Why inserting a layout failed (board/insertion-error.ts). */
export type InsertionErrorCode =
  /** Miro refused a call for a reason other than the rate limit. */
  | 'refused'
  /** Miro kept saying "rate limit" after every retry. */
  | 'rate-limited'
  /** The user (or the app) cancelled. */
  | 'aborted'
  /** No free spot for the frame could be found. */
  | 'no-space'
  /** The layout cannot be inserted as it is (a bug upstream, not the board). */
  | 'invalid-layout';

/** Why the board link (clusters, badges, results frames) refused (board/link-items.ts). */
export type BoardLinkErrorCode =
  /** Group: no sticky note is selected. */
  | 'no-selection'
  /** Group: a selected note is on a private template (the plate). */
  | 'private'
  /** Show results: the tally is not visible (below k, hidden until reveal, …). */
  | 'not-visible'
  /** Tidy a cluster: its notes do not fit in the zone or frame they sit in (nothing moved). */
  | 'no-room'
  /** The session model refused (e.g. the cluster no longer exists). */
  | 'invalid'
  | 'refused'
  | 'rate-limited'
  | 'aborted';

/** What only a use case (src/actions) or a remote call adds. */
export type ActionError =
  /** Insert template: no template with that id. */
  | 'no-template'
  /** Insert template: it is on the board already (params: frameId); `again` inserts a second copy. */
  | 'already-on-board'
  /** Round targets: the scope holds no notes; or only notes on the plate (never voted on). */
  | 'no-targets'
  | 'only-private'
  /** Round targets: the board could not be read. */
  | 'targets-failed'
  /** Share a plate answer: nothing written. */
  | 'empty'
  /** Vote for the selection: nothing selected; none of it a target; the selection unreadable. */
  | 'selection-empty'
  | 'selection-not-targets'
  | 'selection-failed'
  /** Show on board: the view could not be moved. */
  | 'show-failed'
  /** Control service (server mode): the server could not read the command. */
  | 'bad-request'
  /** A port failed in a way it has no code for (a bug, or the host misbehaving). */
  | 'unexpected';

export type FailureCode = RoleError | ClusterError | RoundError | PlanError | PulseError | PulseAnswerError | VoteError | SeatError | WorkshopError | InsertionErrorCode | BoardLinkErrorCode | ActionError;

/** Parameters of a refusal, for the words that say it (numbers, ids, names). */
export type FailureParams = Readonly<Record<string, string | number>>;

/** Why something was refused: a code and its parameters. */
export interface Failure {
  code: FailureCode;
  params?: FailureParams;
}

/** An action's (or a facilitator command's) answer: refusals are values, never exceptions. */
export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: Failure };
