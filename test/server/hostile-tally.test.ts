/**
 * Issue 9, what a round counts: a hostile participant (a valid token of the team) writes the
 * shared doc's maps that everyone may write, directly, against a real server on 127.0.0.1.
 * - aliases or clusters keyed by a note id never make a live note count for nothing: not in
 *   the published sealed tally, not in the server's cap check, not in a doc-held round;
 * - ballots of named and anonymous rounds: nobody writes or clears another person's slot, makes
 *   up ballots, writes a sealed round's slots or replaces a round's ballot map.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  aliasesMap, ballotsMap, clustersMap, fieldMap, getRound, membershipMap, tally, type ClusterFields,
} from '../../src/core/session/index.js';
import { LocalVoteService, MemoryBallotKeyStore } from '../../src/core/session/local-vote-service.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { ServerBallotKeys } from '../../src/sync/server-votes.js';
import { client, control, must, newRound, settled, startServer, waitFor, type Started, joiner, useStartedSession } from './support/helpers.js';
import { forgeAs } from './support/raw.js';

const shown = (doc: Y.Doc, id: string) => {
  const t = tally(doc, id);
  return t.visible ? Object.fromEntries(t.rows.map((r) => [r.targetId, r.votes])) : null;
};

describe('a participant cannot make a live note count for nothing (aliases, clusters)', () => {
  let s: Started;
  const { join, closeAll } = joiner(() => s.url);
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  let fac: ServerTransport;
  beforeAll(async () => {
    s = await startServer();
    fac = await join('fac');
    must(await control(fac).apply({ type: 'start-session' }));
  });
  afterAll(async () => {
    closeAll();
    await s.stop();
    warnings.mockRestore();
  });

  it('sealed round: the published tally and the cap keep the note', async () => {
    const id = await newRound(fac, { targets: ['501', '502'], budget: 4, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' });
    const voter = await join('voter');
    await voter.rpc('cast', { roundId: id, target: '501' });
    await voter.rpc('cast', { roundId: id, target: '502' });
    await waitFor(() => shown(fac.doc, id)?.['501'] === 1 && shown(fac.doc, id)?.['502'] === 1, 'both counted');

    // Mallory: the note as an alias to itself (a cycle: "gone"), and as a cluster that is gone,
    // and note 502 put into a "cluster" that is note 501.
    const mallory = await join('mallory');
    mallory.doc.transact(() => {
      aliasesMap(mallory.doc).set('501', '501');
      clustersMap(mallory.doc).set('502', fieldMap<ClusterFields>({ label: 'x', colour: 'red', createdBy: 'mallory', createdAt: 1 }));
      aliasesMap(mallory.doc).set('c-fake', '502');
      membershipMap(mallory.doc).set('502', '501');
    });
    await settled(mallory, fac);
    // Another cast makes the server publish again, counting as it does now.
    await voter.rpc('cast', { roundId: id, target: '501' });
    await waitFor(() => shown(fac.doc, id)?.['501'] === 2, 'the third vote counted');
    expect(shown(fac.doc, id)).toEqual({ '501': 2, '502': 1 });
    // The cap still binds on the note (it is not "gone": no free pass past the cap either).
    await expect(voter.rpc('cast', { roundId: id, target: '501' })).rejects.toMatchObject({ code: 'cap-reached' });
    // And a new voter can still vote on it.
    const late = await join('late');
    expect((await late.rpc('cast', { roundId: id, target: '501' })).used).toBe(1);
  });

  it('named round (ballots in the doc): every client tallies the note', async () => {
    const id = await newRound(fac, { targets: ['601', '602'], budget: 2, cap: 2, k: 1, anonymity: 'named', visibility: 'live' });
    await waitFor(() => ballotsMap(fac.doc).has(id), 'round at the facilitator');
    const m = ballotsMap(fac.doc).get(id)!;
    m.set('fac.0', 0);
    m.set('fac.1', 1);
    const mallory = await join('mallory2');
    await waitFor(() => shown(mallory.doc, id) !== null, 'tally at mallory');
    mallory.doc.transact(() => {
      aliasesMap(mallory.doc).set('601', '601');
      clustersMap(mallory.doc).set('602', fieldMap<ClusterFields>({ label: 'x', colour: 'red', createdBy: 'm', createdAt: 1 }));
      aliasesMap(mallory.doc).set('602', '602');
    });
    await settled(mallory, fac);
    const late = await join('late2');
    for (const c of [fac, late]) expect(shown(c.doc, id)).toEqual({ '601': 1, '602': 1 });
  });
});

describe('a participant writes only their own ballot slots (named and anonymous rounds)', () => {
  const { join, current } = useStartedSession();
  let s: Started;
  let fac: ServerTransport;
  beforeAll(() => void ({ s, fac } = current()));

  const forge = (user: string, change: (d: Y.Doc) => void) => forgeAs(s.url, user, fac.doc, change);
  const slots = (doc: Y.Doc, id: string) => Object.fromEntries([...(ballotsMap(doc).get(id)?.entries() ?? [])]);

  it('named: another person’s slot can be neither written nor cleared; one’s own can', async () => {
    const id = await newRound(fac, { targets: ['701', '702'], budget: 2, cap: 1, k: 1, anonymity: 'named', visibility: 'live' });
    await waitFor(() => ballotsMap(fac.doc).has(id), 'ballot map');
    const fv = new LocalVoteService(fac.doc, { actor: { userId: 'fac' }, ballotKeys: new MemoryBallotKeyStore() });
    expect((await fv.cast(id, '701')).ok).toBe(true);
    await waitFor(() => !fac.provider.hasUnsyncedChanges, 'fac’s vote at the server');

    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('anne.0', 0))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.delete('fac.0'))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('fac.0', 1))).toBe(4403);
    // Past the budget, a type where a target belongs, a new ballot map, the round's map removed.
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('mallory.2', 0))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('mallory.0', new Y.Map() as never))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).set(id, new Y.Map()))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).delete(id))).toBe(4403);
    // Her own slot is hers to write.
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('mallory.0', 1))).toBe(0);

    const late = await join('late');
    await waitFor(() => slots(late.doc, id)['mallory.0'] === 1, 'mallory’s own vote');
    for (const c of [fac, late]) {
      expect(slots(c.doc, id)).toEqual({ 'fac.0': 0, 'mallory.0': 1 });
      expect(shown(c.doc, id)).toEqual({ '701': 1, '702': 1 });
    }
  });

  it('anonymous: one server-issued key per person, on every device; no made-up ballots, no one else’s', async () => {
    const id = await newRound(fac, { targets: ['801', '802'], budget: 2, cap: 2, k: 1, anonymity: 'anonymous', visibility: 'live' });
    const anne1 = await join('anne');
    const anne2 = await join('anne');
    const dev = (c: ServerTransport) => new LocalVoteService(c.doc, { actor: { userId: 'anne' }, ballotKeys: new ServerBallotKeys(new MemoryBallotKeyStore(), c) });
    await waitFor(() => getRound(anne2.doc, id)?.status === 'open', 'round at anne');
    expect(await dev(anne1).cast(id, '801')).toMatchObject({ ok: true, votes: { used: 1 } });
    await waitFor(() => !anne1.provider.hasUnsyncedChanges && shown(anne2.doc, id)?.['801'] === 1, 'first device’s vote');
    // The second device has the same ballot: one budget for the person.
    expect(await dev(anne2).cast(id, '802')).toMatchObject({ ok: true, votes: { used: 2 } });
    expect(await dev(anne2).cast(id, '802')).toMatchObject({ ok: false, error: 'budget-exhausted' });
    await waitFor(() => !anne2.provider.hasUnsyncedChanges, 'second device’s vote');
    const keys = Object.keys(slots(fac.doc, id));
    expect(new Set(keys.map((k) => k.slice(0, k.lastIndexOf('.')))).size).toBe(1);
    const anneKey = keys[0]!.slice(0, keys[0]!.lastIndexOf('.'));
    expect(anneKey).not.toContain('anne');

    // Mallory: a made-up ballot, a slot under Anne's key (she can read it in the doc), clearing it.
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('made-up-key.0', 0))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set(`${anneKey}.1`, 0))).toBe(4403);
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.delete(`${anneKey}.0`))).toBe(4403);
    // Her own issued key works.
    const mallory = await join('mallory');
    expect(await dev(mallory).cast(id, '801')).toMatchObject({ ok: true });
    await waitFor(() => !mallory.provider.hasUnsyncedChanges, 'mallory’s vote');
    await settled(mallory, fac);
    expect(shown(fac.doc, id)).toEqual({ '801': 2, '802': 1 });
    expect(tally(fac.doc, id)).toMatchObject({ respondents: 2 });
  });

  it('sealed: no slots in the doc at all', async () => {
    const id = await newRound(fac, { targets: ['901'], budget: 2, cap: 2, k: 1, anonymity: 'sealed', visibility: 'live' });
    await waitFor(() => ballotsMap(fac.doc).has(id), 'ballot map');
    expect(await forge('mallory', (d) => ballotsMap(d).get(id)!.set('mallory.0', 0))).toBe(4403);
  });
});
