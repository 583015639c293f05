/**
 * The sync server's room for a board: `tryghed:<team>:<board>` (src/server/miro-token.ts
 * checks it the same way; that file uses node:crypto, so the browser side names it here).
 * The team is the `team` claim of Miro's id token: read, not verified; the server verifies.
 */
const ID = /^[A-Za-z0-9_=-]{1,100}$/;

export function teamOf(token: string): string {
  const part = token.split('.')[1];
  if (!part) throw new Error('The id token is not a JWT');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  const team = (JSON.parse(json) as { team?: unknown }).team;
  if (typeof team !== 'string' || !ID.test(team)) throw new Error('The id token names no team');
  return team;
}

export function roomName(team: string, boardId: string): string {
  if (!ID.test(team) || !ID.test(boardId)) throw new Error(`Cannot name a room for team ${team}, board ${boardId}`);
  return `tryghed:${team}:${boardId}`;
}
