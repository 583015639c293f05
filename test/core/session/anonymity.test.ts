/**
 * In an anonymous round the doc holds nothing that names who cast a ballot: the encoded doc
 * (what every board member's client and the storage snapshot hold) is searched for the
 * voters' user ids and names, and the ballot slots are shown to be written by Yjs clients that
 * wrote nothing else (a client id is what awareness shows next to a name).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ballotsMap, createCluster, LocalVoteService, MemoryBallotKeyStore, startSession, type Anonymity,
} from '../../../src/core/session/index.js';
import { findSecrets } from '../../support/byte-search.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { fac, notes, round, T0 } from './setup.js';

const voters = [
  { userId: '3458764599990000001', name: 'Anne Mørk Jensen' },
  { userId: '3458764599990000002', name: 'Bo Østergaard' },
  { userId: '3458764599990000003', name: 'Camilla Ærø' },
];

const contains = (hay: Uint8Array, secret: string) => findSecrets(hay, [secret]).length > 0;

/** Each voter on their own replica votes twice and withdraws once; the first voter also clusters. */
async function session(anonymity: Anonymity) {
  const net = new LinkedDocs(voters.length + 1);
  const [facDoc, ...docs] = net.docs as [Y.Doc, ...Y.Doc[]];
  startSession(facDoc, fac, { now: T0 });
  const roundId = round(facDoc, { anonymity, budget: 3 });
  net.flush();
  createCluster(docs[0]!, { userId: voters[0]!.userId }, { noteIds: [notes[3]!], label: 'Vores tema' });
  for (const [i, v] of voters.entries()) {
    const svc = new LocalVoteService(docs[i]!, { actor: { userId: v.userId }, ballotKeys: new MemoryBallotKeyStore(), now: () => T0 });
    expect((await svc.cast(roundId, notes[i]!)).ok).toBe(true);
    expect((await svc.cast(roundId, notes[(i + 1) % 3]!)).ok).toBe(true);
    expect((await svc.withdraw(roundId, notes[i]!)).ok).toBe(true);
    expect((await svc.cast(roundId, notes[2]!)).ok).toBe(true);
  }
  net.flush();
  expect(net.converged()).toBe(true);
  return { net, roundId, facDoc, docs };
}

describe('anonymous rounds', () => {
  it('the encoded doc contains no voter user id and no name', async () => {
    const { net, roundId, facDoc } = await session('anonymous');
    for (const update of [Y.encodeStateAsUpdate(facDoc), Y.encodeStateAsUpdateV2(facDoc)]) {
      for (const v of voters.slice(1)) {
        expect(contains(update, v.userId)).toBe(false);
        expect(contains(update, v.name)).toBe(false);
      }
      // The first voter made a cluster, which is named; their name still appears nowhere.
      expect(contains(update, voters[0]!.name)).toBe(false);
    }
    expect(ballotsMap(facDoc).get(roundId)!.size).toBe(voters.length * 2);
    net.destroy();
  });

  it('ballot slots are written by Yjs clients that wrote nothing else, and not by any replica’s own client', async () => {
    const { net, roundId, facDoc } = await session('anonymous');
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(facDoc));
    const ballots = ballotsMap(loaded).get(roundId)!;
    const ballotClients = new Set<number>();
    const otherClients = new Set<number>();
    for (const [client, structs] of loaded.store.clients) {
      for (const s of structs) {
        if (!(s instanceof Y.Item)) continue;
        (s.parent === ballots ? ballotClients : otherClients).add(client);
      }
    }
    expect(ballotClients.size).toBe(voters.length);
    for (const c of ballotClients) expect(otherClients.has(c)).toBe(false);
    for (const d of net.docs) expect(ballotClients.has(d.clientID)).toBe(false);
    net.destroy();
  });

  it('ballot keys are random: not the user id, and different in every round', async () => {
    const doc = new Y.Doc();
    startSession(doc, fac, { now: T0 });
    const r1 = round(doc, { anonymity: 'anonymous' });
    const r2 = round(doc, { anonymity: 'anonymous' });
    const keys = new MemoryBallotKeyStore();
    const svc = new LocalVoteService(doc, { actor: { userId: voters[0]!.userId }, ballotKeys: keys, now: () => T0 });
    await svc.cast(r1, notes[0]!);
    await svc.cast(r2, notes[0]!);
    const [k1, k2] = [keys.get(r1)!, keys.get(r2)!];
    expect(k1).not.toBe(k2);
    for (const k of [k1, k2]) expect(k).not.toContain(voters[0]!.userId);
    expect([...ballotsMap(doc).get(r1)!.keys()]).toEqual([`${k1}.0`]);
  });

  it('for contrast, a named round does name its voters (the search above would find them)', async () => {
    const { net, facDoc } = await session('named');
    const update = Y.encodeStateAsUpdate(facDoc);
    for (const v of voters) expect(contains(update, v.userId)).toBe(true);
    net.destroy();
  });
});
