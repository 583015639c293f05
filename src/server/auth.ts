/**
 * Authentication: every connection presents a Miro id token for one room
 * (`tryghed:<team>:<board>`); the token's team must be the room's team. The user and team
 * go into the connection context for the vote service.
 */
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { ServerConfig } from './config.js';
import { CloseCodes, SocketGuard } from './limits.js';
import { parseRoom, TokenRejected, verifyMiroToken } from './miro-token.js';

export interface AuthContext {
  user: string;
  team: string;
  board: string;
  room: string;
}

export class Auth implements Extension {
  extensionName = 'tryghed-auth';
  // Runs before the other extensions' onAuthenticate (none) and before documents load.
  priority = 1000;
  private readonly secrets: string[];

  constructor(private readonly config: Pick<ServerConfig, 'miroClientSecret' | 'miroAppId' | 'devAuth' | 'devSecret' | 'quiet'>) {
    this.secrets = [
      ...(config.miroClientSecret ? [config.miroClientSecret] : []),
      ...(config.devAuth ? [config.devSecret] : []),
    ];
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<AuthContext> {
    const guard = SocketGuard.of(data.request);
    try {
      const room = parseRoom(data.documentName);
      if (!room) throw new TokenRejected('malformed');
      const claims = verifyMiroToken(data.token, { secrets: this.secrets, appId: this.config.miroAppId });
      if (claims.team !== room.team) throw new Error('token team does not match the room');
      guard?.markAuthenticated();
      return { user: claims.user, team: claims.team, board: room.board, room: data.documentName };
    } catch (e) {
      // Hocuspocus answers permission-denied but keeps the socket: close it once that is sent.
      guard?.close({ code: CloseCodes.unauthorized, reason: 'unauthorized' }, 50);
      const why = e instanceof TokenRejected ? e.why : 'wrong-team';
      // An object without `message` keeps Hocuspocus from logging every rejected token.
      throw { reason: `permission-denied: ${why}` };
    }
  }
}
