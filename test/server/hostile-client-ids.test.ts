/**
 * Issue 9, forged Yjs client ids (server/client-ids.ts), against a real server on 127.0.0.1: a
 * participant writes items under another person's client id, ahead of them, so that person's
 * next edit would be dropped as a duplicate (or their own writes shown as the other's).
 * - an id someone has written with, or shows in their presence, takes writes from them alone:
 *   a live update under it from anyone else is refused (4403), and so is a connection's first
 *   sync reply under it (a forger's first frame on a new socket), whether the id is known by
 *   writing or from presence alone; the owner's next edit still reaches everyone;
 * - an anonymous ballot's throwaway id is its writer's too;
 * - one's own ids stay writable.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ballotsMap, getRound } from '../../src/core/session/index.js';
import { LocalVoteService, MemoryBallotKeyStore } from '../../src/core/session/local-vote-service.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { ServerBallotKeys } from '../../src/sync/server-votes.js';
import { newRound, ROOM, settled, waitFor, type Started, useStartedSession } from './support/helpers.js';
import { asClient, forgeAs, forgedUpdate, rawClient, replyFrame } from './support/raw.js';

describe('a participant cannot write under another’s Yjs client id', () => {
  const { join, current } = useStartedSession();
  let s: Started;
  let fac: ServerTransport;
  beforeAll(() => void ({ s, fac } = current()));

  const as = asClient;
  const notes = (doc: Y.Doc) => doc.getMap('membership').toJSON();

  it('an id written with, or shown in presence, takes writes from its owner alone', async () => {
    const anne = await join('anne');
    anne.doc.getMap('membership').set('3001', 'c1');
    await settled(anne, fac);
    const victim = anne.doc.clientID;

    // Mallory writes ahead of Anne under her id: a live update, and a sync reply on a fresh socket.
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(victim, (d) => d.getMap('membership').set('3002', 'forged')))).toBe(4403);
    const raw = await rawClient(s.url, 'mallory', [ROOM]);
    raw.send(replyFrame(ROOM, forgedUpdate(fac.doc, as(victim, (d) => d.getMap('membership').set('3003', 'forged')))));
    expect(await raw.closed).toBe(4403);
    // Anne's next edit (the clock Mallory tried to take) reaches everyone.
    anne.doc.getMap('membership').set('3004', 'c2');
    await settled(anne, fac);
    const late = await join('late');
    for (const c of [fac, late]) expect(notes(c.doc)).toMatchObject({ '3001': 'c1', '3004': 'c2' });
    for (const c of [fac, late]) expect(Object.keys(notes(c.doc))).not.toContain('3002');

    // Bob has only shown his presence: his id is his for writes too.
    const bob = await join('bob');
    bob.awareness.setLocalStateField('presence', { name: 'Bob', user: 'bob' });
    await waitFor(() => (fac.awareness.getStates().get(bob.awareness.clientID) as { presence?: unknown } | undefined)?.presence !== undefined, 'bob present');
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(bob.doc.clientID, (d) => d.getMap('membership').set('3005', 'forged')))).toBe(4403);
    // Also as the first frame on a new socket: the reply to the server's sync request.
    const first = await rawClient(s.url, 'mallory', [ROOM]);
    first.send(replyFrame(ROOM, forgedUpdate(fac.doc, as(bob.doc.clientID, (d) => d.getMap('membership').set('3009', 'forged')))));
    expect(await Promise.race([first.closed, new Promise((r) => setTimeout(() => r(0), 1000))])).toBe(4403);
    first.ws.terminate();
    expect(Object.keys(notes(fac.doc))).not.toContain('3009');

    // Mallory's own fresh id is hers, on every connection of hers.
    const own = 77_000_001;
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(own, (d) => d.getMap('membership').set('3006', 'm')))).toBe(0);
    await waitFor(() => notes(fac.doc)['3006'] === 'm', 'mallory’s own write');
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(own, (d) => d.getMap('membership').set('3007', 'm')))).toBe(0);
    // And nobody else's.
    expect(await forgeAs(s.url, 'anne', fac.doc, as(own, (d) => d.getMap('membership').set('3008', 'a')))).toBe(4403);
  });

  it('an anonymous ballot’s throwaway id is its writer’s', async () => {
    const id = await newRound(fac, { targets: ['3101', '3102'], budget: 2, cap: 2, k: 1, anonymity: 'anonymous', visibility: 'live' });
    const anne = await join('anne');
    await waitFor(() => getRound(anne.doc, id)?.status === 'open', 'round at anne');
    const v = new LocalVoteService(anne.doc, { actor: { userId: 'anne' }, ballotKeys: new ServerBallotKeys(new MemoryBallotKeyStore(), anne) });
    expect((await v.cast(id, '3101')).ok).toBe(true);
    await settled(anne, fac);
    const slot = ballotsMap(fac.doc).get(id)!;
    const [key] = [...slot.keys()];
    const throwaway = (slot as unknown as { _map: Map<string, Y.Item> })._map.get(key!)!.id.client;
    expect(throwaway).not.toBe(anne.doc.clientID);

    // Mallory's own slot (her issued key), but under Anne's throwaway id: refused; under her own: taken.
    const mallory = await join('mallory');
    const mkey = (await mallory.rpc('ballotKey', { roundId: id })).key;
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(throwaway, (d) => ballotsMap(d).get(id)!.set(`${mkey}.0`, '3102')))).toBe(4403);
    expect(await forgeAs(s.url, 'mallory', fac.doc, as(88_000_001, (d) => ballotsMap(d).get(id)!.set(`${mkey}.0`, '3102')))).toBe(0);
    // Anne's second vote, under her throwaway id, still counts.
    expect((await v.cast(id, '3102')).ok).toBe(true);
    await settled(anne, fac);
    const anneKey = key!.slice(0, key!.lastIndexOf('.'));
    expect([...ballotsMap(fac.doc).get(id)!.keys()].filter((k) => k.startsWith(`${anneKey}.`)).sort()).toEqual([`${anneKey}.0`, `${anneKey}.1`]);
  });
});
