/** Two instances joined by a real redis-server; persistence through a real PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorOf, getRound, publishedMap, type PublishedTally } from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { cleanup, client, control, must, newRound, startServer, tempDir, waitFor, type Started } from './support/helpers.js';
import { startPostgres, startRedis, type Service } from './support/services.js';

const sealed = (c: ServerTransport, opts: { k?: number } = {}, open = false) =>
  newRound(c, { question: 'q', targets: ['101', '102', '103'], budget: 3, cap: 3, k: opts.k ?? 1, anonymity: 'sealed', visibility: 'live' }, open);

describe('two server instances joined by redis serve one board', () => {
  let redis: Service;
  let pg: Service;
  let one: Started;
  let two: Started;
  const clients: ServerTransport[] = [];
  const join = async (s: Started, user: string) => {
    const c = client(s.url, user);
    clients.push(c);
    await c.whenSynced();
    return c;
  };
  beforeAll(async () => {
    [redis, pg] = await Promise.all([startRedis(), startPostgres()]);
    // Shared ballots and documents in PostgreSQL, updates fanned out through Redis.
    one = await startServer({ redisUrl: redis.url, databaseUrl: pg.url });
    two = await startServer({ redisUrl: redis.url, databaseUrl: pg.url });
  }, 90_000);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await one?.stop();
    await two?.stop();
    await redis?.stop();
    await pg?.stop();
  });

  it('edits on one instance reach clients of the other, both ways', async () => {
    const a = await join(one, 'ua');
    const b = await join(two, 'ub');
    a.doc.getMap('m').set('via-one', 1);
    b.doc.getMap('m').set('via-two', 2);
    await waitFor(() => b.doc.getMap('m').get('via-one') === 1 && a.doc.getMap('m').get('via-two') === 2, 'cross-instance edits');
  });

  it('one budget across instances; the tally reaches clients of both', async () => {
    const fac = await join(one, 'fac');
    must(await control(fac).apply({ type: 'start-session' }));
    const id = await sealed(fac);
    const phoneOnTwo = await join(two, 'p1');
    await waitFor(() => getRound(phoneOnTwo.doc, id) !== null, 'round on instance two');
    must(await control(fac).apply({ type: 'open-round', roundId: id }));
    const laptopOnOne = await join(one, 'p1');
    // The same person on both instances: 6 concurrent casts, budget 3.
    const res = await Promise.allSettled(
      ['101', '102', '103', '101', '102', '103'].map((t, i) => (i % 2 ? phoneOnTwo : laptopOnOne).rpc('cast', { roundId: id, target: t })),
    );
    expect(res.filter((r) => r.status === 'fulfilled').length).toBe(3);
    const pub = (c: ServerTransport) => publishedMap(c.doc).get(id) as PublishedTally | undefined;
    const total = (p?: PublishedTally) => Object.values(p?.counts ?? {}).reduce((x, y) => x + y, 0);
    await waitFor(() => total(pub(phoneOnTwo)) === 3 && total(pub(fac)) === 3, 'tally of 3 on both instances');
    // A participant on instance two cannot close the round.
    expect(await control(phoneOnTwo).apply({ type: 'close-round', roundId: id })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    // The seat and the round's status are the same on both instances' control docs.
    await waitFor(() => facilitatorOf(phoneOnTwo.doc) === 'fac' && getRound(phoneOnTwo.doc, id)?.status === 'open', 'control doc on two');
  });

  it('documents persist in PostgreSQL: a fresh instance on the same database loads the board', async () => {
    const a = await join(one, 'ua');
    a.doc.getMap('persist').set('k', 'stored in postgres');
    await waitFor(() => !a.provider.hasUnsyncedChanges, 'acknowledged');
    clients.splice(0).forEach((c) => c.destroy());
    await one.stop();
    await two.stop();
    // No Redis this time, and a different (empty) data directory: only PostgreSQL has it.
    const dir = tempDir();
    const three = await startServer({ databaseUrl: pg.url, dataDir: dir });
    try {
      const c = await join(three, 'uc');
      expect(c.doc.getMap('persist').get('k')).toBe('stored in postgres');
      expect(c.doc.getMap('m').get('via-two')).toBe(2);
    } finally {
      clients.splice(0).forEach((c) => c.destroy());
      await three.stop();
      cleanup(dir);
    }
    one = undefined as unknown as Started;
    two = undefined as unknown as Started;
  });
});

describe('PostgreSQL storage: votes', () => {
  let pg: Service;
  let s: Started;
  beforeAll(async () => {
    pg = await startPostgres();
    s = await startServer({ databaseUrl: pg.url });
  }, 90_000);
  afterAll(async () => {
    await s?.stop();
    await pg?.stop();
  });

  it('acknowledged votes are committed in PostgreSQL, and a restart keeps them', async () => {
    const fac = client(s.url, 'fac');
    await fac.whenSynced();
    must(await control(fac).apply({ type: 'start-session' }));
    const id = await sealed(fac, {}, true);
    const p = client(s.url, 'p');
    await p.whenSynced();
    await p.rpc('cast', { roundId: id, target: '102' });
    await p.rpc('cast', { roundId: id, target: '102' });
    fac.destroy();
    p.destroy();
    await s.stop();
    s = await startServer({ databaseUrl: pg.url });
    const again = client(s.url, 'p');
    await again.whenSynced();
    expect(await again.rpc('myBallot', { roundId: id })).toMatchObject({ ballot: { '102': 2 }, used: 2, budget: 3 });
    again.destroy();
  });
});
