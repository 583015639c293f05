/** Shared test helpers: a server on 127.0.0.1 with a free port, tokens, clients, waiting. */
import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { CreateRoundInput } from '../../../src/core/session/rounds.js';
import { loadConfig, type ServerConfig } from '../../../src/server/config.js';
import { createTryghedServer, type TryghedServer } from '../../../src/server/index.js';
import { roomName, signMiroToken } from '../../../src/server/miro-token.js';
import { ServerTransport } from '../../../src/sync/server-transport.js';
import { ServerControl } from '../../../src/sync/server-votes.js';

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
  // Live tallies every 200 ms instead of every 3 s keeps tests quick; the throttle's own test sets it.
  const config = loadConfig({ MIRO_CLIENT_SECRET: SECRET, ...env }, { port: 0, host: '127.0.0.1', quiet: true, dataDir, storeDebounceMs: 50, liveTallyIntervalMs: 200, ...overrides });
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

/**
 * People joining one server's room, each synced before use; `closeAll` destroys every client
 * (call it before the server stops). `url` is read at each join: the server may be restarted.
 */
export function joiner(url: () => string, opts: { room?: string } = {}) {
  const open: ServerTransport[] = [];
  return {
    async join(user: string): Promise<ServerTransport> {
      const c = client(url(), user, opts);
      open.push(c);
      await c.whenSynced();
      return c;
    },
    closeAll(): void {
      open.splice(0).forEach((c) => c.destroy());
    },
  };
}

/**
 * For the enclosing describe block: a server on 127.0.0.1 whose session the facilitator 'fac'
 * has started, `join` for more people, all closed after the block; `current()` inside tests and hooks.
 */
export function useStartedSession() {
  let started: { s: Started; fac: ServerTransport } | undefined;
  let url = '';
  const people = joiner(() => url);
  beforeAll(async () => {
    const s = await startServer();
    url = s.url;
    const fac = await people.join('fac');
    must(await control(fac).apply({ type: 'start-session' }));
    started = { s, fac };
  });
  afterAll(async () => {
    people.closeAll();
    await started?.s.stop();
  });
  return {
    join: people.join,
    current(): { s: Started; fac: ServerTransport } {
      if (!started) throw new Error('the server is not started: use it inside a test or hook');
      return started;
    },
  };
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

/** The facilitator's commands through the server, as the app sends them. */
export const control = (c: ServerTransport) => new ServerControl(c);

/** A command's value, or a thrown error naming the refusal. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!r.ok) throw new Error(`refused: ${r.error.code}`);
  return r.value;
}

/** A round made and (unless `open` is false) opened through the facilitator's commands. */
export async function newRound(
  fac: ServerTransport,
  input: Partial<CreateRoundInput> & { targets: string[] },
  open = true,
): Promise<string> {
  const c = control(fac);
  const { roundId } = must(await c.apply({ type: 'create-round', round: { question: 'Hvad skal vi tale mere om?', scope: { kind: 'selection' }, ...input } }));
  if (open) must(await c.apply({ type: 'open-round', roundId }));
  return roundId;
}

let marks = 0;
/**
 * Resolves once the server has handled everything `from` sent so far: a marker written to
 * `from`'s shared doc after it reaches `to` (frames of one socket are handled in order).
 */
export async function settled(from: ServerTransport, to: ServerTransport): Promise<void> {
  const key = `settled-${marks++}`;
  from.doc.getMap('test-marks').set(key, true);
  await waitFor(() => to.doc.getMap('test-marks').get(key) === true, 'marker');
}
