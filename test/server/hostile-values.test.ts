/**
 * A participant writes malformed values where a round, a ballot map and a published tally
 * belong, with raw Yjs (the project's own commands would refuse). The server's reconcile and
 * every client's readers skip them: rounds list, votes are cast and tallied, also after the
 * server restarts on the same data.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { getRound, listRounds, MAP, tally } from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { ServerVoteService } from '../../src/sync/server-votes.js';
import { cleanup, client, control, must, newRound, ROOM, startServer, tempDir, waitFor, type Started } from './support/helpers.js';
import { forgedUpdate, rawClient, updateFrame } from './support/raw.js';

describe('malformed values from a participant', () => {
  const dataDir = tempDir('tryghed-hostile-');
  const clients: ServerTransport[] = [];
  let s: Started | undefined;
  const join = async (user: string) => {
    const c = client(s!.url, user);
    clients.push(c);
    await c.whenSynced();
    return c;
  };
  const errors = vi.spyOn(console, 'error');
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await s?.stop();
    cleanup(dataDir);
    errors.mockRestore();
    warnings.mockRestore();
  });
  const failures = () => errors.mock.calls.map((c) => c.map(String).join(' ')).filter((m) => m.includes('[tryghed]'));

  /** A live sealed round over three notes, k 1, opened by the facilitator. */
  const openRound = (fac: ServerTransport, question: string) =>
    newRound(fac, { question, targets: ['111', '222', '333'], budget: 3, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' });

  it('are skipped by the server and by every client, before and after a restart', async () => {
    s = await startServer({ dataDir });
    const fac = await join('fac');
    must(await control(fac).apply({ type: 'start-session' }));
    const good = await openRound(fac, 'Hvad fylder mest?');

    // The hostile participant: junk where a round, its ballots and its tally belong.
    const bad = await join('mallory');
    bad.doc.transact(() => {
      bad.doc.getMap(MAP.rounds).set('rJunk', 'not a round');
      const m = new Y.Map<unknown>();
      bad.doc.getMap(MAP.rounds).set('rHalf', m);
      m.set('question', new Y.Map());
      m.set('targets', { num: 'x', str: 7 });
      m.set('budget', NaN);
      m.set('openedAt', 1);
      bad.doc.getMap(MAP.publishedTallies).set('rJunk', { respondents: 'many', counts: [1, 2] });
      bad.doc.getMap(MAP.rounds).set('x'.repeat(5000), 42);
    });
    await waitFor(() => !bad.provider.hasUnsyncedChanges, 'junk at the server');
    // Junk where a round's ballot map belongs is refused outright (ballot-guard.ts).
    const raw = await rawClient(s.url, 'mallory', [ROOM]);
    raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, (d) => d.getMap(MAP.ballots).set(good, 'not a ballot map'))));
    expect(await raw.closed).toBe(4403);

    const p = await join('p');
    await waitFor(() => p.doc.getMap(MAP.rounds).has('rHalf'), 'junk at another client');
    expect(listRounds(p.doc).map((r) => r.id)).toEqual([good]);
    expect(getRound(p.doc, 'rHalf')).toBeNull();
    const votes = new ServerVoteService(p.doc, p);
    expect(await votes.cast(good, '111')).toMatchObject({ ok: true, votes: { used: 1 } });
    await waitFor(() => { const t = tally(p.doc, good); return t.visible && t.totalVotes === 1; }, 'tally with the vote');
    // The facilitator can still open a new round: the server reconciles it as ever.
    const second = await openRound(fac, 'Hvad taler vi for lidt om?');
    await waitFor(() => getRound(p.doc, second)?.status === 'open', 'second round open at p');
    expect(tally(fac.doc, 'rJunk')).toMatchObject({ visible: false, reason: 'no-round' });

    // Restart on the same data: the junk is loaded again and skipped again.
    clients.splice(0).forEach((c) => c.destroy());
    await s.stop();
    s = await startServer({ dataDir });
    const q = await join('q');
    await waitFor(() => getRound(q.doc, second)?.status === 'open', 'rounds after restart');
    expect(listRounds(q.doc).map((r) => r.id).sort()).toEqual([good, second].sort());
    const qVotes = new ServerVoteService(q.doc, q);
    expect(await qVotes.cast(good, '222')).toMatchObject({ ok: true, votes: { used: 1 } });
    await waitFor(() => { const t = tally(q.doc, good); return t.visible && t.totalVotes === 2; }, 'tally after restart');
    const fac2 = await join('fac');
    await openRound(fac2, 'Og efter genstart?');
    expect(failures()).toEqual([]);
  }, 60_000);
});
