/** Plain data shared by every session command: who acts, and what a command returns. */

/** The user a command acts for. `userId` is Miro's user id; the facilitator is always named. */
export interface Actor {
  userId: string;
}

import type { FailureCode } from '../failures.js';

export type { RoleError } from '../failures.js';

/** A command's answer: refusals are values, never exceptions, so the UI can say why. */
export type Result<T, E extends FailureCode = FailureCode> =
  | { ok: true; value: T }
  | { ok: false; error: E; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** `message` is for developers (tests, logs): it never reaches the user, who is told `error` in words. */
export function fail<E extends FailureCode>(error: E, message: string): { ok: false; error: E; message: string } {
  return { ok: false, error, message };
}


/** Yjs transaction origin of every session command, so providers and undo can tell them apart. */
export const SESSION_ORIGIN = 'tryghed:session';
