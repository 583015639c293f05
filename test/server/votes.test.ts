import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ballotsMap, facilitatorOf, getRound, publishedMap, readRound, roundsMap, sessionMap, startSession, tally,
  type PublishedTally,
} from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { RpcError } from '../../src/sync/server-transport.js';
import { control, must, newRound, settled, startServer, waitFor, type Started, joiner } from './support/helpers.js';

const rpcError = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return (e as RpcError).code;
  }
};

describe('sealed, server-authoritative voting', () => {
  let s: Started;
  let fac: ServerTransport;
  const { join, closeAll } = joiner(() => s.url);
  /** A sealed round made and opened through the facilitator's commands. */
  const sealedRound = async (opts: { budget?: number; cap?: number; k?: number; visibility?: 'live' | 'hidden' } = {}) => {
    const id = await newRound(fac, {
      targets: ['101', '102', '103', 'n-x'], budget: opts.budget ?? 3, cap: opts.cap ?? 2, k: opts.k ?? 1,
      anonymity: 'sealed', visibility: opts.visibility ?? 'live',
    });
    expect(getRound(fac.doc, id)?.status).toBe('open');
    return id;
  };

  beforeAll(async () => {
    s = await startServer();
    fac = await join('fac');
    expect(await control(fac).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'fac' } });
    expect(sessionMap(fac.doc).get('facilitator')).toBe('fac');
  });
  afterAll(async () => {
    closeAll();
    await s.stop();
  });

  it('the first claim makes the facilitator; later claims do not take it over', async () => {
    const p = await join('p0');
    expect(await control(p).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'fac' } });
    expect(facilitatorOf(p.doc)).toBe('fac');
  });

  it('two devices of one person cannot exceed the budget, however the casts interleave', async () => {
    const id = await sealedRound({ budget: 3, cap: 2 });
    const phone = await join('p1');
    const laptop = await join('p1');
    const targets = ['101', '102', '103', '101', '102', '103', '101', '102', '103', '103'];
    const results = await Promise.allSettled(targets.map((t, i) => (i % 2 ? phone : laptop).rpc('cast', { roundId: id, target: t })));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refused = results.filter((r) => r.status === 'rejected').map((r) => ((r as PromiseRejectedResult).reason as RpcError).code);
    expect(accepted).toBe(3);
    expect(new Set(refused)).toEqual(new Set(['budget-exhausted', ...(refused.includes('cap-reached') ? ['cap-reached'] : [])]));
    const mine = await phone.rpc('myBallot', { roundId: id });
    expect(mine.used).toBe(3);
    expect(await laptop.rpc('myBallot', { roundId: id })).toEqual(mine);
    // Withdraw frees a point on either device.
    const t = Object.keys(mine.ballot)[0]!;
    expect((await laptop.rpc('withdraw', { roundId: id, target: t })).used).toBe(2);
    expect((await phone.rpc('cast', { roundId: id, target: t })).used).toBe(3);
  });

  it('checks cap, targets, open status and withdrawals', async () => {
    const id = await sealedRound({ budget: 5, cap: 2 });
    const p = await join('p2');
    await p.rpc('cast', { roundId: id, target: '101' });
    await p.rpc('cast', { roundId: id, target: '101' });
    expect(await rpcError(p.rpc('cast', { roundId: id, target: '101' }))).toBe('cap-reached');
    expect(await rpcError(p.rpc('cast', { roundId: id, target: 'not-in-round' }))).toBe('not-a-target');
    expect(await rpcError(p.rpc('withdraw', { roundId: id, target: '103' }))).toBe('no-vote');
    expect(await rpcError(p.rpc('cast', { roundId: 'never-opened', target: '101' }))).toBe('no-round');
    expect(await rpcError(p.rpc('cast', { roundId: id, target: '101', points: -5 }))).toBe('bad-request');
    must(await control(fac).apply({ type: 'close-round', roundId: id }));
    expect(await rpcError(p.rpc('cast', { roundId: id, target: '102' }))).toBe('not-open');
    expect(await rpcError(p.rpc('withdraw', { roundId: id, target: '101' }))).toBe('not-open');
  });

  it('a participant cannot open, close or reveal a round, by command or by writing the doc', async () => {
    const p = await join('p3');
    const id = await sealedRound();
    const refused = { ok: false, error: { code: 'not-facilitator' } };
    expect(await control(p).apply({ type: 'close-round', roundId: id })).toMatchObject(refused);
    expect(await control(p).apply({ type: 'reveal-round', roundId: id })).toMatchObject(refused);
    expect(await control(p).apply({ type: 'offer-seat', to: 'p3' })).toMatchObject(refused);
    const r2 = await newRound(fac, { question: 'q', targets: ['101'], anonymity: 'sealed' }, false);
    await waitFor(() => roundsMap(p.doc).has(r2), 'draft reaches p');
    expect(await control(p).apply({ type: 'open-round', roundId: r2 })).toMatchObject(refused);

    // Writing the doc directly: close one round, open another, make oneself facilitator.
    p.doc.transact(() => {
      roundsMap(p.doc).get(id)!.set('closedAt', Date.now());
      roundsMap(p.doc).get(id)!.set('budget', 99);
      roundsMap(p.doc).get(r2)!.set('openedAt', Date.now());
      sessionMap(p.doc).set('facilitator', 'p3');
    });
    await settled(p, fac);
    // Nobody else ever sees it: the control doc is read-only for p's connection.
    for (const c of [fac, await join('p3-later')]) {
      expect(getRound(c.doc, id)).toMatchObject({ status: 'open', budget: 3 });
      expect(getRound(c.doc, r2)?.status).toBe('draft');
      expect(facilitatorOf(c.doc)).toBe('fac');
    }
    // And what counts was never changed: the round is open with its budget of 3.
    expect((await p.rpc('cast', { roundId: id, target: '101' })).budget).toBe(3);
    expect(await rpcError(p.rpc('cast', { roundId: r2, target: '101' }))).toBe('no-round');
  });

  it('the facilitator\'s own direct writes to the control doc count for nothing either: only commands do', async () => {
    const r = await newRound(fac, { question: 'q', targets: ['101'], anonymity: 'sealed', k: 1, visibility: 'live' }, false);
    const p = await join('p4');
    await waitFor(() => roundsMap(p.doc).has(r), 'draft at p');
    roundsMap(fac.doc).get(r)!.set('openedAt', Date.now());
    await settled(fac, p);
    expect(getRound(p.doc, r)?.status).toBe('draft');
    expect(await rpcError(p.rpc('cast', { roundId: r, target: '101' }))).toBe('no-round');
  });

  it('publishes only aggregate tallies, and only when visibility and k allow', async () => {
    const live = await sealedRound({ k: 2, visibility: 'live' });
    const hidden = await sealedRound({ k: 1, visibility: 'hidden' });
    const a = await join('pa');
    const b = await join('pb');
    const pub = (c: ServerTransport, id: string) => publishedMap(c.doc).get(id) as PublishedTally | undefined;

    await a.rpc('cast', { roundId: live, target: '101' });
    await waitFor(() => pub(b, live)?.respondents === 1, 'one respondent published');
    expect(pub(b, live)!.counts).toEqual({}); // below k: no totals
    expect(tally(b.doc, live)).toMatchObject({ visible: false, reason: 'below-k' });
    await b.rpc('cast', { roundId: live, target: '102' });
    await waitFor(() => pub(a, live)?.respondents === 2, 'two respondents');
    expect(pub(a, live)!.counts).toEqual({ '101': 1, '102': 1 });
    expect(tally(a.doc, live)).toMatchObject({ visible: true, respondents: 2, totalVotes: 2 });

    await a.rpc('cast', { roundId: hidden, target: '103' });
    await waitFor(() => pub(b, hidden)?.respondents === 1, 'hidden round respondent');
    expect(pub(b, hidden)!.counts).toEqual({});
    must(await control(fac).apply({ type: 'reveal-round', roundId: hidden }));
    await waitFor(() => pub(b, hidden)?.counts['103'] === 1, 'revealed totals');
    expect(getRound(b.doc, hidden)?.status).toBe('revealed');

    // No ballot ever reaches the doc: nothing names who voted for what.
    const everything = JSON.stringify(a.doc.toJSON());
    expect(everything).not.toContain('"pa"');
    expect(everything).not.toContain('"pb"');
    expect(ballotsMap(a.doc).get(live)?.size ?? 0).toBe(0);
  });

  it('a tally forged by a participant never reaches anyone', async () => {
    const id = await sealedRound({ k: 1 });
    const p = await join('p5');
    await p.rpc('cast', { roundId: id, target: '101' });
    await waitFor(() => (publishedMap(p.doc).get(id) as PublishedTally | undefined)?.counts['101'] === 1, 'real tally');
    p.doc.transact(() => publishedMap(p.doc).set(id, { respondents: 50, counts: { '102': 50 }, publishedAt: 0 }));
    publishedMap(p.doc).set('fake-round', { respondents: 1, counts: { x: 1 }, publishedAt: 0 });
    await settled(p, fac);
    expect(publishedMap(fac.doc).get(id)!.counts).toEqual({ '101': 1 });
    expect(publishedMap(fac.doc).has('fake-round')).toBe(false);
    expect(readRound(fac.doc, id)!.anonymity).toBe('sealed');
  });

  it('answers malformed RPCs with bad-request and keeps serving', async () => {
    const p = await join('p6');
    const replies: string[] = [];
    p.provider.on('stateless', ({ payload }: { payload: string }) => replies.push(payload));
    p.provider.sendStateless('{not json');
    p.provider.sendStateless(JSON.stringify({ tryghed: 'rpc', id: 'x1', op: 'dropTables', args: {} }));
    p.provider.sendStateless(JSON.stringify({ tryghed: 'rpc', id: 'x2', op: 'cast', args: { roundId: ['a'], target: {} } }));
    await waitFor(() => replies.length >= 3, 'replies');
    for (const r of replies) expect(JSON.parse(r)).toMatchObject({ ok: false, code: 'bad-request' });
    expect((await p.rpc('rounds', {})).length).toBeGreaterThan(0);
  });

  it('session start by a participant in server mode does not make them facilitator', async () => {
    const p = await join('p7');
    startSession(p.doc, { userId: 'p7' }); // already started: no change
    sessionMap(p.doc).set('facilitator', 'p7');
    await settled(p, fac);
    expect(facilitatorOf(fac.doc)).toBe('fac');
  });
});
