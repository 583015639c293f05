/** Shared test helpers: a server on 127.0.0.1 with a free port, tokens, clients, waiting. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { loadConfig, type ServerConfig } from '../../../src/server/config.js';
import { createTryghedServer, type TryghedServer } from '../../../src/server/index.js';
import { roomName, signMiroToken } from '../../../src/server/miro-token.js';
import { ServerTransport } from '../../../src/sync/server-transport.js';

export const SECRET = 'test-client-secret';
export const TEAM = '3074457345618265000';
export const BOARD = 'uXjVOtest1=';
export const ROOM = roomName(TEAM, BOARD);

export function tempDir(prefix = 'tryghed-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function token(user: string, opts: { team?: string; secret?: string; ttlSeconds?: number; iat?: number } = {}): string {
  return signMiroToken(
    { user, team: opts.team ?? TEAM, sub: 'tryghed-test-app', ttlSeconds: opts.ttlSeconds ?? 3600, ...(opts.iat !== undefined ? { iat: opts.iat } : {}) },
    opts.secret ?? SECRET,
  );
}

export interface Started {
  server: TryghedServer;
  dataDir: string;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(overrides: Partial<ServerConfig> = {}, env: Record<string, string> = {}): Promise<Started> {
  const dataDir = overrides.dataDir ?? tempDir();
  const config = loadConfig({ MIRO_CLIENT_SECRET: SECRET, ...env }, { port: 0, host: '127.0.0.1', quiet: true, dataDir, storeDebounceMs: 50, ...overrides });
  const server = await createTryghedServer(config);
  await server.listen();
  return {
    server,
    dataDir,
    url: server.url,
    async stop() {
      await server.close();
    },
  };
}

export function client(url: string, user: string, opts: { room?: string; token?: string; doc?: Y.Doc } = {}): ServerTransport {
  return new ServerTransport({
    url,
    room: opts.room ?? ROOM,
    token: opts.token ?? token(user),
    WebSocketPolyfill: WebSocket,
    ...(opts.doc ? { doc: opts.doc } : {}),
  });
}

export async function waitFor(cond: () => boolean, what = 'condition', timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function cleanup(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
