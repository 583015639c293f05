/**
 * The Tryghed sync server: Hocuspocus behind our own HTTP and WebSocket servers, so every
 * socket passes the limits guard before Hocuspocus sees a frame. Storage is SQLite by
 * default, PostgreSQL with DATABASE_URL; Redis (REDIS_URL) joins several instances.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hocuspocus, type Extension } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import { Auth } from './auth.js';
import { BallotGuard } from './ballot-guard.js';
import { encodeBroadcastsOnce } from './broadcast.js';
import type { ServerConfig } from './config.js';
import { DocPersistence, type DocStore } from './doc-store.js';
import { BoardSizes, CloseDroppedSockets, guardSocket } from './limits.js';
import { signMiroToken } from './miro-token.js';
import { EndedSessions } from './ended.js';
import { IdleBoards } from './idle.js';
import { controlRoom } from './miro-token.js';
import { PresenceGuard } from './presence.js';
import { ClientIds } from './client-ids.js';
import { RedisClaimPeers } from './client-id-owners.js';
import { BoardDocs } from './rooms.js';
import { SqliteStorage } from './persistence-sqlite.js';
import { serveStatic } from './static.js';
import { ThreadDocStore } from './storage-thread.js';
import { UnloadGrace } from './unload-grace.js';
import { VoteService } from './votes/service.js';
import type { Storage } from './votes/types.js';

export interface TryghedServer {
  hocuspocus: Hocuspocus;
  http: HttpServer;
  storage: Storage;
  /** Where the board documents are stored (the operator's release-seat writes there too). */
  docs: DocStore;
  /** Deletes boards idle longer than IDLE_DAYS (also run at start and every 6 hours). */
  idle: IdleBoards;
  /** Resolves with the bound port (0 in the config picks a free one). */
  listen(): Promise<number>;
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

/** The configured storage: PostgreSQL with DATABASE_URL, else SQLite in DATA_DIR. The
 *  PostgreSQL and Redis clients are loaded only when configured (together some 15 MB of RSS
 *  that a SQLite server would carry for nothing). */
export async function openStorage(config: ServerConfig): Promise<Storage> {
  if (!config.databaseUrl) return new SqliteStorage(config.dataDir, config.sqliteSynchronous);
  const { PostgresStorage } = await import('./persistence-postgres.js');
  return await PostgresStorage.connect(config.databaseUrl);
}

/** With REDIS_URL: Hocuspocus's Redis extension and a maker of clients (loaded only then). */
async function redisClients(url: string | undefined) {
  if (!url) return null;
  const [{ Redis: Extension }, { default: IORedis }] = await Promise.all([import('@hocuspocus/extension-redis'), import('ioredis')]);
  return { Extension, client: () => new IORedis(url, { maxRetriesPerRequest: null }) };
}

/** The configured document store (on its storage thread). */
export function openDocStore(config: ServerConfig): ThreadDocStore {
  return new ThreadDocStore(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'sqlite', dataDir: config.dataDir, synchronous: config.sqliteSynchronous },
  );
}

