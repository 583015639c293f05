/**
 * The facilitator's run sheet in the doc: which agenda step everyone is at, since when, its
 * time box, and (after a reveal) the item now discussed. Facilitator-owned like rounds: in
 * server mode it lives in the control doc, so only the facilitator's checked calls change it.
 */
import type * as Y from 'yjs';
import { defaultTimeBoxMs, stepOf } from './agenda.js';
import { isId } from './ids.js';
import { readRound, readWorkshop } from './read.js';
import { requireFacilitator } from './roles.js';
import { LIMITS, workshopMap } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

const isTimeBox = (ms: unknown): ms is number => Number.isInteger(ms) && (ms as number) > 0 && (ms as number) <= LIMITS.timeBoxMs;

/** Everyone moves to `step`; its clock starts now, with the given time box or the step's default. */
export function goToStep(doc: Y.Doc, actor: Actor, input: { step: string; timeBoxMs?: number; now?: number }): Result<{ step: string; startedAt: number }, RoleError | 'invalid'> {
  const step = stepOf(input.step);
  if (!step) return fail('invalid', 'No such step.');
  if (input.timeBoxMs !== undefined && !isTimeBox(input.timeBoxMs)) return fail('invalid', 'The time box is out of range.');
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const startedAt = input.now ?? Date.now();
  doc.transact(() => {
    const w = workshopMap(doc);
    w.set('step', step.id);
    w.set('startedAt', startedAt);
    w.set('timeBoxMs', input.timeBoxMs ?? defaultTimeBoxMs(step));
    // A new step discusses nothing yet.
    w.delete('discussRound');
    w.delete('discussTarget');
  }, SESSION_ORIGIN);
  return ok({ step: step.id, startedAt });
}

/** The current step's time box changes; its clock keeps running from when the step started. */
export function setTimeBox(doc: Y.Doc, actor: Actor, input: { timeBoxMs: number }): Result<null, RoleError | 'invalid' | 'no-step'> {
  if (!isTimeBox(input.timeBoxMs)) return fail('invalid', 'The time box is out of range.');
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!readWorkshop(doc)) return fail('no-step', 'The workshop is at no step yet.');
  doc.transact(() => workshopMap(doc).set('timeBoxMs', input.timeBoxMs), SESSION_ORIGIN);
  return ok(null);
}

/** After a reveal: the item everyone discusses now (null: none). */
export function discuss(doc: Y.Doc, actor: Actor, input: { roundId: string; targetId: string | null }): Result<null, RoleError | 'invalid' | 'no-round'> {
  if (!isId(input.roundId) || (input.targetId !== null && !isId(input.targetId))) return fail('invalid', 'Discuss what?');
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const round = readRound(doc, input.roundId);
  if (!round || round.revealedAt === null) return fail('no-round', 'Only a revealed round is discussed.');
  const target = input.targetId;
  doc.transact(() => {
    const w = workshopMap(doc);
    if (target === null) {
      w.delete('discussRound');
      w.delete('discussTarget');
    } else {
      w.set('discussRound', input.roundId);
      w.set('discussTarget', target);
    }
  }, SESSION_ORIGIN);
  return ok(null);
}
