/** Drafting the P-IGLO plan from a shown round, and editing it: the facilitator's, through the control port. */
import { describe, expect, it } from 'vitest';
import { perform as createRound } from '../../src/actions/create-round.js';
import { perform as draftPlan } from '../../src/actions/draft-plan.js';
import { perform as editPlan } from '../../src/actions/edit-plan.js';
import { perform as openRound } from '../../src/actions/open-round.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { listPlan } from '../../src/core/session/index.js';
import { stickies, workshop } from './harness.js';

describe('plan', () => {
  it('drafts from the top priorities with the notes’ words, accepts, edits and removes', async () => {
    const { standIn, fac, anne } = workshop();
    const [a, b, c] = stickies(standIn, ['Travlhed', 'Konflikter', 'Tid']);
    await startSession(fac.ctx);
    const made = await createRound(fac.ctx, { round: { question: 'q', scope: { kind: 'selection' }, visibility: 'hidden', k: 1 }, targets: [a!, b!, c!] });
    if (!made.ok) throw new Error(made.error.code);
    const roundId = made.value.roundId;
    // Hidden until revealed: nothing to draft from yet.
    expect(await draftPlan(fac.ctx, { roundId, count: 1, layer: 'L' })).toEqual({ ok: false, error: { code: 'no-tally', params: { reason: 'not-open' } } });
    await openRound(fac.ctx, { roundId });
    for (const t of [a, a, b]) await anne.ctx.votes.cast(roundId, t!);
    await fac.ctx.control.apply({ type: 'reveal-round', roundId });
    const texts = { [a!]: 'Travlhed', [b!]: 'Konflikter', 'not-a-row': 'x' };
    expect(await draftPlan(anne.ctx, { roundId, count: 1, layer: 'L', texts })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    const drafted = await draftPlan(fac.ctx, { roundId, count: 1, layer: 'L', texts });
    expect(drafted).toEqual({ ok: true, value: { created: [`${roundId}:${a}`], existing: [] } });
    expect(listPlan(anne.doc)).toMatchObject([{ problem: 'Travlhed', text: '', layer: 'L', draft: true, sourceTarget: a, sourceRank: 1 }]);

    const id = `${roundId}:${a}`;
    expect((await editPlan(fac.ctx, { op: 'accept', id })).ok).toBe(true);
    expect((await editPlan(fac.ctx, { op: 'edit', id, patch: { owner: 'Fie' } })).ok).toBe(true);
    expect(listPlan(anne.doc)).toMatchObject([{ draft: false, owner: 'Fie' }]);
    expect((await editPlan(fac.ctx, { op: 'add', layer: 'P', text: 'Pauser' })).ok).toBe(true);
    expect(await editPlan(anne.ctx, { op: 'remove', id })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    expect((await editPlan(fac.ctx, { op: 'remove', id })).ok).toBe(true);
    expect(listPlan(anne.doc).map((i) => i.text)).toEqual(['Pauser']);
    expect(await editPlan(fac.ctx, { op: 'edit', id, patch: { owner: 'x' } })).toEqual({ ok: false, error: { code: 'no-initiative' } });
  });
});
