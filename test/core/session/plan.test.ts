import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, castVote, createCluster, draftFromTopPriorities, LIMITS, listPlan, readCommand, recordDecision, removeInitiative, revealRound, updateInitiative,
} from '../../../src/core/session/index.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { anne, bo, carl, fac, notes, round, startedDoc, T0 } from './setup.js';

const [n1, n2, n3, n4] = notes as [string, string, string, string];

describe('plan', () => {
  it('adds, updates and removes initiatives, listed by layer P, O, L, G, I', () => {
    const doc = startedDoc();
    const g = addInitiative(doc, fac, { layer: 'G', text: 'Fast tjek-ind på mandagsmødet', now: T0 });
    const p = addInitiative(doc, fac, { layer: 'P', text: 'Sig fra i tide', owner: 'Anne', when: 'Q1', preparedness: true, now: T0 + 1 });
    if (!g.ok || !p.ok) throw new Error();
    expect(listPlan(doc).map((i) => [i.layer, i.text, i.owner, i.when, i.preparedness, i.draft])).toEqual([
      ['P', 'Sig fra i tide', 'Anne', 'Q1', true, false],
      ['G', 'Fast tjek-ind på mandagsmødet', '', '', false, false],
    ]);
    expect(updateInitiative(doc, fac, { id: g.value.initiativeId, patch: { layer: 'O', owner: 'Bo' } }).ok).toBe(true);
    expect(listPlan(doc)[1]).toMatchObject({ layer: 'O', owner: 'Bo', text: 'Fast tjek-ind på mandagsmødet' });
    expect(removeInitiative(doc, fac, { id: p.value.initiativeId }).ok).toBe(true);
    expect(listPlan(doc)).toHaveLength(1);
    expect(removeInitiative(doc, fac, { id: p.value.initiativeId })).toMatchObject({ ok: false, error: 'no-initiative' });
  });

  it('refuses texts longer than every reader takes, and keeps what was there', () => {
    const doc = startedDoc();
    const i = addInitiative(doc, fac, { layer: 'G', text: 'x'.repeat(LIMITS.planText), now: T0 });
    if (!i.ok) throw new Error(i.message);
    expect(addInitiative(doc, fac, { layer: 'G', text: 'x'.repeat(LIMITS.planText + 1) })).toMatchObject({ ok: false, error: 'too-long' });
    expect(updateInitiative(doc, fac, { id: i.value.initiativeId, patch: { owner: 'y'.repeat(LIMITS.planField + 1) } })).toMatchObject({ ok: false, error: 'too-long' });
    expect(listPlan(doc).map((p) => [p.text.length, p.owner])).toEqual([[LIMITS.planText, '']]);
  });

  it('refuses participants and layers that do not exist', () => {
    const doc = startedDoc();
    expect(addInitiative(doc, anne, { layer: 'G', text: 'x' })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(addInitiative(doc, fac, { layer: 'X' as never, text: 'x' })).toMatchObject({ ok: false, error: 'invalid' });
    const i = addInitiative(doc, fac, { layer: 'G', text: 'x' });
    if (!i.ok) throw new Error();
    expect(updateInitiative(doc, anne, { id: i.value.initiativeId, patch: { text: 'y' } })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(removeInitiative(doc, anne, { id: i.value.initiativeId })).toMatchObject({ ok: false, error: 'not-facilitator' });
  });

  it('concurrent edits of different fields both stay', () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(startedDoc()));
    const i = addInitiative(a, fac, { layer: 'L', text: 'Sparring' });
    if (!i.ok) throw new Error();
    net.flush();
    updateInitiative(a, fac, { id: i.value.initiativeId, patch: { owner: 'Carl' } });
    updateInitiative(b, fac, { id: i.value.initiativeId, patch: { when: 'Marts' } });
    net.flush();
    expect(listPlan(b)[0]).toMatchObject({ owner: 'Carl', when: 'Marts' });
  });
});

