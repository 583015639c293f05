/**
 * Authentication: every connection presents a Miro id token for one room
 * (`tryghed:<team>:<board>`); the token's team must be the room's team. The user and team
 * go into the connection context for the vote service.
 */
import type { connectedPayload, Extension, onAuthenticatePayload, onTokenSyncPayload } from '@hocuspocus/server';
import type { ServerConfig } from './config.js';
import { NewConnections } from './connection-rate.js';
import { CloseCodes, SocketGuard } from './limits.js';
import { parseRoom, TokenRejected, verifyMiroToken } from './miro-token.js';

export interface AuthContext {
  user: string;
  team: string;
  board: string;
  /** The board's room (its shared doc's name), also on a connection to its control doc. */
  room: string;
  /** This connection is to the board's control doc: read-only. */
  control: boolean;
  /** Expiry of the token the connection holds (seconds since the epoch). */
  exp: number;
}

type Conn = connectedPayload['connection'];
const TOO_MANY = Symbol('too many new connections');
/** Ask for a fresh token this long before the one held expires (limits.tokenRefreshDeadlineMs: how long to wait). */
const REFRESH_LEAD_S = 60;

export class Auth implements Extension {
  extensionName = 'tryghed-auth';
  // Runs before the other extensions' onAuthenticate (none) and before documents load.
  priority = 1000;
  private readonly secrets: string[];
  private readonly newConnections: NewConnections;

  constructor(private readonly config: Pick<ServerConfig, 'miroClientSecret' | 'miroAppId' | 'devAuth' | 'devSecret' | 'quiet' | 'limits'>) {
    this.secrets = [
      ...(config.miroClientSecret ? [config.miroClientSecret] : []),
      ...(config.devAuth ? [config.devSecret] : []),
    ];
    this.newConnections = new NewConnections(config.limits.newConnectionsPerMinute, config.limits.newConnectionBurst);
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<AuthContext> {
    const guard = SocketGuard.of(data.request);
    try {
      const room = parseRoom(data.documentName);
      if (!room) throw new TokenRejected('malformed');
      const claims = verifyMiroToken(data.token, { secrets: this.secrets, appId: this.config.miroAppId });
      if (claims.team !== room.team) throw new Error('token team does not match the room');
      // Counted once per socket (its two documents sign in over it), before anything loads.
      if (guard && !guard.authenticated && !this.newConnections.take(`${claims.team}:${claims.user}`)) throw TOO_MANY;
      guard?.markAuthenticated();
      // No client writes the control doc: only the server's checked commands change it.
      if (room.control) data.connectionConfig.readOnly = true;
      return { user: claims.user, team: claims.team, board: room.board, room: room.room, control: room.control, exp: claims.exp };
    } catch (e) {
      if (e === TOO_MANY) {
        // Closed before any answer (no permission-denied: the panel says "too fast, reconnects by
        // itself", not "sign-in failed"); the provider tries again after about a second.
        guard?.close({ code: CloseCodes.rate, reason: 'too many new connections' });
        throw { reason: 'permission-denied: too many new connections' };
      }
      // Hocuspocus answers permission-denied but keeps the socket: close it once that is sent.
      guard?.close({ code: CloseCodes.unauthorized, reason: 'unauthorized' }, 50);
      const why = e instanceof TokenRejected ? e.why : 'wrong-team';
      // An object without `message` keeps Hocuspocus from logging every rejected token.
      throw { reason: `permission-denied: ${why}` };
    }
  }

  // A connection outlives its token: shortly before it expires the server asks the client
  // for a fresh one (the provider calls getIdToken() again) and closes it if none comes.
  private readonly timers = new WeakMap<Conn, NodeJS.Timeout[]>();

  private schedule(connection: Conn, exp: number): void {
    this.clear(connection);
    const due = Math.max(0, exp * 1000 - Date.now() - REFRESH_LEAD_S * 1000);
    const ask = setTimeout(() => {
      connection.requestToken();
      const deadline = setTimeout(() => connection.close({ code: CloseCodes.unauthorized, reason: 'token expired' }), this.config.limits.tokenRefreshDeadlineMs);
      deadline.unref();
      this.timers.get(connection)?.push(deadline);
    }, due);
    ask.unref();
    this.timers.set(connection, [ask]);
  }

  private clear(connection: Conn): void {
    for (const t of this.timers.get(connection) ?? []) clearTimeout(t);
  }

  async connected({ connection, context }: connectedPayload): Promise<void> {
    const ctx = context as AuthContext;
    connection.onClose(() => this.clear(connection));
    this.schedule(connection, ctx.exp);
  }

  async onTokenSync({ token, connection, context, documentName }: onTokenSyncPayload): Promise<Partial<AuthContext>> {
    const ctx = context as AuthContext;
    const claims = verifyMiroToken(token, { secrets: this.secrets, appId: this.config.miroAppId });
    // The fresh token must be the same person in the same team; anything else ends the connection.
    if (claims.user !== ctx.user || claims.team !== ctx.team || parseRoom(documentName)?.team !== claims.team) {
      throw { reason: 'permission-denied: token changed user or team' };
    }
    ctx.exp = claims.exp;
    this.schedule(connection, claims.exp);
    return { exp: claims.exp };
  }
}
