import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { loadConfig } from '../../src/server/config.js';
import { roomName, signMiroToken, verifyMiroToken, TokenRejected } from '../../src/server/miro-token.js';
import { ServerTransport } from '../../src/sync/server-transport.js';
import { client, ROOM, SECRET, startServer, TEAM, token, waitFor, type Started } from './support/helpers.js';

/** Connects with a token and reports whether the server let the provider in. */
async function outcome(url: string, tok: string, room = ROOM): Promise<{ result: 'synced' | 'denied'; reason?: string }> {
  const c = client(url, 'u', { token: tok, room });
  try {
    return await new Promise((resolve) => {
      c.onAuthFailed((reason) => resolve({ result: 'denied', reason }));
      void c.whenSynced().then(() => resolve({ result: 'synced' }));
    });
  } finally {
    c.destroy();
  }
}

/** A raw socket: what the server does with it, and how it closes. */
function rawSocket(url: string): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}

function authFrame(room: string, tok: string): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, 2); // Auth
  encoding.writeVarUint(e, 0); // Token
  encoding.writeVarString(e, tok);
  return encoding.toUint8Array(e);
}

describe('authentication with the Miro id token', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ limits: { ...loadConfig({ MIRO_CLIENT_SECRET: 'x' }).limits, authTimeoutMs: 500 } });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('accepts a valid token for its own team', async () => {
    expect((await outcome(s.url, token('alice'))).result).toBe('synced');
  });

  it('rejects no token', async () => {
    const r = await outcome(s.url, '');
    expect(r).toEqual({ result: 'denied', reason: 'permission-denied: malformed' });
  });

  it('rejects a forged token (signed with another secret)', async () => {
    const r = await outcome(s.url, token('mallory', { secret: 'not-the-secret' }));
    expect(r).toEqual({ result: 'denied', reason: 'permission-denied: bad-signature' });
  });

  it('rejects a token whose payload was altered after signing', async () => {
    const [h, , sig] = token('mallory').split('.');
    const p = Buffer.from(JSON.stringify({ sub: 'tryghed-test-app', user: 'boss', team: TEAM, exp: 9e9 })).toString('base64url');
    expect((await outcome(s.url, `${h}.${p}.${sig}`)).reason).toBe('permission-denied: bad-signature');
  });

  it('rejects alg none', async () => {
    const h = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
    const p = Buffer.from(JSON.stringify({ sub: 'a', user: 'u', team: TEAM, exp: 9e9 })).toString('base64url');
    expect((await outcome(s.url, `${h}.${p}.`)).reason).toBe('permission-denied: unsupported-alg');
  });

  it('rejects an expired token', async () => {
    const long = Math.floor(Date.now() / 1000) - 7200;
    const r = await outcome(s.url, token('alice', { iat: long, ttlSeconds: 600 }));
    expect(r).toEqual({ result: 'denied', reason: 'permission-denied: expired' });
  });

  it("rejects another team's token for this room", async () => {
    const r = await outcome(s.url, token('eve', { team: '999' }));
    expect(r).toEqual({ result: 'denied', reason: 'permission-denied: wrong-team' });
    // ...and the same token is good for its own team's room.
    expect((await outcome(s.url, token('eve', { team: '999' }), roomName('999', 'b1'))).result).toBe('synced');
  });

  it('closes the socket of a rejected client', async () => {
    const { ws, closed } = await rawSocket(s.url);
    ws.send(authFrame(ROOM, token('x', { secret: 'wrong' })));
    expect(await closed).toBe(4401);
  });

  it('closes a connection that never authenticates', async () => {
    const { closed } = await rawSocket(s.url);
    expect(await closed).toBe(4408);
  });

  it('refuses room names that are not tryghed:<team>:<board>', async () => {
    const { ws, closed } = await rawSocket(s.url);
    ws.send(authFrame('some-other-doc', token('alice')));
    expect(await closed).toBe(4400);
  });
});