describe('draft initiatives from the top priorities', () => {
  function votedRound(doc: Y.Doc) {
    const c = createCluster(doc, anne, { noteIds: [n3, n4], label: 'Arbejdspres' });
    if (!c.ok) throw new Error();
    const r = round(doc, { visibility: 'hidden' });
    const v = (who: { userId: string }, t: string) => castVote(doc, { roundId: r, ballotKey: who.userId, targetId: t, now: T0 });
    v(anne, n1); v(anne, n3); v(bo, n3); v(bo, n2); v(carl, n1); v(carl, n4);
    return { r, cluster: c.value.clusterId };
  }

  it('only once the tally is shown', () => {
    const doc = startedDoc();
    const { r } = votedRound(doc);
    expect(draftFromTopPriorities(doc, fac, { roundId: r })).toMatchObject({ ok: false, error: 'no-tally' });
    expect(draftFromTopPriorities(doc, anne, { roundId: r })).toMatchObject({ ok: false, error: 'not-facilitator' });
  });

  it('turns the top-ranked rows (ties at the boundary included) into drafts, once', () => {
    const doc = startedDoc();
    const { r, cluster } = votedRound(doc);
    revealRound(doc, fac, { roundId: r, now: T0 });
    // cluster 3 (rank 1), n1 2 (rank 2), n2 1 (rank 3): top 2.
    const res = draftFromTopPriorities(doc, fac, { roundId: r, count: 2, layer: 'G', texts: { [n1]: 'Vi taler ikke om fejl' }, now: T0 });
    expect(res).toEqual({ ok: true, value: { created: [`${r}:${cluster}`, `${r}:${n1}`], existing: [] } });
    // The voted item is the problem; the initiative is left for the team to write.
    expect(listPlan(doc).map((i) => [i.problem, i.text, i.layer, i.draft, i.sourceRound, i.sourceTarget, i.sourceRank, i.status])).toEqual([
      ['Arbejdspres', '', 'G', true, r, cluster, 1, 'not-started'],
      ['Vi taler ikke om fejl', '', 'G', true, r, n1, 2, 'not-started'],
    ]);
    expect(draftFromTopPriorities(doc, fac, { roundId: r, count: 2 })).toMatchObject({ ok: true, value: { created: [], existing: [`${r}:${cluster}`, `${r}:${n1}`] } });
  });

  it('keeps an action plan: responsible, dates, follow-up, success criterion and status; refuses what the readers would skip', () => {
    const doc = startedDoc();
    const add = addInitiative(doc, fac, { layer: 'O', text: 'Fast sparring', problem: 'Vi står alene', owner: 'Fie', deadline: '2027-03-01', now: T0 });
    if (!add.ok) throw new Error(add.message);
    const id = add.value.initiativeId;
    expect(updateInitiative(doc, fac, { id, patch: { followUpDate: '2027-06-01', followUpMethod: 'Pulsmåling', successCriterion: 'Alle har haft sparring', status: 'under-way' } }).ok).toBe(true);
    expect(listPlan(doc)[0]).toMatchObject({ problem: 'Vi står alene', text: 'Fast sparring', owner: 'Fie', deadline: '2027-03-01', followUpDate: '2027-06-01', followUpMethod: 'Pulsmåling', successCriterion: 'Alle har haft sparring', status: 'under-way' });
    for (const patch of [{ deadline: '2027-02-30' }, { deadline: 'i morgen' }, { followUpDate: '1/3' }, { status: 'maybe' }] as const) {
      expect(updateInitiative(doc, fac, { id, patch: patch as never })).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(listPlan(doc)[0]!.deadline).toBe('2027-03-01');
    expect(updateInitiative(doc, anne, { id, patch: { status: 'done' } })).toMatchObject({ ok: false, error: 'not-facilitator' });
  });

  it('tied rows at the boundary all come along', () => {
    const doc = startedDoc();
    const r = round(doc);
    for (const t of [n1, n2]) castVote(doc, { roundId: r, ballotKey: anne.userId, targetId: t, now: T0 });
    const res = draftFromTopPriorities(doc, fac, { roundId: r, count: 1, now: T0 });
    expect(res.ok && res.value.created).toEqual([`${r}:${n1}`, `${r}:${n2}`]);
  });

  it('two facilitator devices drafting at once make one draft per priority', () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(startedDoc()));
    const r = round(a);
    castVote(a, { roundId: r, ballotKey: anne.userId, targetId: n1, now: T0 });
    net.flush();
    draftFromTopPriorities(a, fac, { roundId: r, now: T0 });
    draftFromTopPriorities(b, fac, { roundId: r, now: T0 });
    net.flush();
    expect(listPlan(a)).toHaveLength(1);
    expect(net.converged()).toBe(true);
  });
});

