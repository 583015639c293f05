/**
 * A session moved from Miro's channel to the sync server (issue 11): the facilitator's checked
 * `import-session` brings rounds with their totals (the ballots stay in Miro), the plan and the
 * step; every panel writes the themes afresh (carryShared), which the server takes as anyone's
 * writes. Real server on 127.0.0.1 (SQLite), real sockets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, ballotsMap, carryShared, castVote, closeRound, controlState, createCluster, createRound, facilitatorOf, fieldMap,
  getRound, goToStep, importSession, listClusters, listPlan, openRound, packIds, publishedMap, readBallotMap, readWorkshop, revealRound,
  roundsMap, sharedState, startSession, tally, toBase64, type RoundFields,
} from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { cleanup, control, joiner, must, newRound, startServer, tempDir, waitFor, type Started } from './support/helpers.js';

const fac = { userId: 'fac' };
const NOTES = ['3458764511111111111', '3458764522222222222', '3458764533333333333'];
const T0 = Date.now() - 60_000;

/** A workshop run in Miro mode: a theme, a revealed named round, a closed hidden anonymous one,
 *  one still open, a draft; a plan and a step. */
function miroSession() {
  const doc = new Y.Doc();
  startSession(doc, fac, { now: T0 });
  const c = createCluster(doc, { userId: 'anne' }, { noteIds: [NOTES[0]!, NOTES[1]!], label: 'Travlhed', now: T0 });
  if (!c.ok) throw new Error(c.message);
  const make = (over: Record<string, unknown>, open = true) => {
    const r = createRound(doc, fac, { question: 'Hvad først?', scope: { kind: 'selection' }, targets: NOTES, budget: 3, cap: 2, k: 2, now: T0, ...over });
    if (!r.ok) throw new Error(r.message);
    if (open) openRound(doc, fac, { roundId: r.value.roundId, now: T0 });
    return r.value.roundId;
  };
  const vote = (roundId: string, key: string, target: string) => expect(castVote(doc, { roundId, ballotKey: key, targetId: target, now: T0 + 1 }).ok).toBe(true);
  const revealed = make({ anonymity: 'named', visibility: 'hidden' });
  for (const who of ['fac', 'anne']) (vote(revealed, who, NOTES[0]!), vote(revealed, who, NOTES[2]!), vote(revealed, who, NOTES[2]!));
  revealRound(doc, fac, { roundId: revealed, now: T0 + 2 });
  const hidden = make({ anonymity: 'anonymous', visibility: 'hidden' });
  for (const key of ['k-one', 'k-two']) vote(hidden, key, NOTES[2]!);
  closeRound(doc, fac, { roundId: hidden, now: T0 + 2 });
  const open = make({ anonymity: 'named', visibility: 'live', k: 1 });
  vote(open, 'anne', NOTES[1]!);
  const draft = make({ anonymity: 'named' }, false);
  addInitiative(doc, fac, { layer: 'L', text: 'Faste 1:1-samtaler', now: T0 });
  goToStep(doc, fac, { step: 'not-talked-about', now: T0 });
  return { doc, clusterId: c.value.clusterId, revealed, hidden, open, draft };
}

const rows = (doc: Y.Doc, roundId: string) => {
  const t = tally(doc, roundId);
  return t.visible ? t.rows.map((r) => [r.targetId, r.votes]) : t.reason;
};
const themes = (doc: Y.Doc) => listClusters(doc).map((c) => ({ id: c.id, label: c.label, notes: [...c.notes].sort() }));
/** Every time the server closes `c` on purpose (a refused update). */
function refusals(c: ServerTransport): Array<{ code: number }> {
  const seen: Array<{ code: number }> = [];
  c.onRefused((x) => seen.push(x));
  return seen;
}

/** A server for the enclosing describe block, with its own data directory; `restart` closes
 *  everyone's connection and starts it again on the same data. */
function useServer() {
  const dir = tempDir();
  let s: Started | undefined;
  const people = joiner(() => s!.url);
  beforeAll(async () => {
    s = await startServer({ dataDir: dir });
  });
  afterAll(async () => {
    people.closeAll();
    await s?.stop();
    cleanup(dir);
  });
  return {
    people,
    async restart() {
      people.closeAll();
      await s!.stop();
      s = await startServer({ dataDir: dir });
    },
  };
}