export async function createTryghedServer(config: ServerConfig): Promise<TryghedServer> {
  encodeBroadcastsOnce();
  const storage = await openStorage(config);

  // Documents are read, merged and written on the storage thread, never on this event loop.
  const docs = openDocStore(config);
  const sizes = new BoardSizes();
  const persistence = new DocPersistence(docs, sizes);
  const boards = new BoardDocs();
  // Anonymous ballot keys are derived under the secret tokens are signed with (ballot-guard.ts).
  const ballotSecret = config.miroClientSecret ?? config.devSecret;
  // Who wrote under which Yjs client id (presence and live writes claim it; kept in the store,
  // told to the other instances over Redis): client-ids.ts.
  const redis = await redisClients(config.redisUrl);
  const clientIds = new ClientIds({ store: storage, peers: redis ? new RedisClaimPeers(redis.client(), redis.client()) : undefined, flushMs: config.storeDebounceMs, secret: ballotSecret, maxNewIdsPerConnection: config.limits.maxNewClientIdsPerConnection });
  // The facilitator's end and delete (`hocuspocus` is made below; nothing ends before it is).
  const ended = new EndedSessions(storage, docs, persistence, clientIds, boards, () => hocuspocus);
  const ending = (room: string) => ended.isEnding(room);
  const votes = new VoteService(storage, boards, { liveIntervalMs: config.liveTallyIntervalMs, ballotSecret, ending });
  votes.commands.ender = (room) => ended.end(room);
  const extensions: Extension[] = [
    new Auth(config), new CloseDroppedSockets(), ended, new PresenceGuard(clientIds), clientIds, new BallotGuard(ballotSecret, boards), persistence, boards, votes,
    new UnloadGrace(config.unloadGraceMs, ending),
  ];
  // A board loaded here is in use: never swept. (`hocuspocus` is made below; the sweep runs after.)
  const idle = new IdleBoards(storage, docs, config.idleDays, (room) => !!hocuspocus && (hocuspocus.documents.has(room) || hocuspocus.documents.has(controlRoom(room))), Date.now, ending);
  extensions.push(idle);
  if (redis) extensions.push(new redis.Extension({ createClient: redis.client }));

  const hocuspocus = new Hocuspocus({
    name: 'tryghed',
    quiet: true,
    extensions,
    debounce: config.storeDebounceMs,
    maxDebounce: config.storeMaxDebounceMs,
    timeout: 30_000,
  });

  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, connections: hocuspocus.getConnectionsCount(), documents: hocuspocus.getDocumentsCount() }));
      return;
    }
    if (config.devAuth && url.pathname === '/dev/token') {
      // Development only (refused in production by loadConfig): the sandbox's stand-in for getIdToken().
      const user = url.searchParams.get('user');
      const team = url.searchParams.get('team');
      if (!user || !team) {
        res.writeHead(400).end('user and team required');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
      res.end(signMiroToken({ user, team, sub: config.miroAppId ?? 'tryghed-dev' }, config.devSecret));
      return;
    }
    if (config.staticDir && serveStatic(config.staticDir, req, res)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: config.limits.maxMessageBytes });
  wss.on('connection', (ws, request) => {
    ws.on('error', (e) => {
      if (!config.quiet) console.error('[tryghed] socket error:', e.message);
    });
    guardSocket(ws, request, config.limits, sizes);
    hocuspocus.handleConnection(ws, request);
  });
  http.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  http.on('clientError', (_e, socket) => socket.destroy());

  const sweep = () => void idle.sweep().catch((e: Error) => console.error('[tryghed] deleting idle boards failed:', e.message));
  const sweeper = setInterval(sweep, 6 * 60 * 60 * 1000);
  sweeper.unref();
  let port = config.port;
  return {
    idle,
    hocuspocus,
    http,
    storage,
    docs,
    get port() {
      return port;
    },
    get url() {
      return `ws://${config.host}:${port}`;
    },
    listen: () =>
      new Promise<number>((resolve, reject) => {
        http.once('error', reject);
        http.listen(config.port, config.host, async () => {
          port = (http.address() as AddressInfo).port;
          sweep();
          // Claims of client ids from the other instances are heard before anyone connects.
          await clientIds.ready.catch(() => undefined);
          if (!config.quiet) console.log(`[tryghed] sync server on ws://${config.host}:${port} (${config.databaseUrl ? 'postgres' : 'sqlite'}${config.redisUrl ? ' + redis' : ''})`);
          resolve(port);
        });
      }),
    async close() {
      clearInterval(sweeper);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((r) => http.close(() => r()));
      // Store what is still pending (debounced or running), then let the extensions shut down.
      const storeId = (name: string) => `onStoreDocument-${name}`;
      await Promise.all(
        [...hocuspocus.documents.values()]
          .filter((doc) => hocuspocus.debouncer.isDebounced(storeId(doc.name)))
          .map((doc) => Promise.resolve(hocuspocus.debouncer.executeNow(storeId(doc.name))).catch(() => undefined)),
      );
      for (let i = 0; i < 500 && [...hocuspocus.documents.values()].some((d) => hocuspocus.debouncer.isCurrentlyExecuting(storeId(d.name))); i++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await Promise.all(
        [...hocuspocus.documents.values()].map((doc) =>
          hocuspocus
            .storeDocumentHooks(doc, {
              clientsCount: 0,
              context: {},
              document: doc,
              documentName: doc.name,
              instance: hocuspocus,
              requestHeaders: {},
              requestParameters: new URLSearchParams(),
              socketId: 'server',
            }, true)
            .catch(() => undefined),
        ),
      );
      await votes.stop();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => undefined);
      await persistence.stop();
      await docs.close();
      await storage.close();
    },
  };
}
