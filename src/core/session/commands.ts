/**
 * The facilitator's commands as plain data, and the port they go through (type-only: the
 * server imports it too). In Miro mode, LocalControlService (local-control.ts) applies a
 * command to the doc with the pure core command (applyCommand, apply-command.ts); in server
 * mode the same command is sent to the server as a checked call, and the doc the client holds
 * is read-only for the facilitator's state. Actions (src/actions) only ever call `apply`.
 *
 * Answers are codes with parameters, never words: src/ui/i18n turns them into text.
 */
import type { CreatePulseInput } from './pulse.js';
import type { CreateRoundInput } from './rounds.js';
import type { InitiativePatch } from './plan.js';
import type { PlanLayer } from './schema.js';
import type { Imported } from './carry.js';

import type { ActionResult } from '../failures.js';

/** Refusals are codes from the one vocabulary (core/failures.ts). */
export type { ActionResult, Failure, FailureCode, FailureParams } from '../failures.js';

/** Who sends a command is the port's business (the actor of a local service, the signed-in user on the server). */
export type FacilitatorCommand =
  | { type: 'start-session'; now?: number }
  /** The facilitator offers the seat (null withdraws the offer); the receiver accepts. */
  | { type: 'offer-seat'; to: string | null }
  | { type: 'accept-seat' }
  /** Miro mode: the seat without a hand-over, visibly; the sync server refuses it (the operator decides). */
  | { type: 'take-seat'; now?: number }
  /** The run sheet: everyone moves to a step; its time box; the item discussed after a reveal. */
  | { type: 'go-to-step'; step: string; timeBoxMs?: number; now?: number }
  | { type: 'set-time-box'; timeBoxMs: number }
  | { type: 'discuss'; roundId: string; targetId: string | null }
  /** What the team decided about an item discussed: a draft initiative (its problem is the item, `problem` its words from the board). */
  | { type: 'decide'; roundId: string; targetId: string; decision: string; problem: string; layer?: PlanLayer; now?: number }
  /** The facilitator's state from the other sync mode (carry.ts): a Yjs state, base64. */
  | { type: 'import-session'; state: string }
  | { type: 'create-round'; round: CreateRoundInput }
  | { type: 'open-round'; roundId: string; now?: number }
  | { type: 'close-round'; roundId: string; now?: number }
  | { type: 'reveal-round'; roundId: string; now?: number }
  | { type: 'remove-round'; roundId: string }
  /** Notes removed from the board leave the tally (anyone's device reports them). */
  | { type: 'mark-deleted'; ids: string[]; now?: number }
  | { type: 'restore-deleted'; ids: string[] }
  /** Draft initiatives from a shown tally's top priorities; `texts` are the notes' words (from the board). */
  | { type: 'draft-plan'; roundId: string; count?: number; layer?: PlanLayer; texts?: Record<string, string>; now?: number }
  | ({ type: 'add-initiative'; layer: PlanLayer; text: string; now?: number } & Omit<InitiativePatch, 'layer' | 'text' | 'draft'>)
  /** Edit fields of an initiative; `{ draft: false }` accepts a draft. */
  | { type: 'edit-initiative'; id: string; patch: InitiativePatch }
  | { type: 'remove-initiative'; id: string }
  /** The psychological-safety pulse (pulse.ts): a round of its own. */
  | { type: 'create-pulse'; pulse: CreatePulseInput }
  | { type: 'open-pulse'; pulseId: string; now?: number }
  | { type: 'close-pulse'; pulseId: string; now?: number }
  | { type: 'reveal-pulse'; pulseId: string; now?: number }
  /** Ends the session and deletes its data (end.ts): Miro mode marks it ended for every panel to
   *  drop; the sync server deletes its documents, seat, rounds, ballots and pulse answers. */
  | { type: 'end-session'; now?: number };

export type FacilitatorCommandType = FacilitatorCommand['type'];

/** What each command answers when it succeeds. */
export interface CommandValues {
  'start-session': { facilitator: string };
  'offer-seat': { offeredTo: string | null };
  'accept-seat': { facilitator: string };
  'take-seat': { facilitator: string; takenFrom: string | null };
  'go-to-step': { step: string; startedAt: number };
  'set-time-box': null;
  'discuss': null;
  'decide': { initiativeId: string; created: boolean };
  'import-session': Imported;
  'create-round': { roundId: string };
  'open-round': { endsAt: number | null };
  'close-round': null;
  'reveal-round': null;
  'remove-round': null;
  'mark-deleted': null;
  'restore-deleted': null;
  'draft-plan': { created: string[]; existing: string[] };
  'add-initiative': { initiativeId: string };
  'edit-initiative': null;
  'remove-initiative': null;
  'create-pulse': { pulseId: string };
  'open-pulse': null;
  'close-pulse': null;
  'reveal-pulse': null;
  'end-session': { endedAt: number };
}

export type CommandResult<C extends FacilitatorCommand> = ActionResult<CommandValues[C['type']]>;

/**
 * Where the facilitator's commands go. Refusals are values (`not-facilitator`, `no-round`,
 * `wrong-status`, `invalid`, …, and `unavailable` when a server cannot be reached); `apply`
 * never rejects.
 */
export interface ControlService {
  apply<C extends FacilitatorCommand>(cmd: C): Promise<CommandResult<C>>;
}
