import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  castVote, closeRound, createCluster, dissolveCluster, mergeClusters, markTargetsDeleted, moveNotes, publishedMap,
  rank, restoreTargets, revealRound, tally, type TallyResult, type TallyRow,
} from '../../../src/core/session/index.js';
import { anne, bo, carl, fac, notes, round, startedDoc, T0 } from './setup.js';

const [n1, n2, n3, n4] = notes as [string, string, string, string];
const vote = (doc: Y.Doc, roundId: string, who: { userId: string }, ...targets: string[]) => {
  for (const targetId of targets) {
    const r = castVote(doc, { roundId, ballotKey: who.userId, targetId, now: T0 });
    if (!r.ok) throw new Error(r.message);
  }
};
const shown = (t: TallyResult) => {
  if (!t.visible) throw new Error(`hidden: ${t.reason}`);
  return t;
};
const votesOf = (t: TallyResult) => Object.fromEntries(shown(t).rows.map((r) => [r.targetId, r.votes]));

describe('tally follows the board', () => {
  it('regrouping after voting loses nothing and counts nothing twice', () => {
    const doc = startedDoc();
    const r = round(doc);
    vote(doc, r, anne, n1, n1, n2);
    vote(doc, r, bo, n2, n3);
    const before = shown(tally(doc, r, { now: T0 }));
    expect(before.totalVotes).toBe(5);
    const c = createCluster(doc, carl, { noteIds: [n1, n2] });
    if (!c.ok) throw new Error();
    const cid = c.value.clusterId;
    const after = shown(tally(doc, r, { now: T0 }));
    expect(votesOf(after)).toEqual({ [cid]: 4, [n3]: 1, [n4]: 0 });
    expect(after.rows.find((x) => x.targetId === cid)!.kind).toBe('cluster');
    expect(after.totalVotes).toBe(5);
    moveNotes(doc, carl, { noteIds: [n2], to: null });
    expect(votesOf(tally(doc, r, { now: T0 }))).toEqual({ [cid]: 2, [n2]: 2, [n3]: 1, [n4]: 0 });
  });

  it('votes on a merged cluster follow it; votes on a dissolved cluster leave, its notes keep theirs', () => {
    const doc = startedDoc();
    const a = createCluster(doc, anne, { noteIds: [n1] });
    const b = createCluster(doc, anne, { noteIds: [n2] });
    if (!a.ok || !b.ok) throw new Error();
    const [ca, cb] = [a.value.clusterId, b.value.clusterId];
    const r = round(doc, { targets: [...notes, ca, cb] });
    vote(doc, r, anne, ca, cb, n1);
    mergeClusters(doc, anne, { from: [ca], into: cb });
    expect(votesOf(tally(doc, r, { now: T0 }))).toEqual({ [cb]: 3, [n3]: 0, [n4]: 0 });
    dissolveCluster(doc, anne, { clusterId: cb });
    const t = shown(tally(doc, r, { now: T0 }));
    expect(votesOf(t)).toEqual({ [n1]: 1, [n2]: 0, [n3]: 0, [n4]: 0 });
    expect(t.totalVotes).toBe(1);
  });

  it('a target deleted from the board leaves the tally, and comes back if restored', () => {
    const doc = startedDoc();
    const r = round(doc);
    vote(doc, r, anne, n1, n2);
    vote(doc, r, bo, n1);
    markTargetsDeleted(doc, fac, { ids: [n1], now: T0 });
    const t = shown(tally(doc, r, { now: T0 }));
    expect(votesOf(t)).toEqual({ [n2]: 1, [n3]: 0, [n4]: 0 });
    expect(t.respondents).toBe(1); // bo's only vote was on n1
    restoreTargets(doc, fac, { ids: [n1] });
    expect(votesOf(tally(doc, r, { now: T0 }))[n1]).toBe(2);
  });
});

describe('ranking and ties', () => {
  it('competition ranking: tied items share a rank and say so; ties list in id order', () => {
    const row = (targetId: string, votes: number): TallyRow => ({ targetId, kind: 'note', votes, rank: 0, tied: false });
    expect(rank([row('b', 3), row('d', 1), row('a', 3), row('c', 0), row('e', 1)]).map((r) => [r.targetId, r.rank, r.tied])).toEqual([
      ['a', 1, true], ['b', 1, true], ['d', 3, true], ['e', 3, true], ['c', 5, false],
    ]);
  });

  it('a tally over the doc ranks the same way', () => {
    const doc = startedDoc();
    const r = round(doc);
    vote(doc, r, anne, n2, n3);
    vote(doc, r, bo, n3, n2, n1);
    const t = shown(tally(doc, r, { now: T0 }));
    expect(t.tiePolicy).toBe('competition');
    expect(t.rows.map((x) => [x.targetId, x.votes, x.rank, x.tied])).toEqual([
      [n2, 2, 1, true], [n3, 2, 1, true], [n1, 1, 3, false], [n4, 0, 4, false],
    ]);
  });
});

describe('what is shown, and when', () => {
  it('nothing while fewer than k participants have voted', () => {
    const doc = startedDoc();
    const r = round(doc, { k: 3 });
    vote(doc, r, anne, n1);
    vote(doc, r, bo, n1);
    expect(tally(doc, r, { now: T0 })).toEqual({ visible: false, roundId: r, reason: 'below-k', respondents: 2, k: 3 });
    vote(doc, r, carl, n2);
    expect(shown(tally(doc, r, { now: T0 })).respondents).toBe(3);
  });

  it('a hidden round shows nothing before reveal, to anyone, but says how many have voted', () => {
    const doc = startedDoc();
    const r = round(doc, { visibility: 'hidden' });
    vote(doc, r, anne, n1);
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: false, reason: 'hidden-until-reveal', respondents: 1 });
    closeRound(doc, fac, { roundId: r, now: T0 });
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: false, reason: 'hidden-until-reveal' });
    revealRound(doc, fac, { roundId: r, now: T0 });
    expect(votesOf(tally(doc, r, { now: T0 }))[n1]).toBe(1);
  });

  it('reveal does not override k', () => {
    const doc = startedDoc();
    const r = round(doc, { visibility: 'hidden', k: 2 });
    vote(doc, r, anne, n1);
    revealRound(doc, fac, { roundId: r, now: T0 });
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: false, reason: 'below-k' });
  });

  it('drafts and unknown rounds show nothing', () => {
    const doc = startedDoc();
    expect(tally(doc, round(doc, {}, false), { now: T0 })).toMatchObject({ visible: false, reason: 'not-open' });
    expect(tally(doc, 'nope', { now: T0 })).toMatchObject({ visible: false, reason: 'no-round' });
  });

  it('a sealed round shows the totals the server published, resolved against the board now', () => {
    const doc = startedDoc();
    const r = round(doc, { anonymity: 'sealed', k: 2 });
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: false, reason: 'not-published' });
    doc.transact(() => publishedMap(doc).set(r, { respondents: 2, counts: { [n1]: 2, [n2]: 1 }, publishedAt: T0 }));
    expect(votesOf(tally(doc, r, { now: T0 }))).toEqual({ [n1]: 2, [n2]: 1, [n3]: 0, [n4]: 0 });
    const c = createCluster(doc, anne, { noteIds: [n1, n2] });
    if (!c.ok) throw new Error();
    expect(votesOf(tally(doc, r, { now: T0 }))).toEqual({ [c.value.clusterId]: 3, [n3]: 0, [n4]: 0 });
  });
});
