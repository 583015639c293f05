import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, deletedMap, facilitatorOf, moveNotes, roundsMap, tally } from '../../src/core/session/index.js';
import { VoteError, type RoundRecord } from '../../src/server/votes/types.js';
import { ServerVoteService, toVoteError } from '../../src/sync/server-votes.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, control, must, newRound, startServer, waitFor, type Started } from './support/helpers.js';
import { bothStorages } from './support/storages.js';

describe('ServerVoteService (the session VoteService over the RPC)', () => {
  let s: Started;
  let fac: ServerTransport;
  let p: ServerTransport;
  beforeAll(async () => {
    s = await startServer();
    fac = client(s.url, 'fac');
    p = client(s.url, 'p');
    await Promise.all([fac.whenSynced(), p.whenSynced()]);
    must(await control(fac).apply({ type: 'start-session' }));
    await waitFor(() => facilitatorOf(p.doc) === 'fac');
  });
  afterAll(async () => {
    fac.destroy();
    p.destroy();
    await s.stop();
  });

  it('casts, refuses with the session model’s errors, and tallies from the published totals', async () => {
    const id = await newRound(fac, { question: 'q', targets: ['111', '222', '333'], budget: 2, cap: 1, k: 1, anonymity: 'sealed', visibility: 'live' }, false);
    const votes = new ServerVoteService(p.doc, p);
    await waitFor(() => roundsMap(p.doc).has(id), 'round at p');
    expect(await votes.cast(id, '111')).toMatchObject({ ok: false, error: 'no-round' }); // not opened yet
    expect(await votes.myVotes(id)).toMatchObject({ used: 0, remaining: 2 });
    must(await control(fac).apply({ type: 'open-round', roundId: id }));

    let changes = 0;
    const off = votes.onChange(() => changes++);
    expect(await votes.cast(id, '111')).toMatchObject({ ok: true, votes: { used: 1, remaining: 1, perTarget: { '111': 1 } } });
    expect(await votes.cast(id, '111')).toMatchObject({ ok: false, error: 'cap-reached' });
    // A cluster holding a listed note is a target too; votes on it count for the cluster.
    const c = createCluster(p.doc, { userId: 'p' }, { noteIds: ['222'] });
    if (!c.ok) throw new Error(c.message);
    await waitFor(() => !p.provider.hasUnsyncedChanges, 'cluster at the server');
    expect(await votes.cast(id, c.value.clusterId)).toMatchObject({ ok: true, votes: { used: 2, remaining: 0 } });
    expect(await votes.cast(id, '333')).toMatchObject({ ok: false, error: 'budget-exhausted' });
    expect(await votes.cast(id, 'c-unknown')).toMatchObject({ ok: false, error: 'not-a-target' });
    await waitFor(() => { const t = votes.tally(id); return t.visible && t.totalVotes === 2; }, 'tally of both votes');
    const t = votes.tally(id);
    expect(t).toMatchObject({ visible: true, respondents: 1, totalVotes: 2 });
    // Deleted from the board (the facilitator's panel reports it): its points show as ignored.
    must(await control(fac).apply({ type: 'mark-deleted', ids: ['111'] }));
    await waitFor(() => deletedMap(p.doc).has('111'), 'deletion at p');
    expect(await votes.myVotes(id)).toMatchObject({ used: 1, ignored: 1, remaining: 0 });
    expect(await votes.withdraw(id, '111')).toMatchObject({ ok: true, votes: { remaining: 1 } });
    expect(await votes.cast(id, '111')).toMatchObject({ ok: false, error: 'target-deleted' });
    expect(changes).toBeGreaterThan(0);
    off();
  });

  it('the cap counts a note and the cluster holding it together, also for a cast of several points', async () => {
    const id = await newRound(fac, { question: 'q', targets: ['444', '555', '666'], budget: 6, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' }, false);
    const c = createCluster(p.doc, { userId: 'p' }, { noteIds: ['444', '555'] });
    if (!c.ok) throw new Error(c.message);
    await waitFor(() => !p.provider.hasUnsyncedChanges, 'cluster at the server');
    must(await control(fac).apply({ type: 'open-round', roundId: id }));
    const votes = new ServerVoteService(p.doc, p);
    expect(await votes.cast(id, '444')).toMatchObject({ ok: true });
    expect(await votes.cast(id, '555')).toMatchObject({ ok: true });
    expect(await votes.cast(id, c.value.clusterId)).toMatchObject({ ok: false, error: 'cap-reached' });
    await expect(p.rpc('cast', { roundId: id, target: '666', points: 3 })).rejects.toMatchObject({ code: 'cap-reached' });
    expect((await p.rpc('cast', { roundId: id, target: '666', points: 2 })).used).toBe(4);
  });

  it('regrouping after a sealed vote: the published totals count at most the cap per ballot on the new cluster', async () => {
    const id = await newRound(fac, { question: 'q', targets: ['777', '888', '999'], budget: 5, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' });
    await p.rpc('cast', { roundId: id, target: '777', points: 2 });
    await p.rpc('cast', { roundId: id, target: '888', points: 2 });
    const total = () => { const t = tally(fac.doc, id); return t.visible ? t.totalVotes : -1; };
    await waitFor(() => total() === 4, 'four points shown');
    const c = createCluster(p.doc, { userId: 'p' }, { noteIds: ['777', '888'] });
    if (!c.ok) throw new Error(c.message);
    await waitFor(() => total() === 2, 'the cap on the new cluster');
    const t = tally(fac.doc, id);
    expect(t.visible && t.rows.find((x) => x.targetId === c.value.clusterId)?.votes).toBe(2);
    // The voter's own view counts the same way: two points over the cap are held, not counted.
    expect(await new ServerVoteService(p.doc, p).myVotes(id)).toMatchObject({ used: 2, ignored: 2, remaining: 1 });
    moveNotes(p.doc, { userId: 'p' }, { noteIds: ['888'], to: null });
    await waitFor(() => total() === 4, 'all four again once ungrouped');
  });

  it('maps transport failures to unavailable', () => {
    expect(toVoteError('timeout')).toBe('unavailable');
    expect(toVoteError('unknown-outcome')).toBe('unavailable');
    expect(toVoteError('budget-exhausted')).toBe('budget-exhausted');
  });
});

describe('vote storage invariants (property, SQLite and PostgreSQL)', () => {
  const round = (budget: number, cap: number): RoundRecord => ({
    id: 'r1', question: 'q', scope: { kind: 'selection' }, targets: ['a', 'b', 'c'], budget, cap, anonymity: 'sealed',
    visibility: 'hidden', k: 1, timeLimitMs: null, createdBy: 'f', createdAt: 0, openedAt: 0, endsAt: null, closedAt: null,
    revealedAt: null, version: 1,
  });
  const storages = bothStorages();

  // PostgreSQL takes the votes of a round in batches (one transaction each): fired at once,
  // they land in a few batches, and each must still be checked against the ones before it.
  it('any interleaving of casts and withdrawals from several devices keeps every ballot within budget and cap', async () => {
    let n = 0;
    for (const [name, storage] of storages) {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 6 }),
          fc.integer({ min: 1, max: 6 }),
          fc.array(fc.record({ user: fc.constantFrom('u1', 'u2'), target: fc.constantFrom('a', 'b', 'c'), delta: fc.constantFrom(1, 1, -1) }), { maxLength: 40 }),
          async (budget, cap, ops) => {
            const room = `room-${n++}`;
            await storage.insertRound(room, round(budget, Math.min(cap, budget)));
            // Fired all at once, as devices would.
            const results = await Promise.allSettled(ops.map((o) => storage.vote(room, 'r1', o.user, o.target, o.delta, 1)));
            const model = new Map<string, Record<string, number>>();
            const versions: number[] = [];
            ops.forEach((o, i) => {
              const r = results[i]!;
              if (r.status !== 'fulfilled') {
                expect(r.reason, name).toBeInstanceOf(VoteError);
                return;
              }
              versions.push(r.value.round.version);
              const b = model.get(o.user) ?? {};
              b[o.target] = (b[o.target] ?? 0) + o.delta;
              model.set(o.user, b);
              // The answer is the voter's ballot as this vote left it.
              expect(r.value.ballot, name).toEqual(Object.fromEntries(Object.entries(b).filter(([, v]) => v !== 0)));
            });
            // Every accepted vote moved the version on by one, each its own.
            expect([...versions].sort((x, y) => x - y), name).toEqual(versions.map((_, i) => i + 2));
            expect((await storage.round(room, 'r1'))!.version, name).toBe(versions.length + 1);
            for (const user of ['u1', 'u2']) {
              const b = await storage.ballot(room, 'r1', user);
              const used = Object.values(b).reduce((x, y) => x + y, 0);
              expect(used, name).toBeLessThanOrEqual(budget);
              for (const v of Object.values(b)) expect(v, name).toBeLessThanOrEqual(Math.min(cap, budget));
              const expected = Object.fromEntries(Object.entries(model.get(user) ?? {}).filter(([, v]) => v !== 0));
              expect(b, name).toEqual(expected);
            }
          },
        ),
        { numRuns: 100 },
      );
    }
  });
});
