/**
 * Server configuration: environment variables merged over embedded defaults. The defaults
 * run one process on 127.0.0.1 with SQLite in ./data; deployment sets HOST, DATABASE_URL,
 * REDIS_URL and MIRO_CLIENT_SECRET.
 */
import { resolve } from 'node:path';

export interface Limits {
  /** Largest WebSocket frame accepted (bytes); bigger frames close the connection. */
  maxMessageBytes: number;
  /** Token bucket per connection: sustained messages per second and the burst on top. */
  messagesPerSecond: number;
  messageBurst: number;
  /** A connection that has not authenticated within this time is closed (ms). */
  authTimeoutMs: number;
  /** Messages a connection may queue before its authentication completes. */
  maxPendingBeforeAuth: number;
  /** Vote RPCs per connection per second (they hit the database). */
  rpcPerSecond: number;
  /** Byte bucket per connection: sustained bytes per second and the burst on top. */
  bytesPerSecond: number;
  byteBurst: number;
  /** Largest size of a board: all its documents together (bytes). An edit past it is refused. */
  maxBoardBytes: number;
  /** Requests for a whole document (sync step 1, answered with all the client lacks) a
   *  connection may make per minute, after a burst of `syncBurst`. */
  syncPerMinute: number;
  syncBurst: number;
  /** After the server asks for a fresh token, a connection that sends none is closed (ms). */
  tokenRefreshDeadlineMs: number;
  /** Yjs client ids a connection may claim on a board by writing under them (client-ids.ts).
   *  An honest panel writes under its doc's own id, plus one throwaway id per anonymous round it
   *  votes in and per anonymous pulse it answers (anon-write.ts); a move between sync modes
   *  writes under the new doc's own id (carry-shared.ts), and a reconnect or reload does not add
   *  to one connection's count (the former keeps its ids, the latter is a new connection). The
   *  run sheet has three vote steps and a pulse or two, so a whole workshop on one connection
   *  needs about six; the default allows ten times that (rounds rerun, extra pulses), while one
   *  connection can take at most 64 of a board's 50,000 claims. */
  maxNewClientIdsPerConnection: number;
  /** New connections one signed-in person (team + user) may open per minute, after a burst of
   *  `newConnectionBurst` (connection-rate.ts), per instance. Counted per socket: a panel's two
   *  documents share one. Honest use: one panel per device, a few devices or tabs,
   *  a reload now and then, and one reconnect per socket after each network blip (the provider
   *  waits about a second between tries): a whole ~2 h workshop is some tens of connections, a bad moment (all
   *  tabs reloaded at once) a handful. The defaults let 20 at once and one every 10 s after,
   *  while one person needs ~2 h of reconnecting to take a board's 50,000 client-id claims,
   *  and can no longer make the server send the whole board faster than 6 new first syncs a minute. */
  newConnectionsPerMinute: number;
  newConnectionBurst: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL connection string: documents and ballots go there instead of SQLite. */
  databaseUrl: string | undefined;
  /** Redis URL: several instances fan out updates through it and serve one board. */
  redisUrl: string | undefined;
  /** Miro app client secret: verifies `getIdToken()` tokens (HS256). */
  miroClientSecret: string | undefined;
  /** Optional Miro app id: when set, the token's `sub` must equal it. */
  miroAppId: string | undefined;
  /** Development tokens signed by this server (sandbox); refused in production. */
  devAuth: boolean;
  devSecret: string;
  /** Directory of the built app (vite build) served over HTTP; null serves nothing. */
  staticDir: string | null;
  /** Hocuspocus store debounce for document edits (ms); round control and votes are stored at once. */
  storeDebounceMs: number;
  storeMaxDebounceMs: number;
  /** SQLite `synchronous`: NORMAL survives a killed process, FULL also a power cut. */
  sqliteSynchronous: 'NORMAL' | 'FULL';
  /** Least time between two published tallies of a live round whose totals are shown (ms):
   *  a batch of casts shows as one change, not one change per cast. */
  liveTallyIntervalMs: number;
  /** Boards nobody has opened for this many days are deleted with all their data; 0 keeps them. */
  idleDays: number;
  /** A board stays in memory this long after its last connection left (unload-grace.ts), ms. */
  unloadGraceMs: number;
  limits: Limits;
  quiet: boolean;
}

export const defaultLimits: Limits = {
  maxMessageBytes: 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 400,
  authTimeoutMs: 10_000,
  maxPendingBeforeAuth: 64,
  rpcPerSecond: 50,
  bytesPerSecond: 256 * 1024,
  byteBurst: 2 * 1024 * 1024,
  maxBoardBytes: 8 * 1024 * 1024,
  syncPerMinute: 12,
  syncBurst: 6,
  tokenRefreshDeadlineMs: 30_000,
  maxNewClientIdsPerConnection: 64,
  newConnectionsPerMinute: 6,
  newConnectionBurst: 20,
};

export const defaultConfig: ServerConfig = {
  host: '127.0.0.1',
  port: 1234,
  dataDir: resolve('data'),
  databaseUrl: undefined,
  redisUrl: undefined,
  miroClientSecret: undefined,
  miroAppId: undefined,
  devAuth: false,
  devSecret: 'tryghed-dev-secret-not-for-production',
  staticDir: null,
  storeDebounceMs: 500,
  storeMaxDebounceMs: 3000,
  sqliteSynchronous: 'NORMAL',
  liveTallyIntervalMs: 3000,
  idleDays: 90,
  unloadGraceMs: 10_000,
  limits: defaultLimits,
  quiet: false,
};

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

