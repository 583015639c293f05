/**
 * Guards that held before but that no test watched (a deliberate bug in each went unnoticed):
 * the per-connection call rate, the frames a connection may send before it signs in, and the
 * cap on a sealed cast of more than one point (through the RPC, and in both storages).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLimits } from '../../src/server/config.js';
import { VoteError, type RoundRecord } from '../../src/server/votes/types.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { authFrame, awarenessQuery, openSocket, signedIn, statelessFrame, stillOpen } from './support/frames.js';
import { client, control, must, newRound, ROOM, startServer, token, waitFor, type Started } from './support/helpers.js';
import { bothStorages } from './support/storages.js';

const RPC_PER_SECOND = 5;
const PENDING_BEFORE_AUTH = 8;

describe('per-connection guards', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer({
      limits: { ...defaultLimits, rpcPerSecond: RPC_PER_SECOND, maxPendingBeforeAuth: PENDING_BEFORE_AUTH, authTimeoutMs: 30_000 },
    });
  });
  afterAll(async () => {
    await s.stop();
  });

  const call = (n: number) => statelessFrame(JSON.stringify({ tryghed: 'rpc', id: `c${n}`, op: 'rounds', args: {} }));

  it('takes a burst of calls up to the rate, and closes the connection at one more', async () => {
    const ok = await signedIn(s.url, 'caller');
    for (let i = 0; i < RPC_PER_SECOND; i++) ok.ws.send(call(i));
    expect(await stillOpen(ok.ws)).toBe(true);
    ok.ws.close();

    const flood = await signedIn(s.url, 'flooder');
    for (let i = 0; i <= RPC_PER_SECOND; i++) flood.ws.send(call(i));
    expect(await flood.closed).toEqual({ code: 4429, reason: 'too many requests' });
  });

  it('queues a few frames before sign-in, and closes the connection at one more', async () => {
    const ok = await openSocket(s.url);
    for (let i = 0; i < PENDING_BEFORE_AUTH; i++) ok.ws.send(awarenessQuery());
    expect(await stillOpen(ok.ws)).toBe(true);
    // ...and those that waited are served once it signs in.
    const answered = new Promise((r) => ok.ws.once('message', r));
    ok.ws.send(authFrame(ROOM, token('late')));
    await answered;
    expect(await stillOpen(ok.ws)).toBe(true);
    ok.ws.close();

    const flood = await openSocket(s.url);
    for (let i = 0; i <= PENDING_BEFORE_AUTH; i++) flood.ws.send(awarenessQuery());
    expect(await flood.closed).toEqual({ code: 4429, reason: 'too many messages before authentication' });
  });
});

describe('a sealed cast of more than one point', () => {
  let s: Started;
  let fac: ServerTransport;
  let p: ServerTransport;
  beforeAll(async () => {
    s = await startServer();
    fac = client(s.url, 'fac');
    p = client(s.url, 'p');
    await Promise.all([fac.whenSynced(), p.whenSynced()]);
    must(await control(fac).apply({ type: 'start-session' }));
  });
  afterAll(async () => {
    fac.destroy();
    p.destroy();
    await s.stop();
  });

  it('is refused past the cap, through the RPC', async () => {
    const roundId = await newRound(fac, { question: 'q', targets: ['111', '222'], budget: 5, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' });
    await expect(p.rpc('cast', { roundId, target: '111', points: 3 })).rejects.toMatchObject({ code: 'cap-reached' });
    expect(await p.rpc('cast', { roundId, target: '111', points: 2 })).toMatchObject({ used: 2, ballot: { '111': 2 } });
    await expect(p.rpc('cast', { roundId, target: '111', points: 1 })).rejects.toMatchObject({ code: 'cap-reached' });
    await expect(p.rpc('cast', { roundId, target: '222', points: 4 })).rejects.toMatchObject({ code: 'cap-reached' });
    expect(await p.rpc('myBallot', { roundId })).toMatchObject({ used: 2, ballot: { '111': 2 } });
  });
});

describe('multi-point casts keep every ballot within cap and budget (property, SQLite and PostgreSQL)', () => {
  const storages = bothStorages();

  const round = (budget: number, cap: number): RoundRecord => ({
    id: 'r1', question: 'q', scope: { kind: 'selection' }, targets: ['a', 'b'], budget, cap, anonymity: 'sealed',
    visibility: 'hidden', k: 1, timeLimitMs: null, createdBy: 'f', createdAt: 0, openedAt: 0, endsAt: null, closedAt: null,
    revealedAt: null, version: 1,
  });

  it('whatever the points of each cast', async () => {
    let n = 0;
    for (const [name, storage] of storages) {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 8 }),
          fc.integer({ min: 1, max: 8 }),
          fc.array(fc.record({ target: fc.constantFrom('a', 'b'), delta: fc.constantFrom(1, 2, 3, 5, -1, -2) }), { maxLength: 12 }),
          async (budget, cap, ops) => {
            const room = `${name}-${n++}`;
            const c = Math.min(cap, budget);
            await storage.insertRound(room, round(budget, c));
            for (const o of ops) {
              await storage.vote(room, 'r1', 'u', o.target, o.delta, 1).catch((e: unknown) => expect(e).toBeInstanceOf(VoteError));
            }
            const b = await storage.ballot(room, 'r1', 'u');
            for (const v of Object.values(b)) expect(v, name).toBeLessThanOrEqual(c);
            expect(Object.values(b).reduce((x, y) => x + y, 0), name).toBeLessThanOrEqual(budget);
          },
        ),
        { numRuns: 60 },
      );
    }
  });
});
