/**
 * The facilitator's actions against the stand-in board: start, hand over, a round from the
 * board's notes to its reveal (the board's timer where the host has one), deletions leaving
 * the tally; and every one of them goes through the control port (a refusing port changes nothing).
 */
import { describe, expect, it } from 'vitest';
import { perform as createRound } from '../../src/actions/create-round.js';
import * as seat from '../../src/actions/seat.js';
import { perform as markDeleted } from '../../src/actions/mark-deleted.js';
import { perform as openRound } from '../../src/actions/open-round.js';
import { perform as roundStatus } from '../../src/actions/round-status.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import { createCluster, deletedMap, facilitatorOf, getRound, listRounds, tally } from '../../src/core/session/index.js';
import type { ControlService, FacilitatorCommand } from '../../src/core/session/commands.js';
import { ANNE, FAC, stickies, workshop } from './harness.js';

const round = { question: 'Hvad fylder mest?', scope: { kind: 'selection' as const }, anonymity: 'named' as const, visibility: 'live' as const, k: 1 };

describe('session and rounds', () => {
  it('whoever starts is the facilitator; a participant cannot act for them; the role can be handed over', async () => {
    const { fac, anne } = workshop();
    expect(await startSession(fac.ctx)).toEqual({ ok: true, value: { facilitator: FAC } });
    // A second start changes nothing.
    expect(await startSession(anne.ctx)).toEqual({ ok: true, value: { facilitator: FAC } });
    expect(await seat.offer(anne.ctx, { to: FAC })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    expect(await seat.offer(fac.ctx, { to: ANNE })).toEqual({ ok: true, value: { offeredTo: ANNE } });
    // Offered is not handed over: the receiver accepts.
    expect(facilitatorOf(anne.doc)).toBe(FAC);
    expect(await seat.accept(anne.ctx)).toEqual({ ok: true, value: { facilitator: ANNE } });
    expect(facilitatorOf(fac.doc)).toBe(ANNE);
    // Taking it back without a hand-over is explicit, and says whose seat it was.
    expect(await seat.take(fac.ctx)).toEqual({ ok: true, value: { facilitator: FAC, takenFrom: ANNE } });
  });

  it('a round over the board’s notes: created, opened, voted, closed and revealed', async () => {
    const { standIn, fac, anne } = workshop();
    const notes = stickies(standIn, ['Travlhed', 'Konflikter']);
    await startSession(fac.ctx);
    const made = await createRound(fac.ctx, { round, targets: 'notes' });
    if (!made.ok) throw new Error(made.error.code);
    expect(getRound(anne.doc, made.value.roundId)?.targets).toEqual(notes);
    // No time limit: nothing for the board's timer to do.
    expect(await openRound(fac.ctx, { roundId: made.value.roundId })).toEqual({ ok: true, value: { endsAt: null, boardTimer: false } });
    expect((await anne.ctx.votes.cast(made.value.roundId, notes[0]!)).ok).toBe(true);
    expect(await roundStatus(anne.ctx, { roundId: made.value.roundId, step: 'close' })).toEqual({ ok: false, error: { code: 'not-facilitator' } });
    expect(await roundStatus(fac.ctx, { roundId: made.value.roundId, step: 'reveal' })).toEqual({ ok: true, value: null });
    expect(getRound(anne.doc, made.value.roundId)?.status).toBe('revealed');
    expect(await roundStatus(fac.ctx, { roundId: made.value.roundId, step: 'remove' })).toEqual({ ok: false, error: { code: 'wrong-status' } });
  });

  it('no notes in scope is refused, and says when they were all on the plate', async () => {
    const { standIn, fac } = workshop();
    await startSession(fac.ctx);
    expect(await createRound(fac.ctx, { round, targets: 'notes' })).toEqual({ ok: false, error: { code: 'no-targets', params: { privateLeftOut: 0 } } });
    const plate = await fac.board.insertLayout(layoutTemplate(getTemplate('plate'), 'da', { x: 0, y: 0 }), { at: { x: 0, y: 0 }, zoom: false });
    const onPlate = standIn.hostCreate(ANNE, 'sticky_note', { content: '<p>mit</p>', x: 300, y: 300 }, { parentId: plate.frameId }).id;
    standIn.setSelection(FAC, [onPlate]);
    expect(await createRound(fac.ctx, { round, targets: 'selection' })).toEqual({ ok: false, error: { code: 'only-private', params: { privateLeftOut: 1 } } });
    expect(listRounds(fac.doc)).toEqual([]);
  });

  it('a timed round starts the board’s timer where the host has one, and counts down in the panel where not', async () => {
    const timed = { ...round, timeLimitMs: 120_000 };
    for (const timer of [true, false]) {
      let started: number | null = null;
      const start = async (ms: number) => void (started = ms);
      const { fac } = workshop({ features: { timer } }, (sdk) => Object.assign(sdk.board, { timer: { start } }));
      await startSession(fac.ctx);
      const made = await createRound(fac.ctx, { round: timed, targets: ['n1'] });
      if (!made.ok) throw new Error(made.error.code);
      const now = 1_000_000;
      const opened = await openRound(fac.ctx, { roundId: made.value.roundId, now });
      expect(opened).toEqual({ ok: true, value: { endsAt: now + 120_000, boardTimer: timer } });
      expect(started).toBe(timer ? 120_000 : null);
    }
  });

  it('stickies removed from the board leave the tally; other items are none of the session’s business', async () => {
    const { standIn, fac, anne } = workshop();
    const [a, b, c] = stickies(standIn, ['a', 'b', 'c']);
    await startSession(fac.ctx);
    const made = await createRound(fac.ctx, { round, targets: [a!, b!] });
    if (!made.ok) throw new Error(made.error.code);
    await openRound(fac.ctx, { roundId: made.value.roundId });
    await anne.ctx.votes.cast(made.value.roundId, a!);
    expect(await markDeleted(anne.ctx, { ids: [a!, c!] })).toEqual({ ok: true, value: { marked: [a] } });
    expect(deletedMap(fac.doc).has(c!)).toBe(false);
    const t = tally(fac.doc, made.value.roundId);
    expect(t.respondents).toBe(0);
    // A clustered note counts as known too.
    createCluster(fac.doc, { userId: ANNE }, { noteIds: [c!] });
    expect(await markDeleted(fac.ctx, { ids: [c!] })).toEqual({ ok: true, value: { marked: [c] } });
  });

  it('every facilitator command goes through the control port: one that refuses changes nothing', async () => {
    const { fac } = workshop();
    const sent: FacilitatorCommand[] = [];
    const closed: ControlService = {
      apply: async (cmd) => {
        sent.push(cmd);
        return { ok: false, error: { code: 'unavailable' } };
      },
    };
    const ctx = { ...fac.ctx, control: closed };
    expect(await startSession(ctx)).toEqual({ ok: false, error: { code: 'unavailable' } });
    expect(await createRound(ctx, { round, targets: ['n'] })).toEqual({ ok: false, error: { code: 'unavailable' } });
    expect(await openRound(ctx, { roundId: 'r', now: 5 })).toEqual({ ok: false, error: { code: 'unavailable' } });
    expect(sent.map((c) => c.type)).toEqual(['start-session', 'create-round', 'open-round']);
    expect(facilitatorOf(fac.doc)).toBeNull();
    expect(listRounds(fac.doc)).toEqual([]);
  });
});