describe('verifyMiroToken', () => {
  const now = 1_800_000_000;
  const t = (claims: object, secret = SECRET) => {
    const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${h}.${p}.${createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url')}`;
  };
  const why = (f: () => unknown) => {
    try {
      f();
      return 'accepted';
    } catch (e) {
      return (e as TokenRejected).why;
    }
  };
  const base = { sub: 'app', user: 'u', team: 't', iat: now, exp: now + 60 };

  it('checks exp, nbf and iat with a small leeway', () => {
    const v = (c: object, at = now) => why(() => verifyMiroToken(t(c), { secrets: [SECRET], nowSeconds: at, leewaySeconds: 30 }));
    expect(v(base)).toBe('accepted');
    expect(v(base, now + 60 + 29)).toBe('accepted');
    expect(v(base, now + 60 + 30)).toBe('expired');
    expect(v({ ...base, nbf: now + 100 })).toBe('not-yet-valid');
    expect(v({ ...base, iat: now + 100 })).toBe('not-yet-valid');
    expect(v({ ...base, exp: undefined })).toBe('missing-claims');
    expect(v({ ...base, team: '' })).toBe('missing-claims');
  });

  it('checks the app id when configured', () => {
    expect(why(() => verifyMiroToken(t(base), { secrets: [SECRET], appId: 'other', nowSeconds: now }))).toBe('wrong-app');
    expect(why(() => verifyMiroToken(t(base), { secrets: [SECRET], appId: 'app', nowSeconds: now }))).toBe('accepted');
  });

  it('rejects garbage without throwing anything but TokenRejected', () => {
    for (const g of ['', 'a', 'a.b', 'a.b.c', '...', '€.€.€', 'x'.repeat(10_000)]) {
      expect(() => verifyMiroToken(g, { secrets: [SECRET] })).toThrow(TokenRejected);
    }
  });

  it('dev tokens are signed and verified with the dev secret only in dev mode', () => {
    const dev = signMiroToken({ user: 'sandbox-user', team: 't' }, 'dev-secret');
    expect(why(() => verifyMiroToken(dev, { secrets: [SECRET] }))).toBe('bad-signature');
    expect(why(() => verifyMiroToken(dev, { secrets: [SECRET, 'dev-secret'] }))).toBe('accepted');
  });
});

describe('configuration', () => {
  it('never enables dev auth in production', () => {
    expect(() => loadConfig({ TRYGHED_DEV_AUTH: '1', NODE_ENV: 'production' })).toThrow(/refused/);
    expect(loadConfig({ TRYGHED_DEV_AUTH: '1' }).devAuth).toBe(true);
    expect(loadConfig({ MIRO_CLIENT_SECRET: 's' }).devAuth).toBe(false);
  });

  it('refuses to start with no way to verify a token', () => {
    expect(() => loadConfig({})).toThrow(/MIRO_CLIENT_SECRET/);
  });

  it('reads ports, paths and limits from the environment over the defaults', () => {
    const c = loadConfig({ MIRO_CLIENT_SECRET: 's', PORT: '4000', HOST: '0.0.0.0', MAX_MESSAGE_BYTES: '1000', DATABASE_URL: 'postgres://x' });
    expect([c.port, c.host, c.limits.maxMessageBytes, c.databaseUrl, c.limits.authTimeoutMs]).toEqual([4000, '0.0.0.0', 1000, 'postgres://x', 10_000]);
    expect(loadConfig({ MIRO_CLIENT_SECRET: 's' })).toMatchObject({ port: 1234, host: '127.0.0.1' });
    expect(() => loadConfig({ MIRO_CLIENT_SECRET: 's', PORT: 'abc' })).toThrow(/PORT/);
  });
});

describe('dev mode token endpoint', () => {
  it('serves tokens only when dev auth is on, and they let the sandbox in', async () => {
    const dev = await startServer({ devAuth: true, devSecret: 'dev-secret-x' });
    const prod = await startServer();
    try {
      const res = await fetch(`http://127.0.0.1:${dev.server.port}/dev/token?user=sandbox-1&team=${TEAM}`);
      const tok = await res.text();
      expect(res.status).toBe(200);
      expect((await outcome(dev.url, tok)).result).toBe('synced');
      expect((await outcome(prod.url, tok)).result).toBe('denied');
      expect((await fetch(`http://127.0.0.1:${prod.server.port}/dev/token?user=a&team=b`)).status).toBe(404);
    } finally {
      await dev.stop();
      await prod.stop();
    }
  });
});


describe('token refresh on a long connection', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.stop();
  });

  const transportWith = (tokens: () => string) =>
    new ServerTransport({ url: s.url, room: ROOM, token: tokens, WebSocketPolyfill: WebSocket });

  it('asks for a fresh token before the old one expires, and keeps the connection', async () => {
    let calls = 0;
    // The first token expires in 61 s: the server asks for a new one about a second from now.
    const c = transportWith(() => (calls++ === 0 ? token('alice', { ttlSeconds: 61 }) : token('alice')));
    await c.whenSynced();
    const statuses: string[] = [];
    c.onStatus((st) => statuses.push(st));
    await waitFor(() => calls >= 2, 'token requested again', 5000);
    await new Promise((r) => setTimeout(r, 300));
    c.doc.getMap('m').set('still', 'here');
    await waitFor(() => !c.provider.hasUnsyncedChanges, 'edit acknowledged after the refresh');
    expect(statuses).toEqual([]);
    c.destroy();
  });

  it('closes the connection when the fresh token is not valid', async () => {
    let calls = 0;
    const c = transportWith(() => (calls++ === 0 ? token('alice', { ttlSeconds: 61 }) : token('alice', { secret: 'forged' })));
    const failed: string[] = [];
    c.onAuthFailed((r) => failed.push(r));
    await c.whenSynced();
    await waitFor(() => c.status === 'offline', 'closed after a bad refresh', 5000);
    await waitFor(() => failed.length > 0, 'reconnect refused', 5000);
    c.destroy();
  });

  it('closes the connection when the fresh token is for someone else', async () => {
    let calls = 0;
    const c = transportWith(() => (calls++ === 0 ? token('alice', { ttlSeconds: 61 }) : token('mallory')));
    await c.whenSynced();
    await waitFor(() => c.status === 'offline', 'closed after a token for another user', 5000);
    c.destroy();
  });
});
