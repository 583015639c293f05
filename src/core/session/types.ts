/** Plain data shared by every session command: who acts, and what a command returns. */

/** The user a command acts for. `userId` is Miro's user id; the facilitator is always named. */
export interface Actor {
  userId: string;
}

/** A command's answer: refusals are values, never exceptions, so the UI can say why. */
export type Result<T, E extends string = string> =
  | { ok: true; value: T }
  | { ok: false; error: E; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<E extends string>(error: E, message: string): { ok: false; error: E; message: string } {
  return { ok: false, error, message };
}

/** Refusal common to every facilitator-only command. */
export type RoleError = 'not-facilitator';

/** Yjs transaction origin of every session command, so providers and undo can tell them apart. */
export const SESSION_ORIGIN = 'tryghed:session';
