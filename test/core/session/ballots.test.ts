import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  ballotsMap, castVote, closeRound, createCluster, effectiveBallot, getRound, markTargetsDeleted, moveNotes, myVotesIn, tally,
  withdrawVote,
} from '../../../src/core/session/index.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { anne, bo, fac, notes, round, startedDoc, T0 } from './setup.js';

const [n1, n2, n3] = notes as [string, string, string];
const cast = (doc: Y.Doc, roundId: string, targetId: string, ballotKey = anne.userId, now = T0) =>
  castVote(doc, { roundId, ballotKey, targetId, now });
const slots = (doc: Y.Doc, roundId: string) => ballotsMap(doc).get(roundId)!.toJSON();

describe('casting and withdrawing', () => {
  it('fills the lowest free slot and reports the ballot', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 3, cap: 2 });
    const res = cast(doc, r, n2);
    expect(res).toMatchObject({ ok: true, votes: { used: 1, remaining: 2, perTarget: { [n2]: 1 }, ignored: 0 } });
    cast(doc, r, n1);
    // Slots hold the target's index in the round's target list.
    expect(slots(doc, r)).toEqual({ [`${anne.userId}.0`]: 1, [`${anne.userId}.1`]: 0 });
  });

  it('refuses past the budget and past the cap', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 3, cap: 2 });
    expect(cast(doc, r, n1).ok).toBe(true);
    expect(cast(doc, r, n1).ok).toBe(true);
    expect(cast(doc, r, n1)).toMatchObject({ ok: false, error: 'cap-reached' });
    expect(cast(doc, r, n2).ok).toBe(true);
    expect(cast(doc, r, n3)).toMatchObject({ ok: false, error: 'budget-exhausted' });
    expect(Object.keys(slots(doc, r))).toHaveLength(3);
  });

  it('withdraws the highest slot on that target, and the slot is free again', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 3 });
    cast(doc, r, n1);
    cast(doc, r, n2);
    cast(doc, r, n1);
    expect(withdrawVote(doc, { roundId: r, ballotKey: anne.userId, targetId: n1, now: T0 })).toMatchObject({ ok: true, votes: { used: 2 } });
    expect(Object.keys(slots(doc, r)).sort()).toEqual([`${anne.userId}.0`, `${anne.userId}.1`]);
    expect(withdrawVote(doc, { roundId: r, ballotKey: anne.userId, targetId: n3, now: T0 })).toMatchObject({ ok: false, error: 'no-vote' });
    expect(cast(doc, r, n3).ok).toBe(true);
  });

  it('refuses what is not a target, what is deleted, and rounds that are not open', () => {
    const doc = startedDoc();
    const r = round(doc, { targets: [n1, n2] });
    expect(cast(doc, r, n3)).toMatchObject({ ok: false, error: 'not-a-target' });
    markTargetsDeleted(doc, anne, { ids: [n2], now: T0 });
    expect(cast(doc, r, n2)).toMatchObject({ ok: false, error: 'target-deleted' });
    expect(cast(doc, 'r-none', n1)).toMatchObject({ ok: false, error: 'no-round' });
    const draft = round(doc, {}, false);
    expect(cast(doc, draft, n1)).toMatchObject({ ok: false, error: 'not-open' });
    closeRound(doc, fac, { roundId: r, now: T0 });
    expect(cast(doc, r, n1)).toMatchObject({ ok: false, error: 'not-open' });
    const sealed = round(doc, { anonymity: 'sealed' });
    expect(cast(doc, sealed, n1)).toMatchObject({ ok: false, error: 'wrong-mode' });
  });

  it('a cluster made from target notes after the round started can be voted on', () => {
    const doc = startedDoc();
    const r = round(doc, { targets: [n1, n2] });
    const inside = createCluster(doc, anne, { noteIds: [n1] });
    const outside = createCluster(doc, anne, { noteIds: [n3] });
    if (!inside.ok || !outside.ok) throw new Error();
    expect(cast(doc, r, inside.value.clusterId).ok).toBe(true);
    expect(cast(doc, r, outside.value.clusterId)).toMatchObject({ ok: false, error: 'not-a-target' });
    expect(slots(doc, r)).toEqual({ [`${anne.userId}.0`]: inside.value.clusterId });
  });

  it('refuses after the time limit', () => {
    const doc = startedDoc();
    const r = round(doc, { timeLimitMs: 60_000 });
    expect(getRound(doc, r, T0)!.endsAt).toBe(T0 + 60_000);
    expect(cast(doc, r, n1, anne.userId, T0 + 59_999).ok).toBe(true);
    expect(cast(doc, r, n1, anne.userId, T0 + 60_000)).toMatchObject({ ok: false, error: 'time-up' });
    expect(getRound(doc, r, T0 + 60_000)!.status).toBe('closed');
  });

  it('a cast is one transaction', () => {
    const doc = startedDoc();
    const r = round(doc);
    let n = 0;
    doc.on('afterTransaction', () => n++);
    cast(doc, r, n1);
    withdrawVote(doc, { roundId: r, ballotKey: anne.userId, targetId: n1, now: T0 });
    expect(n).toBe(2);
  });
});

