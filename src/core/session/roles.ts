/**
 * Roles: the facilitator is whoever started the session (on purpose: the panel asks first),
 * and hands over by offering the seat, which the receiver accepts. Taking the seat without a
 * hand-over is a command of its own, and everyone sees who it was taken from (Miro mode; on
 * the sync server the seat is the server's decision). Only the facilitator controls steps,
 * rounds and the plan; the model refuses, the UI only mirrors it. The seat's commands are in
 * seat.ts.
 */
import type * as Y from 'yjs';
import { readSession } from './read.js';
import { fail, type Actor, type RoleError } from './types.js';

export function facilitatorOf(doc: Y.Doc): string | null {
  return readSession(doc).facilitator;
}

export function isFacilitator(doc: Y.Doc, actor: Actor): boolean {
  return facilitatorOf(doc) === actor.userId;
}

/** The refusal a facilitator-only command returns, or null if the actor may go on. */
export function requireFacilitator(doc: Y.Doc, actor: Actor): { ok: false; error: RoleError; message: string } | null {
  return isFacilitator(doc, actor) ? null : fail('not-facilitator', 'Only the facilitator can do that.');
}
