/**
 * Presence: who has the app open, through Yjs awareness (the transport provides it).
 * The state carries the user id and a display name, nothing about roles or votes: anonymous
 * ballots are written under throwaway client ids (ballots.ts), never the one awareness shows.
 * In server mode the server refuses a state whose user is not the connection's signed-in
 * user (src/server/presence.ts), and panels show the host's name for that user id.
 */
export interface PresenceState {
  name: string;
  /** The Miro user id (checked against the token in server mode). */
  user?: string;
  /** The workshop step this person said "I'm done" with (its key: step and start, workshop.ts). */
  done?: string;
}

/** The awareness field the state lives under. */
export const PRESENCE_FIELD = 'presence';