const str = (env: Env, name: string): string | undefined => (env[name] ? env[name] : undefined);

/** Reads the environment over the defaults (and over `overrides`, for tests and `npm start`). */
export function loadConfig(env: Env = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const base = { ...defaultConfig, ...overrides, limits: { ...defaultLimits, ...overrides.limits } };
  const l = base.limits;
  const sync = (str(env, 'SQLITE_SYNCHRONOUS') ?? base.sqliteSynchronous).toUpperCase();
  if (sync !== 'NORMAL' && sync !== 'FULL') throw new Error('SQLITE_SYNCHRONOUS must be NORMAL or FULL');
  const config: ServerConfig = {
    ...base,
    host: str(env, 'HOST') ?? base.host,
    port: int(env, 'PORT', base.port),
    dataDir: resolve(str(env, 'DATA_DIR') ?? base.dataDir),
    databaseUrl: str(env, 'DATABASE_URL') ?? base.databaseUrl,
    redisUrl: str(env, 'REDIS_URL') ?? base.redisUrl,
    miroClientSecret: str(env, 'MIRO_CLIENT_SECRET') ?? base.miroClientSecret,
    miroAppId: str(env, 'MIRO_APP_ID') ?? base.miroAppId,
    devAuth: env.TRYGHED_DEV_AUTH !== undefined ? env.TRYGHED_DEV_AUTH === '1' : base.devAuth,
    devSecret: str(env, 'TRYGHED_DEV_SECRET') ?? base.devSecret,
    staticDir: str(env, 'STATIC_DIR') ? resolve(env.STATIC_DIR!) : base.staticDir,
    storeDebounceMs: int(env, 'STORE_DEBOUNCE_MS', base.storeDebounceMs),
    storeMaxDebounceMs: int(env, 'STORE_MAX_DEBOUNCE_MS', base.storeMaxDebounceMs),
    sqliteSynchronous: sync,
    liveTallyIntervalMs: int(env, 'LIVE_TALLY_INTERVAL_MS', base.liveTallyIntervalMs),
    idleDays: int(env, 'IDLE_DAYS', base.idleDays),
    unloadGraceMs: int(env, 'UNLOAD_GRACE_MS', base.unloadGraceMs),
    quiet: env.QUIET !== undefined ? env.QUIET === '1' : base.quiet,
    limits: {
      maxMessageBytes: int(env, 'MAX_MESSAGE_BYTES', l.maxMessageBytes),
      messagesPerSecond: int(env, 'MAX_MESSAGES_PER_SECOND', l.messagesPerSecond),
      messageBurst: int(env, 'MESSAGE_BURST', l.messageBurst),
      authTimeoutMs: int(env, 'AUTH_TIMEOUT_MS', l.authTimeoutMs),
      maxPendingBeforeAuth: int(env, 'MAX_PENDING_BEFORE_AUTH', l.maxPendingBeforeAuth),
      rpcPerSecond: int(env, 'RPC_PER_SECOND', l.rpcPerSecond),
      bytesPerSecond: int(env, 'MAX_BYTES_PER_SECOND', l.bytesPerSecond),
      byteBurst: int(env, 'BYTE_BURST', l.byteBurst),
      maxBoardBytes: int(env, 'MAX_BOARD_BYTES', l.maxBoardBytes),
      syncPerMinute: int(env, 'MAX_SYNC_PER_MINUTE', l.syncPerMinute),
      syncBurst: int(env, 'SYNC_BURST', l.syncBurst),
      tokenRefreshDeadlineMs: int(env, 'TOKEN_REFRESH_DEADLINE_MS', l.tokenRefreshDeadlineMs),
      maxNewClientIdsPerConnection: int(env, 'MAX_NEW_CLIENT_IDS_PER_CONNECTION', l.maxNewClientIdsPerConnection),
      newConnectionsPerMinute: int(env, 'NEW_CONNECTIONS_PER_MINUTE', l.newConnectionsPerMinute),
      newConnectionBurst: int(env, 'NEW_CONNECTION_BURST', l.newConnectionBurst),
    },
  };
  checkConfig(config, env);
  return config;
}

/** Refuses configurations that would be unsafe or could never authenticate anyone. */
export function checkConfig(config: ServerConfig, env: Env = process.env): void {
  if (config.devAuth && env.NODE_ENV === 'production') {
    throw new Error('TRYGHED_DEV_AUTH=1 is refused when NODE_ENV=production: development tokens would let anyone in');
  }
  if (!config.devAuth && !config.miroClientSecret) {
    throw new Error('MIRO_CLIENT_SECRET is not set (and TRYGHED_DEV_AUTH is off): no token could be verified');
  }
  // Zero would turn everyone away (a burst of 0) or for ever after the burst (0 a minute).
  if (config.limits.newConnectionsPerMinute < 1 || config.limits.newConnectionBurst < 1) {
    throw new Error('NEW_CONNECTIONS_PER_MINUTE and NEW_CONNECTION_BURST must be at least 1');
  }
  if (config.redisUrl && !config.databaseUrl && !config.quiet) {
    console.warn('[tryghed] REDIS_URL without DATABASE_URL: instances must share one SQLite file on one host');
  }
}
