/**
 * Moving between sync modes keeps the work (carry.ts, carry-shared.ts): a Miro-mode doc's
 * clusters (written afresh), a revealed round with its totals (its ballots stay behind), the
 * plan and the step arrive in a server-mode pair (shared doc + control doc), and back again,
 * with the same tally; only the facilitator moves the facilitator's state, and a bad state is
 * refused whole.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, applyCommand, arrivedClosed, ballotsMap, carryShared, castVote, clustersMap, controlDoc, controlState, createCluster,
  facilitatorOf, getRound, goToStep, importCarried, importSession, linkControlDoc, listClusters, listPlan, membershipMap, publishedMap,
  readCarried, readRound, readWorkshop, revealRound, roundsMap, sharedState, tally,
} from '../../../src/core/session/index.js';
import { anne, fac, notes, round, startedDoc, T0 } from './setup.js';

function miroSession(): { doc: Y.Doc; roundId: string } {
  const doc = startedDoc();
  createCluster(doc, anne, { noteIds: [notes[0]!, notes[1]!], label: 'Travlhed', now: T0 });
  const roundId = round(doc);
  castVote(doc, { roundId, ballotKey: anne.userId, targetId: notes[0]!, now: T0 });
  castVote(doc, { roundId, ballotKey: fac.userId, targetId: notes[2]!, now: T0 });
  revealRound(doc, fac, { roundId, now: T0 + 1 });
  addInitiative(doc, fac, { layer: 'L', text: 'Faste 1:1-samtaler', now: T0 });
  goToStep(doc, fac, { step: 'not-talked-about', now: T0 });
  return { doc, roundId };
}

const view = (doc: Y.Doc, roundId: string) => ({
  clusters: listClusters(doc).map((c) => ({ label: c.label, notes: [...c.notes].sort() })),
  tally: (() => {
    const t = tally(doc, roundId, { now: T0 + 2 });
    return t.visible ? t.rows.map((r) => [r.targetId, r.votes]) : [];
  })(),
  plan: listPlan(doc).map((i) => [i.layer, i.text]),
  step: readWorkshop(doc)?.step,
  facilitator: facilitatorOf(doc),
});

function serverPair(): Y.Doc {
  const shared = new Y.Doc();
  linkControlDoc(shared, new Y.Doc());
  return shared;
}

describe('carrying a session between sync modes', () => {
  it('Miro → server → Miro: clusters, results, plan and step come along; ballots stay behind', () => {
    const { doc, roundId } = miroSession();
    const want = view(doc, roundId);
    expect(want.tally.length).toBeGreaterThan(0);

    const server = serverPair();
    expect(carryShared(doc, server)).toEqual({ clusters: 1, aliases: 0, members: 2 });
    expect(applyCommand(server, fac, { type: 'import-session', state: controlState(doc, T0 + 2) })).toMatchObject({ ok: true, value: { rounds: 1, initiatives: 1 } });
    // No ballot came: the round shows the totals it came with.
    expect(ballotsMap(server).size).toBe(0);
    expect(roundsMap(server).size).toBe(1);
    expect(view(server, roundId)).toEqual(want);

    // And back, into the stale Miro doc the board still holds: the moved copy wins.
    const back = new Y.Doc();
    Y.applyUpdate(back, Y.encodeStateAsUpdate(doc));
    applyCommand(server, fac, { type: 'go-to-step', step: 'p-iglo', now: T0 + 5 });
    Y.applyUpdate(back, sharedState(server));
    expect(importSession(back, fac, { state: controlState(server, T0 + 5) }).ok).toBe(true);
    expect(view(back, roundId)).toEqual({ ...want, step: 'p-iglo' });
  });

  it('the carried state holds the facilitator’s maps and the totals, no ballot, theme or pulse answer', () => {
    const { doc, roundId } = miroSession();
    const carried = readCarried(controlState(doc, T0 + 2))!;
    expect(carried.published.get(roundId)).toEqual({ respondents: 2, counts: { [notes[0]!]: 1, [notes[2]!]: 1 }, publishedAt: T0 + 2 });
    const bytes = Uint8Array.from(atob(controlState(doc, T0 + 2)), (c) => c.charCodeAt(0));
    const tmp = new Y.Doc();
    Y.applyUpdate(tmp, bytes);
    expect([ballotsMap(tmp).size, clustersMap(tmp).size, membershipMap(tmp).size]).toEqual([0, 0, 0]);
  });

  it('an open round arrives closed in a server, with its totals so far; a revealed one keeps its times', () => {
    const doc = startedDoc();
    const open = round(doc);
    castVote(doc, { roundId: open, ballotKey: anne.userId, targetId: notes[1]!, now: T0 });
    const carried = readCarried(controlState(doc, T0 + 3))!;
    const server = serverPair();
    expect(importCarried(server, fac, carried, { closeOpenAt: T0 + 4 }).ok).toBe(true);
    expect(getRound(server, open, T0 + 5)).toMatchObject({ status: 'closed', closedAt: T0 + 4 });
    const t = tally(server, open, { now: T0 + 5 });
    expect(t.visible && t.rows.find((r) => r.targetId === notes[1])?.votes).toBe(1);
    const revealed = { ...readRound(doc, open)!, closedAt: null, revealedAt: T0 + 1 };
    expect(arrivedClosed(revealed, T0 + 9)).toMatchObject({ closedAt: T0 + 1, revealedAt: T0 + 1 });
    // Without totals (the sync server publishes them itself), nothing reaches the published map.
    const quiet = serverPair();
    importCarried(quiet, fac, carried, { closeOpenAt: T0 + 4, withTotals: false });
    expect(publishedMap(quiet).size).toBe(0);
  });

  it('totals no ballots could add up to are skipped', () => {
    const doc = startedDoc();
    const id = round(doc, { budget: 2, cap: 1 });
    // The doc as it is (controlState would count its ballots instead).
    const state = () => btoa(String.fromCharCode(...Y.encodeStateAsUpdate(doc)));
    publishedMap(doc).set(id, { respondents: 1, counts: { [notes[0]!]: 2 }, publishedAt: T0 });
    expect(readCarried(state())?.published.has(id)).toBe(false);
    publishedMap(doc).set(id, { respondents: 1, counts: { [notes[0]!]: 1, [notes[1]!]: 1, [notes[2]!]: 1 }, publishedAt: T0 });
    expect(readCarried(state())?.published.has(id)).toBe(false);
    publishedMap(doc).set(id, { respondents: 2, counts: { [notes[0]!]: 2 }, publishedAt: T0 });
    expect(readCarried(state())?.published.get(id)?.counts).toEqual({ [notes[0]!]: 2 });
  });

  it('everyone’s part is written only where the other doc lacks it: twice is once, newer values stay', () => {
    const { doc } = miroSession();
    const server = serverPair();
    carryShared(doc, server);
    const [clusterId] = [...clustersMap(server).keys()];
    clustersMap(server).get(clusterId!)!.set('label', 'Renamed on the server');
    membershipMap(server).set(notes[1]!, 'c-elsewhere');
    const before = Y.encodeStateVector(server);
    expect(carryShared(doc, server)).toEqual({ clusters: 0, aliases: 0, members: 0 });
    expect(Y.encodeStateVector(server)).toEqual(before);
    expect(listClusters(server)[0]?.label).toBe('Renamed on the server');
    expect(membershipMap(server).get(notes[1]!)).toBe('c-elsewhere');
    // Two panels carrying into their own replicas at once converge on one theme.
    const [a, b] = [serverPair(), serverPair()];
    carryShared(doc, a);
    carryShared(doc, b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listClusters(a)).toEqual(listClusters(b));
    expect(listClusters(a).map((c) => c.label)).toEqual(['Travlhed']);
  });

  it('only the facilitator moves the facilitator’s state; a bad state is refused whole', () => {
    const { doc } = miroSession();
    const fresh = serverPair();
    expect(importSession(fresh, anne, { state: controlState(doc) })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(importSession(fresh, fac, { state: '%%%' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(importSession(fresh, fac, { state: btoa('not yjs') })).toMatchObject({ ok: false, error: 'invalid' });
    expect(roundsMap(fresh).size).toBe(0);
  });
});
