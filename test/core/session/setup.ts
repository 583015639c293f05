/** Shared fixtures for the session tests: Miro-like user ids, a started session, a round. */
import * as Y from 'yjs';
import { createRound, openRound, startSession, type CreateRoundInput } from '../../../src/core/session/index.js';

export const T0 = 1_700_000_000_000;
export const fac = { userId: '3458764500000000001' };
export const anne = { userId: '3458764500000000002' };
export const bo = { userId: '3458764500000000003' };
export const carl = { userId: '3458764500000000004' };
export const notes = ['3458764511111111111', '3458764522222222222', '3458764533333333333', '3458764544444444444'];

export function startedDoc(): Y.Doc {
  const doc = new Y.Doc();
  startSession(doc, fac, { now: T0 });
  return doc;
}

/** Create (and by default open) a round over `notes`, live, k = 1: tallies show at once. */
export function round(doc: Y.Doc, over: Partial<CreateRoundInput> = {}, open = true): string {
  const r = createRound(doc, fac, {
    question: 'Hvad skal vi tale mere om?', scope: { kind: 'selection' }, targets: notes,
    visibility: 'live', k: 1, anonymity: 'named', now: T0, ...over,
  });
  if (!r.ok) throw new Error(r.message);
  if (open) {
    const o = openRound(doc, fac, { roundId: r.value.roundId, now: T0 });
    if (!o.ok) throw new Error(o.message);
  }
  return r.value.roundId;
}
