import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  closeRound, createRound, facilitatorOf, acceptSeat, getRound, isFacilitator, listRounds, offerSeat, openRound, removeRound, revealRound,
  roundStatus, startSession, type RoundStatus,
} from '../../../src/core/session/index.js';
import { LinkedDocs, seeded } from '../../support/linked-docs.js';
import { anne, bo, fac, notes, startedDoc, T0 } from './setup.js';

const input = { question: 'Hvad fylder mest?', scope: { kind: 'template', templateId: 'not-talked-about' } as const, targets: notes, now: T0 };

describe('roles', () => {
  it('whoever starts the session is the facilitator; a second start changes nothing', () => {
    const doc = new Y.Doc();
    expect(startSession(doc, fac, { now: T0 })).toEqual({ ok: true, value: { facilitator: fac.userId } });
    expect(startSession(doc, anne, { now: T0 })).toEqual({ ok: true, value: { facilitator: fac.userId } });
    expect(isFacilitator(doc, fac)).toBe(true);
    expect(isFacilitator(doc, anne)).toBe(false);
  });

  it('participants cannot create, open, close, reveal or remove rounds', () => {
    const doc = startedDoc();
    expect(createRound(doc, anne, input)).toMatchObject({ ok: false, error: 'not-facilitator' });
    const r = createRound(doc, fac, input);
    if (!r.ok) throw new Error();
    const roundId = r.value.roundId;
    for (const cmd of [openRound, closeRound, revealRound, removeRound]) {
      expect(cmd(doc, anne, { roundId, now: T0 })).toMatchObject({ ok: false, error: 'not-facilitator' });
    }
    expect(getRound(doc, roundId, T0)!.status).toBe('draft');
  });

  it('hand over: the new facilitator controls rounds, the old one no longer does', () => {
    const doc = startedDoc();
    expect(offerSeat(doc, anne, { to: bo.userId })).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(offerSeat(doc, fac, { to: anne.userId }).ok).toBe(true);
    expect(acceptSeat(doc, anne).ok).toBe(true);
    expect(facilitatorOf(doc)).toBe(anne.userId);
    expect(createRound(doc, fac, input)).toMatchObject({ ok: false, error: 'not-facilitator' });
    expect(createRound(doc, anne, input).ok).toBe(true);
  });
});

describe('round lifecycle', () => {
  it('defaults: budget 5, cap 3, k 3, anonymous, hidden until reveal, no time limit', () => {
    const doc = startedDoc();
    const r = createRound(doc, fac, input);
    if (!r.ok) throw new Error();
    expect(getRound(doc, r.value.roundId, T0)).toMatchObject({
      question: 'Hvad fylder mest?', targets: notes, budget: 5, cap: 3, k: 3, anonymity: 'anonymous', visibility: 'hidden',
      timeLimitMs: null, status: 'draft', createdBy: fac.userId,
    });
  });

  it('refuses a round that makes no sense', () => {
    const doc = startedDoc();
    for (const bad of [{ question: ' ' }, { targets: [] }, { budget: 0 }, { budget: 2.5 }, { budget: 2, cap: 3 }, { k: 0 }, { timeLimitMs: -1 }]) {
      expect(createRound(doc, fac, { ...input, ...bad })).toMatchObject({ ok: false, error: 'invalid' });
    }
    expect(listRounds(doc)).toEqual([]);
  });

  it('draft → open → closed → revealed, each step only from where it may', () => {
    const doc = startedDoc();
    const r = createRound(doc, fac, { ...input, timeLimitMs: 120_000 });
    if (!r.ok) throw new Error();
    const roundId = r.value.roundId;
    expect(closeRound(doc, fac, { roundId, now: T0 })).toMatchObject({ ok: false, error: 'wrong-status' });
    expect(openRound(doc, fac, { roundId, now: T0 })).toEqual({ ok: true, value: { endsAt: T0 + 120_000 } });
    expect(openRound(doc, fac, { roundId, now: T0 })).toMatchObject({ ok: false, error: 'wrong-status' });
    expect(removeRound(doc, fac, { roundId })).toMatchObject({ ok: false, error: 'wrong-status' });
    expect(closeRound(doc, fac, { roundId, now: T0 + 1 }).ok).toBe(true);
    expect(getRound(doc, roundId, T0 + 1)!.status).toBe('closed');
    expect(revealRound(doc, fac, { roundId, now: T0 + 2 }).ok).toBe(true);
    expect(getRound(doc, roundId, T0 + 2)).toMatchObject({ status: 'revealed', closedAt: T0 + 1, revealedAt: T0 + 2 });
  });

  it('reveal from open closes too; a draft can be removed', () => {
    const doc = startedDoc();
    const a = createRound(doc, fac, input);
    const b = createRound(doc, fac, input);
    if (!a.ok || !b.ok) throw new Error();
    openRound(doc, fac, { roundId: a.value.roundId, now: T0 });
    revealRound(doc, fac, { roundId: a.value.roundId, now: T0 + 5 });
    expect(getRound(doc, a.value.roundId, T0 + 5)).toMatchObject({ status: 'revealed', closedAt: T0 + 5 });
    expect(removeRound(doc, fac, { roundId: b.value.roundId }).ok).toBe(true);
    expect(listRounds(doc).map((r) => r.id)).toEqual([a.value.roundId]);
  });

  it('status is derived from set-once times, so concurrent steps on two facilitator devices never go backwards', () => {
    const order: RoundStatus[] = ['draft', 'open', 'closed', 'revealed'];
    const step = { open: openRound, close: closeRound, reveal: revealRound } as const;
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.record({ doc: fc.nat(2), cmd: fc.constantFrom('open', 'close', 'reveal' as const), deliver: fc.nat(3) }), { maxLength: 12 }), (seed, ops) => {
        const net = new LinkedDocs(3, { rand: seeded(seed), duplicate: 0.3 });
        startSession(net.docs[0]!, fac, { now: T0 });
        const r = createRound(net.docs[0]!, fac, input);
        if (!r.ok) throw new Error();
        net.flush();
        const highest = net.docs.map(() => 0);
        ops.forEach((o, i) => {
          step[o.cmd](net.docs[o.doc]!, fac, { roundId: r.value.roundId, now: T0 + i });
          net.deliver(o.deliver);
          net.docs.forEach((d, j) => {
            const s = order.indexOf(getRound(d, r.value.roundId, T0 + i)!.status);
            expect(s).toBeGreaterThanOrEqual(highest[j]!);
            highest[j] = s;
          });
        });
        net.flush();
        expect(net.converged()).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('a time limit closes the round by itself', () => {
    expect(roundStatus({ openedAt: T0, endsAt: T0 + 10, closedAt: null, revealedAt: null }, T0 + 9)).toBe('open');
    expect(roundStatus({ openedAt: T0, endsAt: T0 + 10, closedAt: null, revealedAt: null }, T0 + 10)).toBe('closed');
  });
});

// Participants cannot hand the facilitator role to themselves either.
it('a participant cannot take over', () => {
  const doc = startedDoc();
  expect(offerSeat(doc, bo, { to: anne.userId })).toMatchObject({ ok: false, error: 'not-facilitator' });
  expect(acceptSeat(doc, bo)).toMatchObject({ ok: false, error: 'no-offer' });
  expect(facilitatorOf(doc)).toBe(fac.userId);
});
