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
  aliasesMap, ballotsMap, clustersMap, fieldMap, membershipMap, tally, type ClusterFields,
} from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, control, must, newRound, settled, startServer, waitFor, type Started } from './support/helpers.js';

const shown = (doc: Y.Doc, id: string) => {
  const t = tally(doc, id);
  return t.visible ? Object.fromEntries(t.rows.map((r) => [r.targetId, r.votes])) : null;
};

describe('a participant cannot make a live note count for nothing (aliases, clusters)', () => {
  let s: Started;
  const open: ServerTransport[] = [];
  const join = async (user: string) => {
    const c = client(s.url, user);
    open.push(c);
    await c.whenSynced();
    return c;
  };
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  let fac: ServerTransport;
  beforeAll(async () => {
    s = await startServer();
    fac = await join('fac');
    must(await control(fac).apply({ type: 'start-session' }));
  });
  afterAll(async () => {
    open.forEach((c) => c.destroy());
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
