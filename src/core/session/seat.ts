/**
 * The facilitator's seat as commands (roles.ts has who holds it): starting the session,
 * offering and accepting the seat, taking it without a hand-over.
 */
import type * as Y from 'yjs';
import { isId } from './ids.js';
import { readSession } from './read.js';
import { requireFacilitator } from './roles.js';
import { sessionMap } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

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

/** Who holds the seat now: any offer and any "taken from" are over. */
function seat(doc: Y.Doc, to: string, takenFrom?: string): void {
  const s = sessionMap(doc);
  s.set('facilitator', to);
  if (s.has('offeredTo')) s.delete('offeredTo');
  if (takenFrom !== undefined) s.set('takenFrom', takenFrom);
  else if (s.has('takenFrom')) s.delete('takenFrom');
}

/** The facilitator offers the seat to `to` (null withdraws the offer); nothing moves until they accept. */
export function offerSeat(doc: Y.Doc, actor: Actor, input: { to: string | null }): Result<{ offeredTo: string | null }, RoleError | 'invalid'> {
  if (input.to !== null && (!isId(input.to) || input.to === actor.userId)) return fail('invalid', 'Offer the seat to whom?');
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const to = input.to;
  doc.transact(() => {
    const s = sessionMap(doc);
    if (to === null) s.delete('offeredTo');
    else s.set('offeredTo', to);
  }, SESSION_ORIGIN);
  return ok({ offeredTo: to });
}

/** The person offered the seat takes it. */
export function acceptSeat(doc: Y.Doc, actor: Actor): Result<{ facilitator: string }, 'no-offer'> {
  if (readSession(doc).offeredTo !== actor.userId) return fail('no-offer', 'Nobody offered you the seat.');
  doc.transact(() => seat(doc, actor.userId), SESSION_ORIGIN);
  return ok({ facilitator: actor.userId });
}

/** Miro mode: someone takes the seat without a hand-over (the facilitator is gone, say).
 *  Explicit and visible: the session says whose seat it was. */
export function takeSeat(doc: Y.Doc, actor: Actor, input: { now?: number } = {}): Result<{ facilitator: string; takenFrom: string | null }, never> {
  const before = readSession(doc).facilitator;
  if (before === actor.userId) return ok({ facilitator: before, takenFrom: null });
  doc.transact(() => {
    if (before === null) sessionMap(doc).set('startedAt', input.now ?? Date.now());
    seat(doc, actor.userId, before ?? undefined);
  }, SESSION_ORIGIN);
  return ok({ facilitator: actor.userId, takenFrom: before });
}
