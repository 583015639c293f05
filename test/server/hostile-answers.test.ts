/**
 * Issue 9, anonymous answers a participant writes in the shared doc, against a real server on
 * 127.0.0.1:
 * - an anonymous pulse takes one answer per person: under the respondent key the server issues
 *   that person (the same on each device); a made-up key, another person's, clearing one, a new
 *   answer map, or an answer after the pulse closed are refused (4403) and reach nobody;
 * - an old app that makes its own anonymous key (a ballot slot or a pulse answer) is refused,
 *   on its first connection and again when it reconnects, and its writes reach nobody.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ballotsMap, getPulse, getRound, pulseAnswersMap } from '../../src/core/session/index.js';
import { LocalVoteService, MemoryBallotKeyStore } from '../../src/core/session/local-vote-service.js';
import { PulseService } from '../../src/core/session/pulse-service.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { ServerBallotKeys } from '../../src/sync/server-votes.js';
import { control, must, newRound, settled, waitFor, type Started, useStartedSession } from './support/helpers.js';
import { forgeAs } from './support/raw.js';

const SEVEN = [4, 4, 4, 4, 4, 4, 4];

describe('anonymous answers in the doc: one per person, under the key the server issues', () => {
  const { join, current } = useStartedSession();
  let s: Started;
  let fac: ServerTransport;
  beforeAll(() => void ({ s, fac } = current()));

  const forge = (user: string, change: (d: Y.Doc) => void) => forgeAs(s.url, user, fac.doc, change);
  const answers = (doc: Y.Doc, id: string) => Object.fromEntries([...(pulseAnswersMap(doc).get(id)?.entries() ?? [])]);
  const serverPulses = (c: ServerTransport) => new PulseService(c.doc, new ServerBallotKeys(new MemoryBallotKeyStore(), c, 'pulseKey'));
  /** The connection's close code once the server refuses it (a transport reconnects after it). */
  const refusals = (c: ServerTransport) => {
    const codes: number[] = [];
    c.onRefused((r) => codes.push(r.code));
    return codes;
  };

  async function openPulse(): Promise<string> {
    const { pulseId } = must(await control(fac).apply({ type: 'create-pulse', pulse: { anonymity: 'anonymous', k: 3 } })) as { pulseId: string };
    must(await control(fac).apply({ type: 'open-pulse', pulseId }));
    await waitFor(() => getPulse(fac.doc, pulseId)?.status === 'open' && pulseAnswersMap(fac.doc).has(pulseId), 'pulse open at the facilitator');
    return pulseId;
  }

  it('a person answers once, whichever device; nobody answers under another key', async () => {
    const id = await openPulse();
    const anne1 = await join('anne');
    const anne2 = await join('anne');
    await waitFor(() => getPulse(anne2.doc, id)?.status === 'open', 'pulse at anne');
    expect(await serverPulses(anne1).answer(id, SEVEN)).toEqual({ ok: true, value: null });
    await waitFor(() => !anne1.provider.hasUnsyncedChanges && Object.keys(answers(anne2.doc, id)).length === 1, 'first device’s answer');
    // Her second device answers under the same key: it replaces the first, it does not add one.
    expect(await serverPulses(anne2).answer(id, [1, 2, 3, 4, 5, 6, 7])).toEqual({ ok: true, value: null });
    await waitFor(() => !anne2.provider.hasUnsyncedChanges, 'second device’s answer');
    await settled(anne2, fac);
    const keys = Object.keys(answers(fac.doc, id));
    expect(keys).toHaveLength(1);
    expect(answers(fac.doc, id)[keys[0]!]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(keys[0]).not.toContain('anne');
    expect(await serverPulses(anne1).mine(id)).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // Mallory: a made-up key, Anne's key (she can read it in the doc), clearing it, a new answer map.
    expect(await forge('mallory', (d) => pulseAnswersMap(d).get(id)!.set('made-up-key', SEVEN))).toBe(4403);
    expect(await forge('mallory', (d) => pulseAnswersMap(d).get(id)!.set(keys[0]!, SEVEN))).toBe(4403);
    expect(await forge('mallory', (d) => pulseAnswersMap(d).get(id)!.delete(keys[0]!))).toBe(4403);
    expect(await forge('mallory', (d) => pulseAnswersMap(d).set(id, new Y.Map()))).toBe(4403);
    // Her own issued key works, once.
    const mallory = await join('mallory');
    expect(await serverPulses(mallory).answer(id, SEVEN)).toEqual({ ok: true, value: null });
    expect(await serverPulses(mallory).answer(id, SEVEN)).toEqual({ ok: true, value: null });
    await waitFor(() => !mallory.provider.hasUnsyncedChanges, 'mallory’s answer');
    await settled(mallory, fac);
    expect(Object.keys(answers(fac.doc, id))).toHaveLength(2);

    // Closed: no answer changes any more, not even one's own.
    must(await control(fac).apply({ type: 'close-pulse', pulseId: id }));
    await waitFor(() => getPulse(fac.doc, id)?.status === 'closed', 'pulse closed');
    const key = (await mallory.rpc('pulseKey', { pulseId: id })).key;
    expect(await forge('mallory', (d) => pulseAnswersMap(d).get(id)!.set(key, [7, 7, 7, 7, 7, 7, 7]))).toBe(4403);
    expect(answers(fac.doc, id)[key]).toEqual(SEVEN);
  });

  it('an old app’s own pulse key is refused, and again when it reconnects', async () => {
    const id = await openPulse();
    const old = await join('olga');
    const closes = refusals(old);
    await waitFor(() => getPulse(old.doc, id)?.status === 'open', 'pulse at olga');
    // The old app: a respondent key it makes itself (no key from the server).
    const oldApp = new PulseService(old.doc, new MemoryBallotKeyStore());
    expect((await oldApp.answer(id, SEVEN)).ok).toBe(true);
    await waitFor(() => closes.length >= 2, 'refused on the first connection and after reconnecting', 15_000);
    expect(closes.every((c) => c === 4403)).toBe(true);
    const late = await join('late');
    for (const c of [fac, late]) expect(answers(c.doc, id)).toEqual({});
  });

  it('an old app’s own anonymous ballot key is refused, and again when it reconnects', async () => {
    const id = await newRound(fac, { targets: ['1201', '1202'], budget: 2, cap: 2, k: 1, anonymity: 'anonymous', visibility: 'live' });
    const old = await join('oskar');
    const closes = refusals(old);
    await waitFor(() => getRound(old.doc, id)?.status === 'open', 'round at oskar');
    // The old app: a ballot key it makes itself (its key store does not ask the server).
    const oldApp = new LocalVoteService(old.doc, { actor: { userId: 'oskar' }, ballotKeys: new MemoryBallotKeyStore() });
    expect((await oldApp.cast(id, '1201')).ok).toBe(true);
    await waitFor(() => closes.length >= 2, 'refused on the first connection and after reconnecting', 15_000);
    expect(closes.every((c) => c === 4403)).toBe(true);
    const late = await join('late2');
    for (const c of [fac, late]) expect([...(ballotsMap(c.doc).get(id)?.keys() ?? [])]).toEqual([]);
  });
});
