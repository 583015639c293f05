import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  acceptSeat, AGENDA, applyCommand, createRound, discuss, facilitatorOf, goToStep, offerSeat, readCommand, readPresence,
  readDiscussing, readSession, readWorkshop, revealRound, setTimeBox, stepKey, takeSeat, workshopMap, sessionMap,
} from '../../../src/core/session/index.js';
import { TEMPLATE_IDS } from '../../../src/core/template/schema.js';
import { anne, bo, fac, notes, startedDoc, T0 } from './setup.js';

describe('hand-over: offered by the facilitator, accepted by the receiver', () => {
  it('nothing moves until the receiver accepts; only the one offered can accept', () => {
    const doc = startedDoc();
    expect(offerSeat(doc, anne, { to: bo.userId })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(offerSeat(doc, fac, { to: anne.userId })).toEqual({ ok: true, value: { offeredTo: anne.userId } });
    expect(facilitatorOf(doc)).toBe(fac.userId);
    expect(acceptSeat(doc, bo)).toMatchObject({ ok: false, error: 'no-offer' });
    expect(acceptSeat(doc, anne)).toEqual({ ok: true, value: { facilitator: anne.userId } });
    expect(readSession(doc)).toMatchObject({ facilitator: anne.userId, offeredTo: null, takenFrom: null });
    // The offer is used up: accepting again does nothing.
    expect(acceptSeat(doc, anne)).toMatchObject({ ok: false, error: 'no-offer' });
  });

  it('the facilitator can withdraw an offer, and cannot offer the seat to themselves', () => {
    const doc = startedDoc();
    offerSeat(doc, fac, { to: anne.userId });
    expect(offerSeat(doc, fac, { to: null }).ok).toBe(true);
    expect(acceptSeat(doc, anne)).toMatchObject({ ok: false, error: 'no-offer' });
    expect(offerSeat(doc, fac, { to: fac.userId })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('taking the seat without a hand-over says whose seat it was, until the next hand-over', () => {
    const doc = startedDoc();
    offerSeat(doc, fac, { to: anne.userId });
    expect(takeSeat(doc, bo, { now: T0 })).toEqual({ ok: true, value: { facilitator: bo.userId, takenFrom: fac.userId } });
    // A pending offer dies with the seat it was for.
    expect(readSession(doc)).toMatchObject({ facilitator: bo.userId, takenFrom: fac.userId, offeredTo: null });
    offerSeat(doc, bo, { to: fac.userId });
    acceptSeat(doc, fac);
    expect(readSession(doc)).toMatchObject({ facilitator: fac.userId, takenFrom: null });
  });

  it('a bad value in the session map reads as absent, never thrown', () => {
    const doc = startedDoc();
    (sessionMap(doc) as unknown as Y.Map<unknown>).set('offeredTo', { evil: true });
    expect(readSession(doc).offeredTo).toBeNull();
    expect(acceptSeat(doc, anne)).toMatchObject({ ok: false, error: 'no-offer' });
  });
});

describe('the workshop run sheet', () => {
  it('maps every step to a template that exists, in the deck’s order', () => {
    for (const step of AGENDA) expect(TEMPLATE_IDS, step.id).toContain(step.template);
    // The plate's step brings everyone to My plate, where their own answers are written.
    expect(AGENDA.find((s) => s.id === 'plate')?.view).toBe('plate');
    expect(AGENDA.map((s) => s.id)).toEqual([
      'opening', 'leaders-job', 'strain-protection', 'preparedness', 'warning-signs', 'plate', 'special-about-the-job', 'emotions',
      'safe-unsafe-team', 'not-talked-about', 'p-iglo', 'practice', 'takeaways',
    ]);
  });

  it('only the facilitator moves the workshop; a step starts with its default time box', () => {
    const doc = startedDoc();
    expect(goToStep(doc, anne, { step: 'opening', now: T0 })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(readWorkshop(doc)).toBeNull();
    expect(goToStep(doc, fac, { step: 'opening', now: T0 })).toEqual({ ok: true, value: { step: 'opening', startedAt: T0 } });
    expect(readWorkshop(doc)).toEqual({ step: 'opening', startedAt: T0, timeBoxMs: 10 * 60_000, discussing: null });
    expect(goToStep(doc, fac, { step: 'nowhere', now: T0 })).toMatchObject({ ok: false, error: 'invalid' });
    expect(goToStep(doc, fac, { step: 'plate', timeBoxMs: -5, now: T0 })).toMatchObject({ ok: false, error: 'invalid' });
  });

  it('the facilitator changes the time box; the step keeps its start', () => {
    const doc = startedDoc();
    expect(setTimeBox(doc, fac, { timeBoxMs: 60_000 })).toMatchObject({ ok: false, error: 'no-step' });
    goToStep(doc, fac, { step: 'plate', now: T0 });
    expect(setTimeBox(doc, anne, { timeBoxMs: 60_000 })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(setTimeBox(doc, fac, { timeBoxMs: 0 })).toMatchObject({ ok: false, error: 'invalid' });
    expect(setTimeBox(doc, fac, { timeBoxMs: 5 * 60_000 }).ok).toBe(true);
    expect(readWorkshop(doc)).toMatchObject({ step: 'plate', startedAt: T0, timeBoxMs: 5 * 60_000 });
  });

  it('discussing: only items of a revealed round, cleared by the next step', () => {
    const doc = startedDoc();
    goToStep(doc, fac, { step: 'not-talked-about', now: T0 });
    const r = createRound(doc, fac, { question: 'Q', scope: { kind: 'selection' }, targets: notes, now: T0 });
    if (!r.ok) throw new Error();
    const roundId = r.value.roundId;
    expect(discuss(doc, fac, { roundId, targetId: notes[0]! })).toMatchObject({ ok: false, error: 'no-round' });
    applyCommand(doc, fac, { type: 'open-round', roundId, now: T0 });
    revealRound(doc, fac, { roundId, now: T0 + 1 });
    expect(discuss(doc, anne, { roundId, targetId: notes[0]! })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(discuss(doc, fac, { roundId, targetId: notes[0]! }).ok).toBe(true);
    expect(readWorkshop(doc)?.discussing).toEqual({ roundId, targetId: notes[0] });
    goToStep(doc, fac, { step: 'p-iglo', now: T0 + 2 });
    expect(readWorkshop(doc)?.discussing).toBeNull();
    expect(readDiscussing(doc)).toBeNull();
  });

  it('a discussion needs no step: after a reveal, outside the agenda, everyone reads what is discussed', () => {
    const doc = startedDoc();
    const r = createRound(doc, fac, { question: 'Q', scope: { kind: 'selection' }, targets: notes, now: T0 });
    if (!r.ok) throw new Error();
    const roundId = r.value.roundId;
    applyCommand(doc, fac, { type: 'open-round', roundId, now: T0 });
    revealRound(doc, fac, { roundId, now: T0 + 1 });
    expect(applyCommand(doc, fac, { type: 'discuss', roundId, targetId: notes[1]! })).toEqual({ ok: true, value: null });
    expect(readWorkshop(doc)).toBeNull();
    expect(readDiscussing(doc)).toEqual({ roundId, targetId: notes[1] });
    // A bad value is no discussion, never a throw.
    (workshopMap(doc) as unknown as Y.Map<unknown>).set('discussTarget', { evil: true });
    expect(readDiscussing(doc)).toBeNull();
    expect(applyCommand(doc, fac, { type: 'discuss', roundId, targetId: null }).ok).toBe(true);
    expect(readDiscussing(doc)).toBeNull();
  });

  it('bad values in the workshop map are skipped: an unknown step is no step, a bad time box is none', () => {
    const doc = startedDoc();
    const w = workshopMap(doc) as unknown as Y.Map<unknown>;
    w.set('step', 'nowhere');
    w.set('startedAt', T0);
    expect(readWorkshop(doc)).toBeNull();
    w.set('step', 'plate');
    w.set('timeBoxMs', 'soon');
    expect(readWorkshop(doc)).toEqual({ step: 'plate', startedAt: T0, timeBoxMs: 0, discussing: null });
  });

  it('commands from the wire are read exactly, with the reader’s clock', () => {
    expect(readCommand({ type: 'go-to-step', step: 'plate', now: 1 }, T0)).toEqual({ type: 'go-to-step', step: 'plate', now: T0 });
    expect(readCommand({ type: 'go-to-step', step: 'nowhere' }, T0)).toBeNull();
    expect(readCommand({ type: 'go-to-step', step: 'plate', extra: 1 }, T0)).toBeNull();
    expect(readCommand({ type: 'accept-seat' }, T0)).toEqual({ type: 'accept-seat' });
    expect(readCommand({ type: 'offer-seat', to: null }, T0)).toEqual({ type: 'offer-seat', to: null });
    expect(readCommand({ type: 'offer-seat', to: { $ne: 1 } }, T0)).toBeNull();
    expect(readCommand({ type: 'take-seat', now: 5 }, T0)).toEqual({ type: 'take-seat', now: T0 });
    expect(readCommand({ type: 'set-time-box', timeBoxMs: '1' }, T0)).toBeNull();
    expect(readCommand({ type: 'discuss', roundId: 'r1', targetId: null }, T0)).toEqual({ type: 'discuss', roundId: 'r1', targetId: null });
  });

  it('"I\'m done" is a person’s own presence entry, keyed by the step and its start', () => {
    const key = stepKey({ step: 'plate', startedAt: T0 });
    expect(readPresence({ presence: { name: 'Anne', user: anne.userId, done: key } }, {})).toEqual({ name: 'Anne', user: anne.userId, done: key });
    // A bad "done" is no "done"; the person is still present.
    expect(readPresence({ presence: { name: 'Anne', user: anne.userId, done: 7 } }, {})).toEqual({ name: 'Anne', user: anne.userId });
  });
});
