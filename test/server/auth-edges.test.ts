/**
 * The edges of the token check that a deliberate bug slipped past before: signatures that are
 * a prefix of the right one, `nbf`/`iat` exactly at the leeway, a connection that never sends
 * the fresh token it was asked for, and a fresh token of another team.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { defaultLimits } from '../../src/server/config.js';
import { verifyMiroToken, type TokenRejected } from '../../src/server/miro-token.js';
import { ServerTransport } from '../../src/sync/server-transport.js';
import { authFrame, openSocket } from './support/frames.js';
import { ROOM, SECRET, startServer, token, waitFor, type Started } from './support/helpers.js';

describe('verifyMiroToken at the edges', () => {
  const now = 1_800_000_000;
  const leeway = 30;
  const sign = (claims: object) => {
    const h = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const p = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${h}.${p}.${createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url')}`;
  };
  const why = (tok: string) => {
    try {
      verifyMiroToken(tok, { secrets: [SECRET], nowSeconds: now, leewaySeconds: leeway });
      return 'accepted';
    } catch (e) {
      return (e as TokenRejected).why;
    }
  };
  const base = { sub: 'app', user: 'u', team: 't', iat: now, exp: now + 600 };

  it('refuses a signature that is a prefix of the right one, down to one byte', () => {
    const [h, p, s] = sign(base).split('.') as [string, string, string];
    const right = Buffer.from(s, 'base64url');
    expect(right.length).toBe(32);
    expect(why(`${h}.${p}.${s}`)).toBe('accepted');
    for (const n of [31, 16, 2, 1]) {
      expect(why(`${h}.${p}.${right.subarray(0, n).toString('base64url')}`), `${n} bytes`).toBe('bad-signature');
    }
    // The right signature with a byte more is not the right signature either.
    expect(why(`${h}.${p}.${Buffer.concat([right, Buffer.from([0])]).toString('base64url')}`)).toBe('bad-signature');
  });

  it('takes nbf and iat exactly at the leeway, and refuses them one second past it', () => {
    for (const claim of ['nbf', 'iat'] as const) {
      expect(why(sign({ ...base, [claim]: now + leeway })), `${claim} at the leeway`).toBe('accepted');
      expect(why(sign({ ...base, [claim]: now + leeway + 1 })), `${claim} past the leeway`).toBe('not-yet-valid');
    }
  });
});

describe('a connection outliving its token', () => {
  const deadlineMs = 400;
  let s: Started;
  beforeAll(async () => {
    s = await startServer({ limits: { ...defaultLimits, tokenRefreshDeadlineMs: deadlineMs } });
  });
  afterAll(async () => {
    await s.stop();
  });

  it('is closed by the deadline when it does not answer the request for a fresh token', async () => {
    // The token expires in 61 s: the server asks for a fresh one within a second (60 s ahead).
    const { ws, closed } = await openSocket(s.url);
    const asked: number[] = [];
    let messages = 0;
    ws.on('message', () => {
      // The first message answers the sign-in; the next one is the request for a token.
      if (++messages === 2) asked.push(Date.now());
    });
    ws.send(authFrame(ROOM, token('alice', { ttlSeconds: 61 })));
    const { code, reason } = await closed;
    expect([code, reason]).toEqual([4401, 'token expired']);
    expect(asked).toHaveLength(1);
    expect(Date.now() - asked[0]!).toBeGreaterThanOrEqual(deadlineMs - 20);
  });

  it('is closed when the fresh token is of another team, and cannot come back with it', async () => {
    let calls = 0;
    const c = new ServerTransport({
      url: s.url,
      room: ROOM,
      token: () => (calls++ === 0 ? token('alice', { ttlSeconds: 61 }) : token('alice', { team: '999' })),
      WebSocketPolyfill: WebSocket,
    });
    const failed: string[] = [];
    c.onAuthFailed((r) => failed.push(r));
    await c.whenSynced();
    await waitFor(() => c.status === 'offline', 'closed after a token of another team', 5000);
    await waitFor(() => failed.length > 0, 'reconnect refused', 5000);
    expect(failed[0]).toBe('permission-denied: wrong-team');
    c.destroy();
  });
});