describe('moving a session from Miro’s channel to the sync server', () => {
  const { people, restart } = useServer();

  it('keeps themes, rounds with their results, plan and step; an open round arrives closed; no ballot leaves Miro', async () => {
    const m = miroSession();
    const want = { revealed: rows(m.doc, m.revealed), open: rows(m.doc, m.open), themes: themes(m.doc) };
    expect(Array.isArray(want.revealed) && Array.isArray(want.open)).toBe(true);
    const f = await people.join('fac');
    const p = await people.join('anne');
    const refused = [...refusals(f), ...refusals(p)];
    // Two panels carry everyone's part at once: the same theme, written under the same id.
    const a = carryShared(m.doc, p.doc);
    const b = carryShared(m.doc, f.doc);
    expect([a.clusters, b.clusters]).toEqual([1, 1]);
    const state = controlState(m.doc);
    // The carried state holds no ballot and no theme: the facilitator's maps and the totals.
    const carried = new Y.Doc();
    Y.applyUpdate(carried, Uint8Array.from(atob(state), (ch) => ch.charCodeAt(0)));
    expect(ballotsMap(carried).size).toBe(0);
    expect(listClusters(carried)).toEqual([]);
    expect(await control(f).apply({ type: 'import-session', state })).toMatchObject({ ok: true, value: { rounds: 4, initiatives: 1 } });

    const late = await people.join('bo');
    for (const [who, c] of [['fac', f], ['anne', p], ['late', late]] as const) {
      await waitFor(() => facilitatorOf(c.doc) === 'fac' && themes(c.doc).length === 1 && getRound(c.doc, m.revealed)?.status === 'revealed'
        && Array.isArray(rows(c.doc, m.revealed)), `${who}: moved`);
      expect(themes(c.doc), who).toEqual(want.themes);
      expect(rows(c.doc, m.revealed), who).toEqual(want.revealed);
      expect(getRound(c.doc, m.hidden)?.status, who).toBe('closed');
      // A hidden round's totals are not shown before the reveal: not even in the doc.
      expect(rows(c.doc, m.hidden), who).toBe('hidden-until-reveal');
      expect(publishedMap(c.doc).get(m.hidden), who).toMatchObject({ respondents: 2, counts: {} });
      expect(getRound(c.doc, m.open)?.status, who).toBe('closed');
      expect(rows(c.doc, m.open), who).toEqual(want.open);
      expect(getRound(c.doc, m.draft)?.status, who).toBe('draft');
      expect(listPlan(c.doc).map((i) => i.text), who).toEqual(['Faste 1:1-samtaler']);
      expect(readWorkshop(c.doc)?.step, who).toBe('not-talked-about');
      // No ballot map: the ballots stayed in Miro.
      expect(ballotsMap(c.doc).size, who).toBe(0);
    }
    // The records never go to a client with their totals.
    const listed = await f.rpc('rounds', {});
    expect(listed.map((x) => x.id).sort()).toEqual([m.revealed, m.hidden, m.open].sort());
    expect(listed.some((x) => 'imported' in x)).toBe(false);

    // Revealed on the server, the carried totals of the hidden round show.
    expect(await control(f).apply({ type: 'reveal-round', roundId: m.hidden })).toMatchObject({ ok: true });
    await waitFor(() => Array.isArray(rows(p.doc, m.hidden)), 'hidden round revealed at anne');
    expect(rows(p.doc, m.hidden)).toEqual([[NOTES[2]!, 2], [m.clusterId, 0]]);
    // Nobody votes in a carried round.
    expect(await late.rpc('cast', { roundId: m.open, target: NOTES[0]! }).catch((e: { code: string }) => e.code)).toBe('wrong-mode');
    expect(refused).toEqual([]);

    // A second carry (a panel late to the move, or the same move twice) writes nothing and
    // overwrites nothing the server holds (a theme renamed on the server stays renamed).
    (p.doc.getMap('clusters').get(m.clusterId) as Y.Map<unknown>).set('label', 'Travlhed og tempo');
    await waitFor(() => themes(late.doc)[0]?.label === 'Travlhed og tempo', 'rename at bo');
    expect(carryShared(m.doc, late.doc)).toEqual({ clusters: 0, aliases: 0, members: 0 });
    expect(await control(f).apply({ type: 'import-session', state })).toMatchObject({ ok: true });
    await waitFor(() => getRound(late.doc, m.hidden)?.status === 'revealed', 'the server’s record stays');
    expect(rows(late.doc, m.revealed)).toEqual(want.revealed);
    expect(themes(f.doc)[0]?.label).toBe('Travlhed og tempo');
  });

  it('keeps the carried results when the board is loaded again (the projection does not reset them)', async () => {
    await restart();
    const p = await people.join('anne');
    await waitFor(() => roundsMap(p.doc).size === 4 && themes(p.doc).length === 1, 'the board loaded');
    await new Promise((r) => setTimeout(r, 500));
    const statuses = [...roundsMap(p.doc).keys()].map((id) => getRound(p.doc, id)?.status).sort();
    expect(statuses).toEqual(['closed', 'draft', 'revealed', 'revealed']);
    const revealed = [...roundsMap(p.doc).keys()].filter((id) => getRound(p.doc, id)?.status === 'revealed');
    await waitFor(() => revealed.every((id) => Array.isArray(rows(p.doc, id))), 'results shown after the reload');
  });
});

