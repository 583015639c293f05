/**
 * A facilitator command applied to a doc with the pure core command it names: what
 * LocalControlService does on the client, and what a server can do on its own copy once it
 * has checked who sent it. Each command is one transaction (the core command's own).
 */
import type * as Y from 'yjs';
import type { ActionResult, CommandResult, CommandValues, FacilitatorCommand, Failure } from './commands.js';
import { addInitiative, draftFromTopPriorities, recordDecision, removeInitiative, updateInitiative } from './plan.js';
import { createPulse, stepPulse } from './pulse.js';
import { acceptSeat, offerSeat, startSession, takeSeat } from './seat.js';
import { closeRound, createRound, openRound, removeRound, revealRound } from './round-commands.js';
import { markTargetsDeleted, restoreTargets } from './targets.js';
import type { Actor, Result } from './types.js';
import { discuss, goToStep, setTimeBox } from './workshop.js';
import { importSession } from './carry.js';
import { endSession } from './end.js';

/** A core command's answer in the actions' shape: the error code stays, the English message goes. */
export function fromCore<T>(r: Result<T>, params?: Failure['params']): ActionResult<T> {
  return r.ok ? r : { ok: false, error: params ? { code: r.error, params } : { code: r.error } };
}

function run(doc: Y.Doc, actor: Actor, cmd: FacilitatorCommand): Result<CommandValues[FacilitatorCommand['type']]> {
  switch (cmd.type) {
    case 'start-session':
      return startSession(doc, actor, cmd.now === undefined ? {} : { now: cmd.now });
    case 'offer-seat':
      return offerSeat(doc, actor, cmd);
    case 'accept-seat':
      return acceptSeat(doc, actor);
    case 'take-seat':
      return takeSeat(doc, actor, cmd);
    case 'go-to-step':
      return goToStep(doc, actor, cmd);
    case 'set-time-box':
      return setTimeBox(doc, actor, cmd);
    case 'discuss':
      return discuss(doc, actor, cmd);
    case 'decide':
      return recordDecision(doc, actor, cmd);
    case 'import-session':
      return importSession(doc, actor, cmd);
    case 'create-round':
      return createRound(doc, actor, cmd.round);
    case 'open-round':
      return openRound(doc, actor, cmd);
    case 'close-round':
      return closeRound(doc, actor, cmd);
    case 'reveal-round':
      return revealRound(doc, actor, cmd);
    case 'remove-round':
      return removeRound(doc, actor, cmd);
    case 'mark-deleted':
      return markTargetsDeleted(doc, actor, cmd);
    case 'restore-deleted':
      return restoreTargets(doc, actor, cmd);
    case 'draft-plan':
      return draftFromTopPriorities(doc, actor, cmd);
    case 'add-initiative':
      return addInitiative(doc, actor, cmd);
    case 'edit-initiative':
      return updateInitiative(doc, actor, cmd);
    case 'remove-initiative':
      return removeInitiative(doc, actor, cmd);
    case 'create-pulse':
      return createPulse(doc, actor, cmd.pulse);
    case 'open-pulse':
    case 'close-pulse':
    case 'reveal-pulse':
      return stepPulse(doc, actor, { pulseId: cmd.pulseId, step: cmd.type === 'open-pulse' ? 'open' : cmd.type === 'close-pulse' ? 'close' : 'reveal', ...(cmd.now === undefined ? {} : { now: cmd.now }) });
    case 'end-session':
      return endSession(doc, actor, cmd.now === undefined ? {} : { now: cmd.now });
    default: {
      // A command from the wire may be anything: refused, never thrown.
      const unknown: { type?: unknown } = cmd;
      return { ok: false, error: 'invalid', message: `Unknown command ${String(unknown.type)}` };
    }
  }
}

export function applyCommand<C extends FacilitatorCommand>(doc: Y.Doc, actor: Actor, cmd: C): CommandResult<C> {
  return fromCore(run(doc, actor, cmd)) as CommandResult<C>;
}
