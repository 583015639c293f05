/**
 * Roles: the facilitator is whoever started the session, and can hand over. Only the
 * facilitator controls rounds and the plan; the model refuses, the UI only mirrors it.
 */
import type * as Y from 'yjs';
import { isId } from './ids.js';
import { readSession } from './read.js';
import { sessionMap } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

export function facilitatorOf(doc: Y.Doc): string | null {
  return readSession(doc).facilitator;
}

export function isFacilitator(doc: Y.Doc, actor: Actor): boolean {
  return facilitatorOf(doc) === actor.userId;
}

/** Start the session with the actor as facilitator. If it has already started, nothing
 *  changes and the current facilitator is returned. (Two concurrent starts: last writer wins,
 *  and both replicas agree on one facilitator after they converge.) */
export function startSession(doc: Y.Doc, actor: Actor, input: { now?: number } = {}): Result<{ facilitator: string }, never> {
  const s = sessionMap(doc);
  doc.transact(() => {
    // A bad value (not an id) is no facilitator: the seat is free.
    if (readSession(doc).facilitator !== null) return;
    s.set('facilitator', actor.userId);
    s.set('startedAt', input.now ?? Date.now());
  }, SESSION_ORIGIN);
  return ok({ facilitator: readSession(doc).facilitator ?? actor.userId });
}

export function handOver(doc: Y.Doc, actor: Actor, input: { to: string }): Result<{ facilitator: string }, RoleError | 'invalid'> {
  if (!isId(input.to)) return fail('invalid', 'Hand over to whom?');
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  doc.transact(() => sessionMap(doc).set('facilitator', input.to), SESSION_ORIGIN);
  return ok({ facilitator: input.to });
}

/** The refusal a facilitator-only command returns, or null if the actor may go on. */
export function requireFacilitator(doc: Y.Doc, actor: Actor): { ok: false; error: RoleError; message: string } | null {
  return isFacilitator(doc, actor) ? null : fail('not-facilitator', 'Only the facilitator can do that.');
}
