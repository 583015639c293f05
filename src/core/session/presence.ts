/**
 * Presence: who has the app open, through Yjs awareness (the transport provides it).
 * The state carries a display name only: no user id, no role, nothing about votes, since
 * awareness is tied to the doc's client id and anonymous ballots must not be.
 */
export interface PresenceState {
  name: string;
}

/** The awareness field the state lives under. */
export const PRESENCE_FIELD = 'presence';
