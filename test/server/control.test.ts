/**
 * Issue 9: the server holds the rules. Each case plays a hostile participant with a valid
 * token of the same team, writing the doc directly or sending raw frames, against a real
 * server on 127.0.0.1 (SQLite; the seat also over PostgreSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deletedMap, facilitatorOf, getRound, listPlan, planMap, publishedMap, roundsMap, sessionMap, tally,
  type PublishedTally,
} from '../../src/core/session/index.js';
import { controlRoom } from '../../src/protocol/votes.js';
import { releaseSeat } from '../../src/server/release-seat.js';
import type { PublishedWithVersion } from '../../src/server/votes/service.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, control, must, newRound, ROOM, settled, startServer, waitFor, type Started } from './support/helpers.js';
import { awarenessFrame, forgedUpdate, rawClient, updateFrame } from './support/raw.js';
import { startPostgres, type Service } from './support/services.js';

const CONTROL = controlRoom(ROOM);

function board(startOpts: Parameters<typeof startServer>[0] = {}) {
  const b = {
    s: undefined as unknown as Started,
    open: [] as ServerTransport[],
    async join(user: string) {
      const c = client(b.s.url, user);
      b.open.push(c);
      await c.whenSynced();
      return c;
    },
    async start() {
      b.s = await startServer(startOpts);
    },
    async stop() {
      b.open.forEach((c) => c.destroy());
      await b.s.stop();
    },
  };
  return b;
}

describe('facilitator state is the server’s (points 1, 3, 4)', () => {
  const b = board();
  let fac: ServerTransport;
  let p: ServerTransport;
  beforeAll(async () => {
    await b.start();
    fac = await b.join('fac');
    p = await b.join('mallory');
    must(await control(fac).apply({ type: 'start-session' }));
    await waitFor(() => facilitatorOf(p.doc) === 'fac', 'seat at p');
  });
  afterAll(() => b.stop());

  it('1: a draft round cannot be rewritten or deleted by a participant, by doc write or raw frame', async () => {
    const sealed = await newRound(fac, { targets: ['101', '102'], budget: 4, cap: 2, k: 3, anonymity: 'sealed', visibility: 'hidden' }, false);
    const other = await newRound(fac, { targets: ['101'], anonymity: 'anonymous' }, false);
    await waitFor(() => roundsMap(p.doc).has(sealed) && roundsMap(p.doc).has(other), 'drafts at p');
    // Through the app's own doc …
    p.doc.transact(() => {
      const m = roundsMap(p.doc).get(sealed)!;
      m.set('anonymity', 'named');
      m.set('k', 1);
      m.set('visibility', 'live');
      m.set('budget', 100);
      m.set('cap', 100);
      roundsMap(p.doc).delete(other);
    });
    // … and as raw frames on the control doc, on a socket of its own.
    const raw = await rawClient(b.s.url, 'mallory', [ROOM, CONTROL]);
    raw.send(updateFrame(CONTROL, forgedUpdate(fac.controlDoc, (d) => {
      roundsMap(d).get(sealed)!.set('anonymity', 'named');
      roundsMap(d).delete(other);
    })));
    await waitFor(() => (raw.statuses.get(CONTROL) ?? []).includes(false), 'the server refuses the update');
    await settled(p, fac);
    expect(await control(p).apply({ type: 'remove-round', roundId: other })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });

    must(await control(fac).apply({ type: 'open-round', roundId: sealed }));
    const late = await b.join('late');
    for (const c of [fac, late]) {
      expect(getRound(c.doc, sealed)).toMatchObject({ status: 'open', anonymity: 'sealed', k: 3, visibility: 'hidden', budget: 4, cap: 2 });
      expect(getRound(c.doc, other)?.status).toBe('draft');
    }
    // What the server counts by is the facilitator's definition too.
    const record = await b.s.server.storage.round(ROOM, sealed);
    expect(record).toMatchObject({ anonymity: 'sealed', k: 3, visibility: 'hidden', budget: 4, cap: 2 });
    raw.ws.terminate();
  });

  it('3: a participant cannot mark a live note deleted; the revealed sealed tally keeps it', async () => {
    const id = await newRound(fac, { targets: ['201', '202'], budget: 2, cap: 1, k: 1, anonymity: 'sealed', visibility: 'hidden' });
    must(await p.rpc('cast', { roundId: id, target: '201' }).then((r) => ({ ok: true as const, value: r })));
    deletedMap(p.doc).set('201', Date.now());
    const raw = await rawClient(b.s.url, 'mallory', [ROOM, CONTROL]);
    raw.send(updateFrame(CONTROL, forgedUpdate(fac.controlDoc, (d) => deletedMap(d).set('202', Date.now()))));
    await waitFor(() => (raw.statuses.get(CONTROL) ?? []).includes(false), 'refused');
    expect(await control(p).apply({ type: 'mark-deleted', ids: ['201'] })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    await settled(p, fac);
    expect(deletedMap(fac.doc).has('201') || deletedMap(fac.doc).has('202')).toBe(false);
    // New votes on the note are still taken, and the revealed tally counts it.
    const v = await b.join('voter');
    expect((await v.rpc('cast', { roundId: id, target: '202' })).used).toBe(1);
    must(await control(fac).apply({ type: 'reveal-round', roundId: id }));
    await waitFor(() => tally(fac.doc, id).visible, 'revealed');
    const t = tally(fac.doc, id);
    expect(t.visible && t.rows.map((r) => [r.targetId, r.votes])).toEqual([['201', 1], ['202', 1]]);
    // The facilitator's panel reports a real deletion, and that one counts.
    must(await control(fac).apply({ type: 'mark-deleted', ids: ['202'] }));
    await waitFor(() => deletedMap(p.doc).has('202'), 'deletion at p');
    raw.ws.terminate();
  });

  it('4: a participant cannot add or rewrite plan initiatives', async () => {
    const { initiativeId } = must(await control(fac).apply({ type: 'add-initiative', layer: 'G', text: 'Tjek-ind hver mandag' }));
    await waitFor(() => planMap(p.doc).has(initiativeId), 'initiative at p');
    expect(await control(p).apply({ type: 'add-initiative', layer: 'P', text: 'forged' })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    expect(await control(p).apply({ type: 'edit-initiative', id: initiativeId, patch: { text: 'rewritten' } })).toMatchObject({ ok: false });
    planMap(p.doc).get(initiativeId)!.set('text', 'rewritten');
    const raw = await rawClient(b.s.url, 'mallory', [ROOM, CONTROL]);
    raw.send(updateFrame(CONTROL, forgedUpdate(fac.controlDoc, (d) => {
      const m = new Y.Map<unknown>();
      m.set('layer', 'P');
      m.set('text', 'forged');
      planMap(d).set('i-forged', m as never);
    })));
    await waitFor(() => (raw.statuses.get(CONTROL) ?? []).includes(false), 'refused');
    await settled(p, fac);
    const late = await b.join('late-plan');
    for (const c of [fac, late]) expect(listPlan(c.doc).map((i) => i.text)).toEqual(['Tjek-ind hver mandag']);
    raw.ws.terminate();
  });

  it('a command the server cannot read is refused, and the clock in a command is the server’s', async () => {
    const raw = await rawClient(b.s.url, 'fac', [ROOM]);
    expect(await raw.rpc('control', { cmd: { type: 'drop-tables' } })).toMatchObject({ ok: false, code: 'bad-request' });
    expect(await raw.rpc('control', { cmd: { type: 'offer-seat', to: { $ne: 1 } } })).toMatchObject({ ok: false, code: 'bad-request' });
    const id = await newRound(fac, { targets: ['301'] }, false);
    const before = Date.now();
    expect(await raw.rpc('control', { cmd: { type: 'open-round', roundId: id, now: 0 } })).toMatchObject({ ok: true, result: { ok: true } });
    expect(getRound(fac.doc, id)!.openedAt).toBeGreaterThanOrEqual(before);
    raw.ws.terminate();
  });
});

describe('the facilitator seat (point 5)', () => {
  let pg: Service;
  beforeAll(async () => {
    pg = await startPostgres();
  }, 90_000);
  afterAll(() => pg?.stop());

  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: claiming is explicit and seen by all; a hand-over needs the holder; the operator releases a stuck seat`, async () => {
      const b = board(store === 'postgres' ? { databaseUrl: pg.url } : {});
      await b.start();
      try {
        const anne = await b.join('anne');
        const mallory = await b.join('mallory');
        // A fresh board has no facilitator, and writing one into the doc makes none.
        expect(facilitatorOf(anne.doc)).toBeNull();
        sessionMap(mallory.doc).set('facilitator', 'mallory');
        const raw = await rawClient(b.s.url, 'mallory', [ROOM, CONTROL]);
        raw.send(updateFrame(CONTROL, forgedUpdate(anne.controlDoc, (d) => sessionMap(d).set('facilitator', 'mallory'))));
        await waitFor(() => (raw.statuses.get(CONTROL) ?? []).includes(false), 'refused');
        await settled(mallory, anne);
        expect(facilitatorOf(anne.doc)).toBeNull();
        expect(await control(mallory).apply({ type: 'create-round', round: { question: 'q', scope: { kind: 'selection' }, targets: ['1'] } })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });

        // Mallory claims first, explicitly: everyone sees who holds the seat.
        expect(await control(mallory).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'mallory' } });
        await waitFor(() => facilitatorOf(anne.doc) === 'mallory', 'everyone sees the claim');
        expect(await control(anne).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'mallory' } });
        expect(await control(anne).apply({ type: 'offer-seat', to: 'bo' })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
        expect(facilitatorOf(anne.doc)).toBe('mallory');

        // Stuck: the operator releases the seat (npm run server -- release-seat <room>).
        expect(await releaseSeat(b.s.server.storage, b.s.server.docs, ROOM)).toEqual({ holder: 'mallory' });
        expect(await control(mallory).apply({ type: 'create-round', round: { question: 'q', scope: { kind: 'selection' }, targets: ['1'] } })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
        const reopened = await b.join('anne');
        await waitFor(() => facilitatorOf(reopened.doc) === null && facilitatorOf(anne.doc) === null, 'the empty seat is shown');
        expect(await control(anne).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'anne' } });
        // (Mallory's own doc may go on showing her refused write: only her view.)
        await waitFor(() => facilitatorOf(reopened.doc) === 'anne', 'everyone sees the new holder');
        // A hand-over by the holder works: offered, then accepted by the receiver.
        const bo = await b.join('bo');
        expect(await control(anne).apply({ type: 'offer-seat', to: 'bo' })).toEqual({ ok: true, value: { offeredTo: 'bo' } });
        expect(await control(bo).apply({ type: 'accept-seat' })).toEqual({ ok: true, value: { facilitator: 'bo' } });
        await waitFor(() => facilitatorOf(reopened.doc) === 'bo', 'hand-over seen');
        raw.ws.terminate();
      } finally {
        await b.stop();
      }
      // After a restart the seat and the stored control doc agree.
      const again = await startServer({ ...(store === 'postgres' ? { databaseUrl: pg.url } : {}), dataDir: b.s.dataDir });
      const c = client(again.url, 'anne');
      try {
        await c.whenSynced();
        await waitFor(() => facilitatorOf(c.doc) === 'bo', 'seat after restart');
      } finally {
        c.destroy();
        await again.stop();
      }
    }, 60_000);
  }
});

describe('presence from the token (point 8)', () => {
  const b = board();
  beforeAll(() => b.start());
  afterAll(() => b.stop());

  it('a connection cannot write presence for another client id, nor name another user', async () => {
    const anne = await b.join('anne');
    const watcher = await b.join('watcher');
    anne.awareness.setLocalStateField('presence', { name: 'Anne', user: 'anne' });
    const victim = anne.awareness.clientID;
    await waitFor(() => (watcher.awareness.getStates().get(victim) as { presence?: { name: string } } | undefined)?.presence?.name === 'Anne', 'anne present');

    // Forge Anne's presence: her client id, a higher clock.
    const raw = await rawClient(b.s.url, 'mallory', [ROOM]);
    raw.send(awarenessFrame(ROOM, [{ clientId: victim, clock: 1000, state: { presence: { name: 'Anne says: vote X', user: 'anne' } } }]));
    expect(await raw.closed).toBe(4403);
    // Claim to be Anne under one's own client id.
    const raw2 = await rawClient(b.s.url, 'mallory', [ROOM]);
    raw2.send(awarenessFrame(ROOM, [{ clientId: 424242, clock: 1, state: { presence: { name: 'Anne', user: 'anne' } } }]));
    expect(await raw2.closed).toBe(4403);
    // Presence on the control doc.
    const raw3 = await rawClient(b.s.url, 'mallory', [ROOM, CONTROL]);
    raw3.send(awarenessFrame(CONTROL, [{ clientId: 515151, clock: 1, state: { presence: { name: 'x', user: 'mallory' } } }]));
    expect(await raw3.closed).toBe(4403);

    // Neither the watcher nor Anne's own device ever saw a forged state.
    await new Promise((r) => setTimeout(r, 200));
    for (const c of [watcher, anne]) {
      expect((c.awareness.getStates().get(victim) as { presence: { name: string } }).presence.name).toBe('Anne');
      expect(c.awareness.getStates().has(424242)).toBe(false);
    }
    // One's own presence, naming oneself, is relayed.
    const honest = await rawClient(b.s.url, 'mallory', [ROOM]);
    honest.send(awarenessFrame(ROOM, [{ clientId: 616161, clock: 1, state: { presence: { name: 'Mallory', user: 'mallory' } } }]));
    await waitFor(() => watcher.awareness.getStates().has(616161), 'own presence relayed');
    honest.ws.terminate();
  });
});

describe('live totals leak less (point 9)', () => {
  const b = board({ liveTallyIntervalMs: 1500 });
  let fac: ServerTransport;
  let watcher: ServerTransport;
  beforeAll(async () => {
    await b.start();
    fac = await b.join('fac');
    watcher = await b.join('watcher');
    must(await control(fac).apply({ type: 'start-session' }));
  });
  afterAll(() => b.stop());

  /** Every value the board ever saw published for a round. */
  const record = (id: string) => {
    const seen: PublishedWithVersion[] = [];
    publishedMap(watcher.doc).observe((e) => {
      if (e.keysChanged.has(id)) seen.push({ ...(publishedMap(watcher.doc).get(id) as PublishedWithVersion) });
    });
    return seen;
  };

  it('a hidden round publishes the respondent count only, and only when it changes', async () => {
    const id = await newRound(fac, { targets: ['1', '2', '3'], budget: 3, cap: 3, k: 1, anonymity: 'sealed', visibility: 'hidden' });
    const seen = record(id);
    const v = await b.join('v1');
    const casts: unknown[] = [];
    for (const t of ['1', '2', '3']) casts.push(await v.rpc('cast', { roundId: id, target: t }));
    await waitFor(() => seen.length >= 2, 'respondent count');
    await new Promise((r) => setTimeout(r, 300));
    // Opened (no one yet), then one respondent: no counts, no time, no version; three casts, one change.
    expect(seen).toEqual([{ respondents: 0, counts: {}, publishedAt: 0 }, { respondents: 1, counts: {}, publishedAt: 0 }]);
    // The voter's own answers carry no version either (it would count the others' casts).
    for (const c of casts) expect(c).not.toHaveProperty('version');
    must(await control(fac).apply({ type: 'reveal-round', roundId: id }));
    await waitFor(() => seen.length === 3, 'revealed');
    expect(seen[2]!.counts).toEqual({ '1': 1, '2': 1, '3': 1 });
  });

  it('a live round publishes totals at most once per interval, and only changed totals', async () => {
    const id = await newRound(fac, { targets: ['1', '2', '3'], budget: 5, cap: 5, k: 1, anonymity: 'sealed', visibility: 'live' });
    const seen = record(id);
    const at: number[] = [];
    publishedMap(watcher.doc).observe((e) => e.keysChanged.has(id) && at.push(performance.now()));
    const voters = await Promise.all(['a', 'b', 'c', 'd'].map((u) => b.join(`live-${u}`)));
    const start = performance.now();
    // Twelve casts within about a second: one per voter every ~80 ms.
    for (let n = 0; n < 3; n++) await Promise.all(voters.map((v, i) => v.rpc('cast', { roundId: id, target: String(((i + n) % 3) + 1) })));
    // A cast and its withdrawal between two publications change no total: nothing new goes out.
    await waitFor(() => Object.values(seen.at(-1)?.counts ?? {}).reduce((a, x) => a + x, 0) === 12, 'all twelve counted', 10_000);
    const n = seen.length;
    await voters[0]!.rpc('cast', { roundId: id, target: '1' });
    await voters[0]!.rpc('withdraw', { roundId: id, target: '1' });
    await new Promise((r) => setTimeout(r, 2000));
    expect(seen.length).toBe(n);
    // Twelve casts became at most a few publications, spaced by the interval.
    expect(seen.length).toBeLessThanOrEqual(Math.ceil((at.at(-1)! - start) / 1500) + 1);
    expect(seen.length).toBeLessThan(12);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThan(1400);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.counts).not.toEqual(seen[i - 1]!.counts);
    expect((publishedMap(watcher.doc).get(id) as PublishedTally).respondents).toBe(4);
  });
});
