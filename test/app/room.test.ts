import { describe, expect, it } from 'vitest';
import { roomName, teamOf } from '../../src/app/room.js';
import { parseRoom, signMiroToken } from '../../src/server/miro-token.js';

describe('the sync server room of a board', () => {
  it('is named from the id token’s team and the board id, as the server parses it', () => {
    const token = signMiroToken({ user: 'u1', team: 'team-42', sub: 'app' }, 'secret');
    const room = roomName(teamOf(token), 'uXjVO_abc=');
    expect(room).toBe('tryghed:team-42:uXjVO_abc=');
    expect(parseRoom(room)).toEqual({ team: 'team-42', board: 'uXjVO_abc=', room, control: false });
    // Its control doc (the facilitator's state) belongs to the same board.
    expect(parseRoom(`${room}:control`)).toEqual({ team: 'team-42', board: 'uXjVO_abc=', room, control: true });
  });

  it('refuses tokens and ids it cannot name a room from', () => {
    expect(() => teamOf('not-a-token')).toThrow();
    expect(() => teamOf(signMiroToken({ user: 'u1', team: 'bad team' }, 's'))).toThrow(/team/);
    expect(() => roomName('t', 'board/../x')).toThrow();
  });
});
