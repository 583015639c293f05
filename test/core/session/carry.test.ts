/**
 * Moving between sync modes keeps the work (carry.ts): a Miro-mode doc's clusters, a revealed
 * round with its ballots, the plan and the step arrive in a server-mode pair (shared doc +
 * control doc), and back again, with the same tally; only the facilitator moves the
 * facilitator's state, and a bad state is refused whole.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, applyCommand, castVote, controlDoc, controlState, createCluster, facilitatorOf, goToStep, importSession,
  linkControlDoc, listClusters, listPlan, readWorkshop, revealRound, roundsMap, sharedState, tally,
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
  it('Miro → server → Miro: clusters, results, plan and step come along', () => {
    const { doc, roundId } = miroSession();
    const want = view(doc, roundId);
    expect(want.tally.length).toBeGreaterThan(0);

    const server = serverPair();
    Y.applyUpdate(server, sharedState(doc));
    // The shared doc carries none of the facilitator's maps.
    expect(roundsMap(server).size).toBe(0);
    expect(Y.encodeStateAsUpdate(server).byteLength).toBeLessThan(Y.encodeStateAsUpdate(doc).byteLength);
    expect(applyCommand(server, fac, { type: 'import-session', state: controlState(controlDoc(doc)) })).toMatchObject({ ok: true, value: { rounds: 1, initiatives: 1 } });
    expect(view(server, roundId)).toEqual(want);

    // And back, into the stale Miro doc the board still holds: the moved copy wins.
    const back = new Y.Doc();
    Y.applyUpdate(back, Y.encodeStateAsUpdate(doc));
    applyCommand(server, fac, { type: 'go-to-step', step: 'p-iglo', now: T0 + 5 });
    Y.applyUpdate(back, sharedState(server));
    expect(importSession(back, fac, { state: controlState(controlDoc(server)) }).ok).toBe(true);
    expect(view(back, roundId)).toEqual({ ...want, step: 'p-iglo' });
  });

  it('applying everyone’s part twice changes nothing', () => {
    const { doc, roundId } = miroSession();
    const server = serverPair();
    Y.applyUpdate(server, sharedState(doc));
    Y.applyUpdate(server, sharedState(doc));
    importSession(server, fac, { state: controlState(doc) });
    expect(view(server, roundId)).toEqual(view(doc, roundId));
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