describe('a round that left the server open and was voted on in Miro too', () => {
  const { people } = useServer();

  it('comes back closed with every vote: those cast on the server and those cast in Miro; a sealed one keeps the server’s ballots', async () => {
    const f = await people.join('fac');
    const p = await people.join('anne');
    must(await control(f).apply({ type: 'start-session' }));
    const named = await newRound(f, { targets: NOTES, budget: 2, cap: 1, k: 1, anonymity: 'named', visibility: 'live' });
    const sealed = await newRound(f, { targets: NOTES, budget: 2, cap: 1, k: 1, anonymity: 'sealed', visibility: 'live' });
    await waitFor(() => getRound(p.doc, named)?.status === 'open' && getRound(p.doc, sealed)?.status === 'open', 'rounds open at anne');
    expect(castVote(p.doc, { roundId: named, ballotKey: 'anne', targetId: NOTES[0]! }).ok).toBe(true);
    await p.rpc('cast', { roundId: sealed, target: NOTES[0]! });
    await waitFor(() => Array.isArray(rows(f.doc, named)) && (rows(f.doc, named) as unknown[][]).some(([t, n]) => t === NOTES[0] && n === 1), 'anne’s vote at fac');

    // To Miro (as switchConnection does), a vote there, the round closed before moving back.
    const miro = new Y.Doc();
    Y.applyUpdate(miro, sharedState(f.doc));
    expect(importSession(miro, fac, { state: controlState(f.doc) }).ok).toBe(true);
    expect(castVote(miro, { roundId: named, ballotKey: 'bo', targetId: NOTES[1]! }).ok).toBe(true);
    expect(closeRound(miro, fac, { roundId: named }).ok).toBe(true);
    expect(closeRound(miro, fac, { roundId: sealed }).ok).toBe(true);
    const want = rows(miro, named);
    expect(want).toEqual([[NOTES[0]!, 1], [NOTES[1]!, 1], [NOTES[2]!, 0]]);

    const q = await people.join('carl');
    carryShared(miro, f.doc);
    must(await control(f).apply({ type: 'import-session', state: controlState(miro) }));
    await waitFor(() => getRound(q.doc, named)?.status === 'closed' && getRound(q.doc, sealed)?.status === 'closed', 'both closed at carl');
    await waitFor(() => JSON.stringify(rows(q.doc, named)) === JSON.stringify(want), 'every vote counted at carl');
    expect(readBallotMap(q.doc, named)).toBeNull();
    await waitFor(() => JSON.stringify(rows(q.doc, sealed)) === JSON.stringify([[NOTES[0]!, 1], [NOTES[1]!, 0], [NOTES[2]!, 0]]), 'the sealed round’s own count at carl');
    // Closed on the server for good: no vote in either.
    expect(await q.rpc('cast', { roundId: sealed, target: NOTES[1]! }).catch((e: { code: string }) => e.code)).toBe('not-open');
    expect(castVote(q.doc, { roundId: named, ballotKey: 'carl', targetId: NOTES[1]! }).ok).toBe(false);
  });
});

describe('a session too big for one message', () => {
  const { people } = useServer();

  it('moves in parts: ten revealed rounds over 300 notes each, every result there; parts are the facilitator’s, in order', async () => {
    const doc = new Y.Doc();
    startSession(doc, fac, { now: T0 });
    const notes = Array.from({ length: 300 }, (_, i) => String(3458764511111111111n + BigInt(i)));
    const ids: string[] = [];
    for (let r = 0; r < 10; r++) {
      const c = createRound(doc, fac, { question: 'Hvad først?', scope: { kind: 'selection' }, targets: notes, budget: 5, cap: 3, k: 1, anonymity: 'anonymous', visibility: 'live', now: T0 });
      if (!c.ok) throw new Error(c.message);
      openRound(doc, fac, { roundId: c.value.roundId, now: T0 });
      for (let v = 0; v < 30; v++) for (let slot = 0; slot < 5; slot++) castVote(doc, { roundId: c.value.roundId, ballotKey: `key${v}`, targetId: notes[(v * 7 + slot * 3 + r) % 300]!, now: T0 + 1 });
      revealRound(doc, fac, { roundId: c.value.roundId, now: T0 + 2 });
      ids.push(c.value.roundId);
    }
    const state = controlState(doc);
    expect(state.length).toBeGreaterThan(64 * 1024);

    const mallory = await people.join('mallory');
    const f = await people.join('fac');
    must(await control(f).apply({ type: 'start-session' }));
    const part = (c: ServerTransport, index: number) => c.rpc('importPart', { upload: 'u1', index, count: 2, data: 'AAAA' }).catch((e: { code: string }) => e.code);
    expect(await part(mallory, 0)).toBe('not-facilitator');
    expect(await part(f, 1)).toBe('bad-request');
    expect(await part(f, 0)).toEqual({ received: 1 });
    expect(await part(f, 0)).toEqual({ received: 1 });

    expect(await control(f).apply({ type: 'import-session', state })).toMatchObject({ ok: true, value: { rounds: 10 } });
    await waitFor(() => ids.every((id) => JSON.stringify(rows(mallory.doc, id)) === JSON.stringify(rows(doc, id))), 'every result at mallory');
  });
});

