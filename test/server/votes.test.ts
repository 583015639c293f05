import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ballotsMap, createRound, getRound, openRound, publishedMap, readRound, roundsMap, sessionMap, startSession, tally,
  type PublishedTally,
} from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { RpcError } from '../../src/sync/server-transport.js';
import { client, startServer, waitFor, type Started } from './support/helpers.js';

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
  const open: ServerTransport[] = [];
  const join = async (user: string) => {
    const c = client(s.url, user);
    open.push(c);
    await c.whenSynced();
    return c;
  };
  /** A sealed round made by the facilitator in its doc, then opened through the RPC. */
  const sealedRound = async (opts: { budget?: number; cap?: number; k?: number; visibility?: 'live' | 'hidden' } = {}) => {
    const r = createRound(fac.doc, { userId: 'fac' }, {
      question: 'Hvad skal vi tale mere om?',
      scope: { kind: 'selection' },
      targets: ['101', '102', '103', 'n-x'],
      budget: opts.budget ?? 3,
      cap: opts.cap ?? 2,
      k: opts.k ?? 1,
      anonymity: 'sealed',
      visibility: opts.visibility ?? 'live',
    });
    if (!r.ok) throw new Error(r.message);
    const id = r.value.roundId;
    await waitFor(() => !fac.provider.hasUnsyncedChanges, 'round reaches the server');
    const rec = await fac.rpc('openRound', { roundId: id });
    expect(rec.openedAt).not.toBeNull();
    return id;
  };

  beforeAll(async () => {
    s = await startServer();
    fac = await join('fac');
    expect(await fac.rpc('claimFacilitator', {})).toEqual({ facilitator: 'fac', you: true });
    await waitFor(() => sessionMap(fac.doc).get('facilitator') === 'fac', 'facilitator projected');
  });
  afterAll(async () => {
    open.forEach((c) => c.destroy());
    await s.stop();
  });

  it('the first claim makes the facilitator; later claims do not take it over', async () => {
    const p = await join('p0');
    expect(await p.rpc('claimFacilitator', {})).toEqual({ facilitator: 'fac', you: false });
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
    await fac.rpc('closeRound', { roundId: id });
    expect(await rpcError(p.rpc('cast', { roundId: id, target: '102' }))).toBe('not-open');
    expect(await rpcError(p.rpc('withdraw', { roundId: id, target: '101' }))).toBe('not-open');
  });

  it('a participant cannot open, close or reveal a round, by RPC or by writing the doc', async () => {
    const p = await join('p3');
    const id = await sealedRound();
    expect(await rpcError(p.rpc('closeRound', { roundId: id }))).toBe('not-facilitator');
    expect(await rpcError(p.rpc('revealRound', { roundId: id }))).toBe('not-facilitator');
    expect(await rpcError(p.rpc('setFacilitator', { user: 'p3' }))).toBe('not-facilitator');
    const r2 = createRound(fac.doc, { userId: 'fac' }, { question: 'q', scope: { kind: 'selection' }, targets: ['101'], anonymity: 'sealed' });
    if (!r2.ok) throw new Error(r2.message);
    await waitFor(() => roundsMap(p.doc).has(r2.value.roundId), 'draft reaches p');
    expect(await rpcError(p.rpc('openRound', { roundId: r2.value.roundId }))).toBe('not-facilitator');

    // Writing the doc directly: close one round, open another, make oneself facilitator.
    p.doc.transact(() => {
      roundsMap(p.doc).get(id)!.set('closedAt', Date.now());
      roundsMap(p.doc).get(id)!.set('budget', 99);
      roundsMap(p.doc).get(r2.value.roundId)!.set('openedAt', Date.now());
      sessionMap(p.doc).set('facilitator', 'p3');
    });
    // The server puts every field back, for everyone.
    for (const c of [p, fac]) {
      await waitFor(
        () =>
          getRound(c.doc, id)?.status === 'open' &&
          getRound(c.doc, id)?.budget === 3 &&
          getRound(c.doc, r2.value.roundId)?.status === 'draft' &&
          sessionMap(c.doc).get('facilitator') === 'fac',
        'server reverts the participant',
      );
    }
    // And what counts was never changed: the round is open with its budget of 3.
    expect((await p.rpc('cast', { roundId: id, target: '101' })).budget).toBe(3);
    expect(await rpcError(p.rpc('cast', { roundId: r2.value.roundId, target: '101' }))).toBe('no-round');
  });

  it('the facilitator may also use the session model directly; the server acts on it', async () => {
    const r = createRound(fac.doc, { userId: 'fac' }, { question: 'q', scope: { kind: 'selection' }, targets: ['101'], anonymity: 'sealed', k: 1, visibility: 'live' });
    if (!r.ok) throw new Error(r.message);
    expect(openRound(fac.doc, { userId: 'fac' }, { roundId: r.value.roundId }).ok).toBe(true);
    const p = await join('p4');
    await waitFor(() => getRound(p.doc, r.value.roundId)?.status === 'open', 'open reaches p');
    let ok = false;
    for (let i = 0; i < 100 && !ok; i++) {
      ok = (await rpcError(p.rpc('cast', { roundId: r.value.roundId, target: '101' }))) === 'ok';
      if (!ok) await new Promise((res) => setTimeout(res, 20));
    }
    expect(ok).toBe(true);
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
    await fac.rpc('revealRound', { roundId: hidden });
    await waitFor(() => pub(b, hidden)?.counts['103'] === 1, 'revealed totals');
    expect(getRound(b.doc, hidden)?.status).toBe('revealed');

    // No ballot ever reaches the doc: nothing names who voted for what.
    const everything = JSON.stringify(a.doc.toJSON());
    expect(everything).not.toContain('"pa"');
    expect(everything).not.toContain('"pb"');
    expect(ballotsMap(a.doc).get(live)?.size ?? 0).toBe(0);
  });

  it('a forged tally written by a participant is replaced by the real one', async () => {
    const id = await sealedRound({ k: 1 });
    const p = await join('p5');
    await p.rpc('cast', { roundId: id, target: '101' });
    await waitFor(() => (publishedMap(p.doc).get(id) as PublishedTally | undefined)?.counts['101'] === 1, 'real tally');
    p.doc.transact(() => publishedMap(p.doc).set(id, { respondents: 50, counts: { '102': 50 }, publishedAt: 0 }));
    publishedMap(p.doc).set('fake-round', { respondents: 1, counts: { x: 1 }, publishedAt: 0 });
    await waitFor(
      () => publishedMap(fac.doc).get(id)?.respondents === 1 && !publishedMap(fac.doc).has('fake-round'),
      'forgery undone',
    );
    expect(publishedMap(fac.doc).get(id)!.counts).toEqual({ '101': 1 });
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
    await waitFor(() => sessionMap(p.doc).get('facilitator') === 'fac', 'reverted');
  });
});
