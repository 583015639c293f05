/**
 * Voting with the board in view, against the stand-in: where each target sits (template and
 * zone), "show on board" (this user's view only), "vote for the selection", and the signal's
 * notification through the Host port.
 */
import { describe, expect, it } from 'vitest';
import { perform as createRound } from '../../src/actions/create-round.js';
import { perform as locateTargets } from '../../src/actions/locate-targets.js';
import { perform as openRound } from '../../src/actions/open-round.js';
import { perform as showTarget } from '../../src/actions/show-target.js';
import { perform as signal } from '../../src/actions/signal.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { perform as voteSelection } from '../../src/actions/vote-selection.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { createCluster } from '../../src/core/session/index.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import { voteableZones } from '../../src/core/template/zones.js';
import { ANNE, FAC, stickies, workshop } from './harness.js';

const sees = (v: { x: number; y: number; width: number; height: number }, r: { x: number; y: number; width: number; height: number }) =>
  v.x <= r.x && v.y <= r.y && r.x + r.width <= v.x + v.width && r.y + r.height <= v.y + v.height;

async function votingRound(budget = 5) {
  const w = workshop();
  const notes = stickies(w.standIn, ['Travlhed', 'Konflikter', 'Pauser', 'Sparring', 'Ro']);
  createCluster(w.fac.doc, { userId: FAC }, { noteIds: [notes[3]!, notes[4]!], label: 'Ro og sparring' });
  await startSession(w.fac.ctx);
  const made = await createRound(w.fac.ctx, {
    round: { question: 'Hvad fylder mest?', scope: { kind: 'selection' }, anonymity: 'named', visibility: 'live', k: 1, budget, cap: 2 },
    targets: 'notes',
  });
  if (!made.ok) throw new Error(made.error.code);
  await openRound(w.fac.ctx, { roundId: made.value.roundId });
  return { ...w, notes, roundId: made.value.roundId };
}

describe('where the targets are', () => {
  it('names the template and the zone a note sits in; null outside every template', async () => {
    const { standIn, fac, anne } = workshop();
    const tpl = getTemplate('practice');
    const inserted = await fac.board.insertLayout(layoutTemplate(tpl, 'da', { x: 0, y: 0 }), { at: { x: 0, y: 0 }, zoom: false });
    const zoneIds = voteableZones(tpl, 'da').map((z) => z.id);
    const zones = (await fac.board.findByMarker({ templateId: 'practice' })).filter((m) => zoneIds.includes(m.marker.e));
    expect(zones.length).toBe(zoneIds.length);
    const z = zones[1]!;
    const inZone = standIn.hostCreate(ANNE, 'sticky_note', { content: '<p>Gåture</p>', x: z.rect.x + z.rect.width / 2, y: z.rect.y + z.rect.height / 2, width: 120 }, { parentId: inserted.frameId }).id;
    const f = standIn.absoluteRect(inserted.frameId);
    const inFrame = standIn.hostCreate(ANNE, 'sticky_note', { content: '<p>Kaffe</p>', x: f.x + 20 + 60, y: f.y + f.height - 80, width: 120 }, { parentId: inserted.frameId }).id;
    const loose = standIn.hostCreate(ANNE, 'sticky_note', { content: '<p>Løs</p>', x: -5000, y: 0, width: 120 }).id;
    const placed = await locateTargets(anne.ctx, { ids: [inZone, inFrame, loose, 'gone'] });
    expect(placed).toEqual({
      ok: true,
      value: { [inZone]: { template: 'practice', zone: z.marker.e }, [inFrame]: { template: 'practice', zone: null }, [loose]: null, gone: null },
    });
  });
});

describe('show on board', () => {
  it('moves only this user’s view: to a note, or to every note of a cluster (also through a note in it)', async () => {
    const { standIn, anne, notes } = await votingRound();
    const facView = standIn.viewportOf(FAC);
    expect(await showTarget(anne.ctx, { id: notes[0]! })).toEqual({ ok: true, value: null });
    expect(sees(standIn.viewportOf(ANNE), standIn.absoluteRect(notes[0]!))).toBe(true);
    expect(standIn.viewportOf(FAC)).toEqual(facView);
    expect(await showTarget(anne.ctx, { id: notes[3]! })).toEqual({ ok: true, value: null });
    for (const id of [notes[3]!, notes[4]!]) expect(sees(standIn.viewportOf(ANNE), standIn.absoluteRect(id))).toBe(true);
  });
});

describe('vote for the selection', () => {
  it('casts one vote on each selected target (a cluster once), counts what is not a target, refuses an empty selection', async () => {
    const { standIn, anne, notes, roundId } = await votingRound();
    const [other] = stickies(standIn, ['Ikke med']); // written after the round was made: not a target
    expect(await voteSelection(anne.ctx, { roundId })).toEqual({ ok: false, error: { code: 'selection-empty' } });
    standIn.setSelection(ANNE, [other!]);
    expect(await voteSelection(anne.ctx, { roundId })).toEqual({ ok: false, error: { code: 'selection-not-targets', params: { n: 1 } } });
    standIn.setSelection(ANNE, [notes[1]!, other!, notes[3]!, notes[4]!, notes[0]!]);
    const r = await voteSelection(anne.ctx, { roundId });
    if (!r.ok) throw new Error(r.error.code);
    const cluster = Object.keys(r.value.votes!.perTarget).find((id) => !notes.includes(id))!;
    expect(r.value).toMatchObject({ cast: [notes[1]!, cluster, notes[0]!], refused: [], notTargets: 1 });
    expect(r.value.votes).toMatchObject({ remaining: 2, perTarget: { [notes[1]!]: 1, [cluster]: 1, [notes[0]!]: 1 } });
    // The facilitator's doc has Anne's ballot: the votes are real.
    expect((await anne.ctx.votes.myVotes(roundId))?.used).toBe(3);
  });

  it('stops at the budget and tells which were refused; a target at its cap is skipped, the rest still vote', async () => {
    const { standIn, anne, notes, roundId } = await votingRound(3);
    await anne.ctx.votes.cast(roundId, notes[0]!);
    await anne.ctx.votes.cast(roundId, notes[0]!); // at the cap (2)
    standIn.setSelection(ANNE, [notes[0]!, notes[1]!, notes[2]!]);
    const r = await voteSelection(anne.ctx, { roundId });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.cast).toEqual([notes[1]!]);
    expect(r.value.refused).toEqual([
      { id: notes[0]!, error: 'cap-reached' },
      { id: notes[2]!, error: 'budget-exhausted' },
    ]);
  });
});

describe('signals', () => {
  it('shows Miro’s notification to this user only, shortened to 80 characters', async () => {
    const { standIn, anne } = workshop();
    expect(await signal(anne.ctx, { message: `Afstemningen »${'Hvad fylder mest i hverdagen? '.repeat(4)}« er åben` })).toEqual({ ok: true, value: true });
    const [shown] = standIn.facilitation.notificationsOf(ANNE);
    expect(shown!.length).toBeLessThanOrEqual(80);
    expect(standIn.facilitation.notificationsOf(FAC)).toEqual([]);
  });
});