describe('a decision about an item discussed (the Discuss step)', () => {
  function shownRound(doc: Y.Doc) {
    const c = createCluster(doc, anne, { noteIds: [n3, n4], label: 'Arbejdspres' });
    if (!c.ok) throw new Error();
    const r = round(doc, { visibility: 'hidden' });
    const v = (who: { userId: string }, t: string) => castVote(doc, { roundId: r, ballotKey: who.userId, targetId: t, now: T0 });
    v(anne, n1); v(anne, n3); v(bo, n3); v(bo, n2);
    return { r, cluster: c.value.clusterId };
  }

  it('becomes a draft initiative: the item is its problem, the decision its initiative, with the round and rank', () => {
    const doc = startedDoc();
    const { r, cluster } = shownRound(doc);
    const input = { roundId: r, targetId: cluster, decision: 'Fast tjek-ind hver mandag', problem: 'Arbejdspres', layer: 'L' as const, now: T0 };
    expect(recordDecision(doc, fac, input)).toMatchObject({ ok: false, error: 'no-tally' });
    revealRound(doc, fac, { roundId: r, now: T0 });
    expect(recordDecision(doc, anne, input)).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(recordDecision(doc, fac, { ...input, decision: '  ' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(recordDecision(doc, fac, { ...input, targetId: '3458764599999999999' })).toMatchObject({ ok: false, error: 'invalid' });
    expect(recordDecision(doc, fac, { ...input, decision: 'x'.repeat(LIMITS.planText + 1) })).toMatchObject({ ok: false, error: 'too-long' });
    expect(listPlan(doc)).toEqual([]);
    expect(recordDecision(doc, fac, input)).toEqual({ ok: true, value: { initiativeId: `${r}:${cluster}`, created: true } });
    expect(listPlan(doc).map((i) => [i.problem, i.text, i.layer, i.draft, i.sourceRound, i.sourceTarget, i.sourceRank])).toEqual([
      ['Arbejdspres', 'Fast tjek-ind hver mandag', 'L', true, r, cluster, 1],
    ]);
    // Deciding again changes the decision; it adds no second initiative.
    expect(recordDecision(doc, fac, { ...input, decision: 'Tjek-ind mandag og torsdag' })).toEqual({ ok: true, value: { initiativeId: `${r}:${cluster}`, created: false } });
    expect(listPlan(doc).map((i) => i.text)).toEqual(['Tjek-ind mandag og torsdag']);
  });

  it('writes into a draft made from the top priorities, keeping its problem', () => {
    const doc = startedDoc();
    const { r } = shownRound(doc);
    revealRound(doc, fac, { roundId: r, now: T0 });
    draftFromTopPriorities(doc, fac, { roundId: r, count: 3, texts: { [n1]: 'Vi taler ikke om fejl' }, now: T0 });
    const before = listPlan(doc).length;
    expect(recordDecision(doc, fac, { roundId: r, targetId: n1, decision: 'Fejl på dagsordenen', problem: 'other words', now: T0 }).ok).toBe(true);
    expect(listPlan(doc)).toHaveLength(before);
    expect(listPlan(doc).find((i) => i.sourceTarget === n1)).toMatchObject({ problem: 'Vi taler ikke om fejl', text: 'Fejl på dagsordenen', draft: true });
  });

  it('arrives from the wire checked, with the reader’s clock', () => {
    const cmd = { type: 'decide', roundId: 'r1', targetId: 'n1', decision: 'd', problem: 'p', layer: 'G', now: 1 };
    expect(readCommand(cmd, T0)).toEqual({ ...cmd, now: T0 });
    expect(readCommand({ ...cmd, layer: 'X' }, T0)).toBeNull();
    expect(readCommand({ ...cmd, decision: 7 }, T0)).toBeNull();
    expect(readCommand({ ...cmd, extra: 1 }, T0)).toBeNull();
  });
});
