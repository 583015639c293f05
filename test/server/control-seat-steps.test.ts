/**
 * Issue 11 on the server: the hand-over is offered by the holder and accepted by the receiver
 * through checked calls; taking the seat without one is the server's decision (refused); the
 * run sheet (step, time box) is the facilitator's, in the control doc; "I'm done" is presence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitatorOf, readSession, readWorkshop, workshopMap } from '../../src/core/session/index.js';
import { control, must, startServer, waitFor, type Started, joiner } from './support/helpers.js';

describe('seat and run sheet on the sync server', () => {
  let s: Started;
  const { join, closeAll } = joiner(() => s.url);
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    closeAll();
    await s.stop();
  });

  it('offer, accept; no take-over; steps only by the holder, seen by everyone', async () => {
    const fac = await join('fac');
    const anne = await join('anne');
    must(await control(fac).apply({ type: 'start-session' }));
    await waitFor(() => facilitatorOf(anne.doc) === 'fac', 'seat at anne');

    // Taking the seat without a hand-over is refused: on the server the operator decides.
    expect(await control(anne).apply({ type: 'take-seat' })).toEqual({ ok: false, error: { code: 'seat-server-decides' } });
    // Accepting with no offer, and moving the workshop as a participant, are refused.
    expect(await control(anne).apply({ type: 'accept-seat' })).toEqual({ ok: false, error: { code: 'no-offer' } });
    expect(await control(anne).apply({ type: 'go-to-step', step: 'plate' })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    // A participant's own write into the doc is no step for anyone else (the control doc is the server's).
    const mallory = await join('mallory');
    workshopMap(mallory.doc).set('step', 'plate');
    workshopMap(mallory.doc).set('startedAt', 1);
    expect(await control(fac).apply({ type: 'go-to-step', step: 'opening' })).toMatchObject({ ok: true, value: { step: 'opening' } });
    await waitFor(() => readWorkshop(anne.doc)?.step === 'opening', 'step at anne');
    must(await control(fac).apply({ type: 'set-time-box', timeBoxMs: 120_000 }));
    await waitFor(() => readWorkshop(anne.doc)?.timeBoxMs === 120_000, 'time box at anne');

    must(await control(fac).apply({ type: 'offer-seat', to: 'anne' }));
    await waitFor(() => readSession(anne.doc).offeredTo === 'anne', 'offer at anne');
    expect(facilitatorOf(anne.doc)).toBe('fac');
    expect(await control(anne).apply({ type: 'accept-seat' })).toEqual({ ok: true, value: { facilitator: 'anne' } });
    await waitFor(() => facilitatorOf(fac.doc) === 'anne' && readSession(fac.doc).offeredTo === null, 'seat moved');
    expect(await control(fac).apply({ type: 'go-to-step', step: 'plate' })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
    must(await control(anne).apply({ type: 'go-to-step', step: 'plate' }));
    await waitFor(() => readWorkshop(fac.doc)?.step === 'plate', 'the new holder moves the workshop');
  });

  it('presence may say "I\'m done" with a step (and nothing else new)', async () => {
    const a = await join('bo');
    a.awareness.setLocalStateField('presence', { name: 'Bo', user: 'bo', done: 'plate@1' });
    const b = await join('carl');
    await waitFor(() => [...b.awareness.getStates().values()].some((st) => (st as { presence?: { done?: string } }).presence?.done === 'plate@1'), 'done seen');
  });
});
