/**
 * New connections per person (issue 9, limits): each connection brings a fresh allowance (a
 * first sync of the whole board, new client ids), so one signed-in user may open only so many
 * a minute. The excess is closed with 4429 before anything is loaded or synced to it; others
 * are unaffected; the allowance refills; the provider retries after a delay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { defaultLimits, loadConfig, type Limits } from '../../src/server/config.js';
import { authFrame, openSocket, syncStep1, type Closed } from './support/frames.js';
import { ServerTransport } from '../../src/sync/server-transport.js';
import { ROOM, startServer, token, waitFor, type Started } from './support/helpers.js';

/** `ws` throws (or emits an unhandled 'error') when a socket still connecting is closed; a
 *  browser's WebSocket just drops it. The provider does that when its retry and its reconnect
 *  after a close (before any answer) meet. */
class BrowserLikeWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args);
    this.on('error', () => undefined);
  }
  override close(code?: number, reason?: string): void {
    if (this.readyState === WebSocket.CONNECTING) this.terminate();
    else super.close(code, reason);
  }
}

interface Outcome {
  ws: WebSocket;
  /** Sync answers (step 2: the document) the server sent this socket. */
  synced: number;
  messages: number;
  closed: Closed | null;
}

/** Opens `n` sockets at once for `user`, each signing in and asking for the document. */
async function burst(url: string, user: string, n: number): Promise<Outcome[]> {
  const socks = await Promise.all(Array.from({ length: n }, () => openSocket(url)));
  return socks.map(({ ws, closed }) => {
    const o: Outcome = { ws, synced: 0, messages: 0, closed: null };
    ws.on('message', (data: Buffer) => {
      o.messages++;
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      if ((type === 0 || type === 4) && decoding.readVarUint(d) === 1) o.synced++;
    });
    void closed.then((c) => (o.closed = c));
    ws.send(authFrame(ROOM, token(user)));
    ws.send(syncStep1());
    return o;
  });
}

const settled = (os: Outcome[]) => waitFor(() => os.every((o) => o.closed || o.synced > 0), 'every socket answered or closed');
const refused = (o: Outcome) => o.closed?.code === 4429 && o.closed.reason === 'too many new connections' && o.messages === 0;

describe('new connections per user', () => {
  let s: Started | undefined;
  const open: Array<{ destroy(): void }> = [];
  afterEach(async () => {
    for (const c of open.splice(0)) c.destroy();
    await s?.stop();
    s = undefined;
  });
  const closeAll = (os: Outcome[]) => os.forEach((o) => open.push({ destroy: () => o.ws.terminate() }));

  it('past the burst are closed with 4429 and get nothing; another user is unaffected; the allowance refills', async () => {
    // One a second after a burst of 3: quick to refill in a test.
    const limits: Limits = { ...defaultLimits, newConnectionBurst: 3, newConnectionsPerMinute: 60 };
    s = await startServer({ limits });
    const [mine, others] = await Promise.all([burst(s.url, 'rapid', 6), burst(s.url, 'other', 3)]);
    closeAll(mine);
    closeAll(others);
    await settled([...mine, ...others]);
    expect(mine.filter((o) => o.synced > 0 && !o.closed)).toHaveLength(3);
    expect(mine.filter(refused)).toHaveLength(3);
    expect(others.every((o) => o.synced > 0 && !o.closed)).toBe(true);

    await new Promise((r) => setTimeout(r, 1100));
    const again = await burst(s.url, 'rapid', 1);
    closeAll(again);
    await settled(again);
    expect(again[0]!.synced).toBeGreaterThan(0);
    expect(again[0]!.closed).toBeNull();
  }, 30_000);

  it('the default lets 20 in at once, not 21', async () => {
    s = await startServer();
    const mine = await burst(s.url, 'tabs', 21);
    closeAll(mine);
    await settled(mine);
    expect(mine.filter((o) => o.synced > 0 && !o.closed)).toHaveLength(defaultLimits.newConnectionBurst);
    expect(mine.filter(refused)).toHaveLength(1);
  }, 30_000);

  it('the provider, refused, retries after a delay and gets in once the allowance refills', async () => {
    const limits: Limits = { ...defaultLimits, newConnectionBurst: 1, newConnectionsPerMinute: 30 };
    s = await startServer({ limits });
    const first = await burst(s.url, 'panel', 1);
    closeAll(first);
    await settled(first);
    const refusals: Array<{ code: number; at: number }> = [];
    const c = new ServerTransport({ url: s.url, room: ROOM, token: token('panel'), WebSocketPolyfill: BrowserLikeWebSocket });
    open.push(c);
    c.onRefused(({ code }) => refusals.push({ code, at: performance.now() }));
    await c.whenSynced();
    // The allowance came back after 2 s; the provider waits about a second between tries.
    expect(refusals.length).toBeGreaterThanOrEqual(1);
    expect(refusals.length).toBeLessThanOrEqual(4);
    expect(new Set(refusals.map((r) => r.code))).toEqual(new Set([4429]));
    for (let i = 1; i < refusals.length; i++) expect(refusals[i]!.at - refusals[i - 1]!.at).toBeGreaterThan(800);
  }, 30_000);
});

describe('the setting', () => {
  const env = { MIRO_CLIENT_SECRET: 's' };
  it('is read from the environment', () => {
    const l = loadConfig({ ...env, NEW_CONNECTIONS_PER_MINUTE: '9', NEW_CONNECTION_BURST: '4' }).limits;
    expect([l.newConnectionsPerMinute, l.newConnectionBurst]).toEqual([9, 4]);
    expect(loadConfig(env).limits.newConnectionBurst).toBe(20);
  });
  it('refuses a bad value', () => {
    for (const bad of ['x', '-1', '1.5', '0']) {
      expect(() => loadConfig({ ...env, NEW_CONNECTIONS_PER_MINUTE: bad })).toThrow(/NEW_CONNECTIONS_PER_MINUTE/);
      expect(() => loadConfig({ ...env, NEW_CONNECTION_BURST: bad })).toThrow(/NEW_CONNECTION_BURST/);
    }
  });
});
