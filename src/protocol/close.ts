/**
 * Why the sync server closed a connection: WebSocket close codes in the application's range
 * (4000–4999), sent with a short English reason. The server closes with them; the app shows
 * the panel's user what each means.
 */
export const CloseCodes = {
  malformed: 4400,
  unauthorized: 4401,
  /** Presence for another client id or user (the server's presence guard). */
  forbidden: 4403,
  authTimeout: 4408,
  tooBig: 4413,
  rate: 4429,
  /** The facilitator ended the session and deleted its data; an old copy may not write it back. */
  ended: 4410,
  /** The session is being ended right now: a new connection is turned away for a moment and reconnects. */
  ending: 4409,
  /** The board (all its documents together) would pass the server's size cap. */
  boardFull: 4507,
} as const;

export type CloseReason = keyof typeof CloseCodes;

/** The reason behind a close code, or null for a code the server does not use. */
export function closeReasonOf(code: number): CloseReason | null {
  const hit = Object.entries(CloseCodes).find(([, c]) => c === code);
  return hit ? (hit[0] as CloseReason) : null;
}
