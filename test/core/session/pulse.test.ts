/**
 * The pulse in the doc (no server): the facilitator's commands, answers from five replicas,
 * results only once revealed and from k answers, the change from an earlier pulse, and
 * anonymity: no respondent's id or name in the encoded doc in any encoding, answers written by
 * throwaway Yjs clients used for nothing else, a fresh key and client per pulse.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyCommand, MemoryBallotKeyStore, type FacilitatorCommand, pulseAnswersMap, PulseService, pulsesMap, previousShown, pulseResult, readCommand, startSession,
} from '../../../src/core/session/index.js';
import { findSecrets } from '../../support/byte-search.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { pulsePeople } from '../../support/pulse-people.js';
import { fac, T0 } from './setup.js';

const people = pulsePeople.map((p) => ({ ...p, userId: p.id }));

function board() {
  const net = new LinkedDocs(people.length + 1);
  const [facDoc, ...docs] = net.docs as [Y.Doc, ...Y.Doc[]];
  startSession(facDoc, fac, { now: T0 });
  const keys = people.map(() => new MemoryBallotKeyStore());
  const services = docs.map((d, i) => new PulseService(d, keys[i]!));
  const run = <C extends FacilitatorCommand>(cmd: C) => {
    const r = applyCommand(facDoc, fac, cmd);
    net.flush();
    return r;
  };
  return { net, facDoc, docs, keys, services, run };
}

let clock = T0;
async function pulse(b: ReturnType<typeof board>, answersOf = (i: number) => people[i]!.answers) {
  const c = b.run({ type: 'create-pulse', pulse: { anonymity: 'anonymous', label: 'Før', now: (clock += 1000) } });
  if (!c.ok) throw new Error(c.error.code);
  const id = c.value.pulseId;
  expect(b.run({ type: 'open-pulse', pulseId: id, now: T0 + 1 }).ok).toBe(true);
  for (const [i, s] of b.services.entries()) expect((await s.answer(id, answersOf(i))).ok).toBe(true);
  b.net.flush();
  return id;
}

describe('the pulse in the doc', () => {
  it('shows nothing until revealed, then aggregates only; answers are refused once closed', async () => {
    const b = board();
    const id = await pulse(b);
    const before = pulseResult(b.docs[0]!, id);
    expect(before).toMatchObject({ visible: false, reason: 'not-revealed', respondents: 5 });
    expect(b.run({ type: 'close-pulse', pulseId: id, now: T0 + 2 }).ok).toBe(true);
    expect(await b.services[0]!.answer(id, [7, 7, 7, 7, 7, 7, 7])).toMatchObject({ ok: false, error: 'not-open' });
    expect(b.run({ type: 'reveal-pulse', pulseId: id, now: T0 + 3 }).ok).toBe(true);
    const r = pulseResult(b.docs[4]!, id);
    if (!r.visible) throw new Error(r.reason);
    expect(r.aggregate.respondents).toBe(5);
    // Item 1 is reverse-scored: answers 2, 3, 1, 4, 2 score 6, 5, 7, 4, 6.
    expect(r.aggregate.items[0]!.mean).toBeCloseTo(28 / 5);
    expect(r.aggregate.items[0]!.distribution).toEqual([0, 0, 0, 1, 1, 2, 1]);
    expect(await b.services[1]!.mine(id)).toEqual(people[1]!.answers);
    b.net.destroy();
  });

  it('below k (default 5) nothing is shown, even when revealed', async () => {
    const b = board();
    const id = await pulse(b);
    pulseAnswersMap(b.facDoc).get(id)!.delete([...pulseAnswersMap(b.facDoc).get(id)!.keys()][0]!);
    b.run({ type: 'reveal-pulse', pulseId: id });
    expect(pulseResult(b.docs[0]!, id)).toMatchObject({ visible: false, reason: 'below-k', respondents: 4, k: 5 });
    expect(applyCommand(b.facDoc, fac, { type: 'create-pulse', pulse: { anonymity: 'anonymous', k: 2 } })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    b.net.destroy();
  });

  it('only the facilitator runs a pulse, through the checked command shape', () => {
    const b = board();
    expect(applyCommand(b.docs[0]!, { userId: people[0]!.userId }, { type: 'create-pulse', pulse: { anonymity: 'anonymous' } })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    expect(readCommand({ type: 'create-pulse', pulse: { anonymity: 'anonymous', k: 5, extra: 1 } }, T0)).toBeNull();
    expect(readCommand({ type: 'create-pulse', pulse: { anonymity: 'named' } }, T0)).toBeNull();
    expect(readCommand({ type: 'reveal-pulse', pulseId: 'p1', now: 1 }, T0)).toEqual({ type: 'reveal-pulse', pulseId: 'p1', now: T0 });
    b.net.destroy();
  });

  it('a second pulse shows the change per item from the first', async () => {
    const b = board();
    const first = await pulse(b);
    b.run({ type: 'reveal-pulse', pulseId: first });
    const second = await pulse(b, () => [1, 7, 1, 7, 1, 7, 7]);
    expect(previousShown(b.facDoc, first)).toBeNull();
    b.run({ type: 'reveal-pulse', pulseId: second });
    const prev = previousShown(b.facDoc, second);
    expect(prev?.pulse.id).toBe(first);
    expect(prev?.aggregate.respondents).toBe(5);
    b.net.destroy();
  });

  it('the encoded doc holds no respondent’s id or name in any encoding; answers come from throwaway clients', async () => {
    const b = board();
    const first = await pulse(b);
    const second = await pulse(b);
    const secrets = people.flatMap((p) => [p.userId, p.name]);
    for (const update of [Y.encodeStateAsUpdate(b.facDoc), Y.encodeStateAsUpdateV2(b.facDoc)]) expect(findSecrets(update, secrets)).toEqual([]);
    const loaded = new Y.Doc();
    Y.applyUpdate(loaded, Y.encodeStateAsUpdate(b.facDoc));
    const answerMaps = [first, second].map((id) => pulseAnswersMap(loaded).get(id)!);
    const clientsOf = new Map<number, Set<unknown>>();
    for (const [client, structs] of loaded.store.clients) {
      for (const s of structs) if (s instanceof Y.Item) (clientsOf.get(client) ?? clientsOf.set(client, new Set()).get(client)!).add(s.parent);
    }
    const answerClients = [...clientsOf].filter(([, parents]) => answerMaps.some((m) => parents.has(m)));
    // One client per person and pulse, each writing one pulse's answers and nothing else.
    expect(answerClients).toHaveLength(2 * people.length);
    for (const [client, parents] of answerClients) {
      expect(parents.size).toBe(1);
      expect(b.net.docs.some((d) => d.clientID === client)).toBe(false);
    }
    // Keys are random and per pulse.
    for (const k of b.keys) {
      expect(k.get(first)).not.toBe(k.get(second));
      for (const p of people) expect(k.get(first)).not.toContain(p.userId);
    }
    expect(pulsesMap(loaded).size).toBe(2);
    b.net.destroy();
  });

  it('a bad value in the pulse maps is skipped, never thrown', async () => {
    const b = board();
    const id = await pulse(b);
    b.facDoc.transact(() => {
      pulseAnswersMap(b.facDoc).get(id)!.set('junk', [9, 9]);
      pulseAnswersMap(b.facDoc).get(id)!.set('also', 'x' as never);
      pulsesMap(b.facDoc).set('pbad', new Y.Map() as never);
    });
    b.run({ type: 'reveal-pulse', pulseId: id });
    const r = pulseResult(b.docs[0]!, id);
    expect(r.visible && r.aggregate.respondents).toBe(5);
    b.net.destroy();
  });
});