describe('the cap counts what the tally counts: a note and the cluster holding it are one item', () => {
  it('refuses a vote on a cluster when its note already has the cap from this ballot, and the other way round', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 5, cap: 2 });
    const c = createCluster(doc, anne, { noteIds: [n1, n2] });
    if (!c.ok) throw new Error(c.message);
    expect(cast(doc, r, n1).ok).toBe(true);
    expect(cast(doc, r, n2).ok).toBe(true);
    expect(cast(doc, r, c.value.clusterId)).toMatchObject({ ok: false, error: 'cap-reached' });
    expect(cast(doc, r, n1)).toMatchObject({ ok: false, error: 'cap-reached' });
    expect(cast(doc, r, n3).ok).toBe(true); // another item still takes votes
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: true, totalVotes: 3 });
  });

  it('after regrouping, one ballot counts at most the cap on the new cluster; the slots over it are free, and count again when ungrouped', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 5, cap: 2 });
    for (const t of [n1, n1, n2, n2]) expect(cast(doc, r, t).ok).toBe(true);
    const c = createCluster(doc, bo, { noteIds: [n1, n2] });
    if (!c.ok) throw new Error(c.message);
    const t = tally(doc, r, { now: T0 });
    if (!t.visible) throw new Error(t.reason);
    expect(t.rows.find((x) => x.targetId === c.value.clusterId)?.votes).toBe(2);
    expect(t.totalVotes).toBe(2);
    expect(myVotesIn(doc, getRound(doc, r, T0)!, anne.userId)).toMatchObject({ used: 2, remaining: 3, ignored: 2 });
    moveNotes(doc, bo, { noteIds: [n2], to: null });
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: true, totalVotes: 4 });
  });
});

describe('two devices of one person at the same moment', () => {
  it('both write the same free slot: one vote stays, the ballot never grows past the budget', () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    const r = round(startedOn(a), { budget: 1 });
    net.flush();
    expect(cast(a, r, n1).ok).toBe(true);
    expect(cast(b, r, n2).ok).toBe(true);
    net.flush();
    expect(net.converged()).toBe(true);
    const mine = myVotesIn(a, getRound(a, r, T0)!, anne.userId);
    expect(mine.used).toBe(1);
    expect(Object.keys(slots(a, r))).toEqual([`${anne.userId}.0`]);
  });

  it('different views push one target past its cap: the later slot is ignored, and freed for the next cast', () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    const r = round(startedOn(a), { budget: 3, cap: 1 });
    net.flush();
    cast(a, r, n2); // slot 0 = n2, seen by both
    net.flush();
    withdrawVote(a, { roundId: r, ballotKey: anne.userId, targetId: n2, now: T0 });
    expect(cast(a, r, n1).ok).toBe(true); // a: slot 0 = n1
    expect(cast(b, r, n1).ok).toBe(true); // b still sees slot 0 = n2: slot 1 = n1
    net.flush();
    const view = getRound(a, r, T0)!;
    expect(slots(a, r)).toEqual({ [`${anne.userId}.0`]: 0, [`${anne.userId}.1`]: 0 });
    expect(effectiveBallot([n1, n1, undefined], 1, (t) => t)).toEqual({ counted: new Map([[0, n1]]), ignored: [1], empty: [2] });
    expect(myVotesIn(b, view, anne.userId)).toMatchObject({ used: 1, ignored: 1, remaining: 2, perTarget: { [n1]: 1 } });
    expect(cast(b, r, n3).ok).toBe(true); // the lowest free slot is the ignored one
    expect(slots(b, r)[`${anne.userId}.1`]).toBe(2);
  });
});

function startedOn(doc: Y.Doc): Y.Doc {
  const fresh = startedDoc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(fresh));
  return doc;
}

describe('ballot keys of different people never mix', () => {
  it('each ballot has its own slots', () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 1 });
    expect(cast(doc, r, n1, anne.userId).ok).toBe(true);
    expect(cast(doc, r, n1, bo.userId).ok).toBe(true);
    expect(cast(doc, r, n2, '')).toMatchObject({ ok: false, error: 'not-signed-in' });
    expect(cast(doc, r, n2, 'key.with.dots').ok).toBe(true);
    expect(cast(doc, r, n3, 'key.with.dots')).toMatchObject({ ok: false, error: 'budget-exhausted' });
  });
});