describe('a forged or malformed import', () => {
  const { people } = useServer();

  it('a participant cannot use the import, not even on a board without a facilitator yet', async () => {
    const m = miroSession();
    const mallory = await people.join('mallory');
    const state = controlState(m.doc);
    // The state names 'fac' as the facilitator: mallory does not take the empty seat with it.
    expect(await control(mallory).apply({ type: 'import-session', state })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    const f = await people.join('fac');
    expect(await control(f).apply({ type: 'start-session' })).toMatchObject({ ok: true });
    await waitFor(() => facilitatorOf(mallory.doc) === 'fac', 'seat at mallory');
    expect(await control(mallory).apply({ type: 'import-session', state })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    expect(roundsMap(mallory.doc).size).toBe(0);
    expect(await f.rpc('rounds', {})).toEqual([]);
  });

  it('skips every bad value, never throws, and refuses what is no session state', async () => {
    const f = await people.join('fac');
    await waitFor(() => facilitatorOf(f.doc) === 'fac', 'seat');
    expect(await control(f).apply({ type: 'import-session', state: '%%%' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await control(f).apply({ type: 'import-session', state: btoa('not yjs') })).toMatchObject({ ok: false, error: { code: 'invalid' } });

    // A hand-made state: one good revealed round with good totals, and bad values beside it.
    const src = new Y.Doc();
    const good: RoundFields = {
      question: 'Hvad først?', scope: { kind: 'selection' }, targets: packIds(NOTES), budget: 3, cap: 2, anonymity: 'named', visibility: 'live',
      k: 1, timeLimitMs: null, createdBy: 'fac', createdAt: T0, openedAt: T0, endsAt: null, closedAt: T0 + 1, revealedAt: T0 + 2,
    };
    src.transact(() => {
      src.getMap('session').set('facilitator', 'fac');
      const rounds = roundsMap(src);
      rounds.set('good', fieldMap(good));
      rounds.set('zero-budget', fieldMap({ ...good, budget: 0 }));
      rounds.set('bad-anonymity', fieldMap({ ...good, anonymity: 'public' as never }));
      rounds.set('long-question', fieldMap({ ...good, question: 'x'.repeat(5000) }));
      rounds.set('not a map', 'junk' as never);
      rounds.set('over-cap', fieldMap(good));
      rounds.set('fake-votes', fieldMap(good));
      const pub = publishedMap(src);
      pub.set('good', { respondents: 2, counts: { [NOTES[0]!]: 3, [NOTES[1]!]: 1, 'bad key!': 1, [NOTES[2]!]: -1 }, publishedAt: T0 });
      pub.set('over-cap', { respondents: 1, counts: { [NOTES[0]!]: 3 }, publishedAt: T0 });
      pub.set('fake-votes', { respondents: 0, counts: { [NOTES[0]!]: 1 }, publishedAt: T0 });
      src.getMap('plan').set('bad-initiative', fieldMap({ layer: 'X', text: 1 }));
      src.getMap('workshop').set('step', 'no-such-step');
    });
    const r = await control(f).apply({ type: 'import-session', state: toBase64(Y.encodeStateAsUpdate(src)) });
    expect(r).toMatchObject({ ok: true, value: { rounds: 3, initiatives: 0 } });
    await waitFor(() => getRound(f.doc, 'good')?.status === 'revealed', 'good round');
    expect(rows(f.doc, 'good')).toEqual([[NOTES[0]!, 3], [NOTES[1]!, 1], [NOTES[2]!, 0]]);
    expect([...roundsMap(f.doc).keys()].sort()).toEqual(['fake-votes', 'good', 'over-cap']);
    // Totals no ballots could add up to are left out: the round shows no result.
    for (const id of ['over-cap', 'fake-votes']) {
      await waitFor(() => getRound(f.doc, id)?.status === 'revealed', id);
      expect(rows(f.doc, id)).toBe('below-k');
    }
    expect(readWorkshop(f.doc)).toBeNull();
    // The server is still answering.
    expect(await control(f).apply({ type: 'go-to-step', step: 'p-iglo' })).toMatchObject({ ok: true });
  });
});
