/**
 * Casting and withdrawing through the vote action (refusals carry the round's budget and cap
 * for the words), showing a round's result on the board through the show-results action,
 * and a cluster's colour and taking notes out, all against the stand-in board.
 */
import { describe, expect, it } from 'vitest';
import { perform as createRound } from '../../src/actions/create-round.js';
import { perform as openRound } from '../../src/actions/open-round.js';
import { perform as recolour } from '../../src/actions/recolour.js';
import { perform as showResults } from '../../src/actions/show-results.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { perform as takeOut } from '../../src/actions/take-out.js';
import { perform as vote } from '../../src/actions/vote.js';
import { contentText } from '../../src/board/session-board.js';
import { clusterOf, createCluster, listClusters } from '../../src/core/session/index.js';
import { failureText } from '../../src/ui/session/failure-text.js';
import { ANNE, stickies, workshop } from './harness.js';

async function openVote(options: { budget?: number; cap?: number; visibility?: 'live' | 'hidden' } = {}) {
  const w = workshop();
  const notes = stickies(w.standIn, ['Travlhed', 'Konflikter', 'Tid']);
  await startSession(w.fac.ctx);
  const made = await createRound(w.fac.ctx, {
    round: { question: 'Hvad fylder mest?', scope: { kind: 'selection' }, visibility: options.visibility ?? 'live', k: 1, budget: options.budget ?? 2, cap: options.cap ?? 1 },
    targets: notes,
  });
  if (!made.ok) throw new Error(made.error.code);
  await openRound(w.fac.ctx, { roundId: made.value.roundId });
  return { ...w, notes, roundId: made.value.roundId };
}

describe('vote (action)', () => {
  it('casts and withdraws; a refusal carries the budget and cap its words need', async () => {
    const { anne, notes, roundId } = await openVote({ budget: 2, cap: 1 });
    const cast = (t: string) => vote(anne.ctx, { roundId, targetId: t, action: 'cast' });
    expect(await cast(notes[0]!)).toMatchObject({ ok: true, value: { used: 1, remaining: 1 } });
    expect(await cast(notes[0]!)).toEqual({ ok: false, error: { code: 'cap-reached', params: { budget: 2, cap: 1 } } });
    expect(await cast(notes[1]!)).toMatchObject({ ok: true, value: { used: 2, remaining: 0 } });
    const over = await cast(notes[2]!);
    expect(over).toEqual({ ok: false, error: { code: 'budget-exhausted', params: { budget: 2, cap: 1 } } });
    if (!over.ok) expect(failureText('en', over.error)).toBe('You have used all 2 votes. Take one back to move it.');
    expect(await vote(anne.ctx, { roundId, targetId: notes[0]!, action: 'withdraw' })).toMatchObject({ ok: true, value: { used: 1, remaining: 1 } });
    expect(await vote(anne.ctx, { roundId, targetId: notes[0]!, action: 'withdraw' })).toMatchObject({ ok: false, error: { code: 'no-vote' } });
    expect(await vote(anne.ctx, { roundId: 'nope', targetId: notes[0]!, action: 'cast' })).toEqual({ ok: false, error: { code: 'no-round' } });
  });
});

describe('show results (action)', () => {
  it('draws a shown tally as a results frame with the labels given; a hidden one is refused and nothing is drawn', async () => {
    const { standIn, fac, anne, notes, roundId } = await openVote({ visibility: 'hidden' });
    for (const t of [notes[1]!, notes[2]!]) await vote(anne.ctx, { roundId, targetId: t, action: 'cast' });
    const labels = { [notes[0]!]: 'Travlhed', [notes[1]!]: 'Konflikter', [notes[2]!]: 'Tid' };
    const before = standIn.items().length;
    expect(await showResults(fac.ctx, { roundId, lang: 'da', labels })).toEqual({ ok: false, error: { code: 'not-visible', params: { reason: 'hidden-until-reveal' } } });
    expect(standIn.items()).toHaveLength(before);

    await fac.ctx.control.apply({ type: 'reveal-round', roundId });
    const shown = await showResults(fac.ctx, { roundId, lang: 'en', labels, eligible: 2 });
    if (!shown.ok) throw new Error(shown.error.code);
    const texts = standIn.items().filter((i) => i.parentId === shown.value.frameId && i.type === 'text').map((i) => contentText(i.content));
    expect(texts).toEqual(expect.arrayContaining(['Hvad fylder mest?', 'Konflikter', 'Tid', '1 of 2 voted']));
    expect(texts).not.toContain('Travlhed');
  });

  it('a board that refuses is a refusal in words, with the board as it was', async () => {
    const { standIn, fac, anne, notes, roundId } = await openVote();
    await vote(anne.ctx, { roundId, targetId: notes[0]!, action: 'cast' });
    const before = standIn.items().map((i) => i.id);
    standIn.failWhen((call) => call.method === 'board.createFrame');
    const out = await showResults(fac.ctx, { roundId, lang: 'da', labels: {} });
    expect(out).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(standIn.items().map((i) => i.id)).toEqual(before);
  });
});

describe('recolour and take out (actions)', () => {
  it('recolours a cluster in the doc and refuses a colour Miro has not; takes notes out of their cluster', async () => {
    const { standIn, anne, fac } = workshop();
    const [a, b] = stickies(standIn, ['Travlhed', 'Konflikter']);
    createCluster(anne.doc, { userId: ANNE }, { clusterId: 'c1', noteIds: [a!, b!], label: 'Pres' });
    expect(await recolour(fac.ctx, { clusterId: 'c1', colour: 'light_blue' })).toEqual({ ok: true, value: null });
    expect(listClusters(anne.doc)[0]!.colour).toBe('light_blue');
    expect(await recolour(fac.ctx, { clusterId: 'c1', colour: 'brown' as never })).toEqual({ ok: false, error: { code: 'bad-colour' } });
    expect(await takeOut(anne.ctx, { noteIds: [a!] })).toEqual({ ok: true, value: null });
    expect(clusterOf(fac.doc, a!)).toBeNull();
    expect(clusterOf(fac.doc, b!)).toBe('c1');
  });
});
