/**
 * The psychological-safety pulse as a round of its own: the facilitator creates, opens,
 * closes and reveals it (commands, through the control port as rounds do); each person
 * answers the seven items once (and may change the answer while it is open).
 *
 * - anonymous (no server): an answer is one key of the pulse's answer map, a random
 *   respondent key the device keeps, written under a throwaway Yjs client id (anon-write.ts):
 *   nothing in the doc names who answered.
 * - sealed (server): answers live only in the server's database; the server publishes the
 *   respondent count, and the scored counts only once they may be shown.
 * Results (pulse-aggregate.ts) are shown only when the pulse is revealed and at least k answered.
 */
import * as Y from 'yjs';
import { writeAs } from './anon-write.js';
import { newId } from './ids.js';
import { aggregateCounts, isPulseAnswers, PULSE_DEFAULT_K, PULSE_MIN_K, scoredCounts, type PulseAggregate } from './pulse-aggregate.js';
import { readPublishedPulse, readPulse, readPulseAnswerMap, readPulseAnswers, readPulses } from './read-pulse.js';
import { requireFacilitator } from './roles.js';
import { roundStatus } from './rounds.js';
import { fieldMap, LIMITS, pulseAnswersMap, pulsesMap, type PulseAnonymity, type PulseFields, type RoundStatus } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';

import type { PulseAnswerError, PulseError } from '../failures.js';

export type { PulseAnswerError, PulseError } from '../failures.js';

export interface PulseView extends PulseFields {
  id: string;
  status: RoundStatus;
}

export interface CreatePulseInput {
  label?: string;
  anonymity: PulseAnonymity;
  k?: number;
  now?: number;
}

export const pulseStatus = (p: Pick<PulseFields, 'openedAt' | 'closedAt' | 'revealedAt'>): RoundStatus => roundStatus({ ...p, endsAt: null }, 0);

export function getPulse(doc: Y.Doc, pulseId: string): PulseView | null {
  const f = readPulse(doc, pulseId);
  return f && { ...f, id: pulseId, status: pulseStatus(f) };
}

/** Pulses, oldest first. */
export function listPulses(doc: Y.Doc): PulseView[] {
  return [...readPulses(doc)]
    .map(([id, f]) => ({ ...f, id, status: pulseStatus(f) }))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function createPulse(doc: Y.Doc, actor: Actor, input: CreatePulseInput): Result<{ pulseId: string }, PulseError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const k = input.k ?? PULSE_DEFAULT_K;
  const label = (input.label ?? '').trim();
  if (!Number.isInteger(k) || k < PULSE_MIN_K || k > LIMITS.k) return fail('invalid', `The minimum number of respondents is a whole number of at least ${PULSE_MIN_K}.`);
  if (label.length > LIMITS.label) return fail('invalid', 'The name is too long.');
  if (input.anonymity !== 'anonymous' && input.anonymity !== 'sealed') return fail('invalid', 'A pulse is anonymous or sealed.');
  const pulseId = newId('p');
  doc.transact(() => {
    pulsesMap(doc).set(pulseId, fieldMap<PulseFields>({
      label, anonymity: input.anonymity, k, createdBy: actor.userId, createdAt: input.now ?? Date.now(),
      openedAt: null, closedAt: null, revealedAt: null,
    }));
    // Made once, by the facilitator: two first answers at the same moment must not each make it.
    if (input.anonymity === 'anonymous') pulseAnswersMap(doc).set(pulseId, new Y.Map<unknown>());
  }, SESSION_ORIGIN);
  return ok({ pulseId });
}

type Step = 'open' | 'close' | 'reveal';
const FROM: Record<Step, RoundStatus[]> = { open: ['draft'], close: ['open', 'closed'], reveal: ['open', 'closed'] };

/** Open a draft pulse, close an open one, or reveal its results (closing it first). */
export function stepPulse(doc: Y.Doc, actor: Actor, input: { pulseId: string; step: Step; now?: number }): Result<null, PulseError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const f = readPulse(doc, input.pulseId);
  if (!f) return fail('no-pulse', 'No such pulse.');
  const status = pulseStatus(f);
  if (!FROM[input.step].includes(status)) return fail('wrong-status', `The pulse is ${status}.`);
  const now = input.now ?? Date.now();
  const m = pulsesMap(doc).get(input.pulseId)!;
  doc.transact(() => {
    if (input.step === 'open') m.set('openedAt', now);
    else {
      if (m.get('closedAt') == null) m.set('closedAt', now);
      if (input.step === 'reveal') m.set('revealedAt', now);
    }
  }, SESSION_ORIGIN);
  return ok(null);
}

/** An anonymous pulse's answer, written under `respondentKey` by the throwaway client `asClientId`. */
export function answerPulse(
  doc: Y.Doc,
  input: { pulseId: string; respondentKey: string; answers: readonly number[]; asClientId: number },
): Result<null, PulseAnswerError> {
  const p = getPulse(doc, input.pulseId);
  if (!p) return fail('no-pulse', 'No such pulse.');
  if (p.anonymity !== 'anonymous') return fail('wrong-mode', 'Sealed pulses are answered on the server.');
  if (p.status !== 'open') return fail('not-open', `The pulse is ${p.status}.`);
  if (!isPulseAnswers(input.answers)) return fail('invalid', 'Seven answers, each from 1 to 7.');
  const answers = [...input.answers];
  writeAs(doc, input.asClientId, () => {
    let m = readPulseAnswerMap(doc, p.id);
    if (!m) pulseAnswersMap(doc).set(p.id, (m = new Y.Map<unknown>()));
    m.set(input.respondentKey, answers);
  });
  return ok(null);
}

/** An answer kept under `respondentKey`, or null. */
export function pulseAnswerOf(doc: Y.Doc, pulseId: string, respondentKey: string | null): number[] | null {
  return respondentKey === null ? null : (readPulseAnswers(doc, pulseId).get(respondentKey) ?? null);
}

export type PulseResult =
  | { visible: true; pulseId: string; k: number; aggregate: PulseAggregate }
  | { visible: false; pulseId: string; k: number; respondents: number | null; reason: 'no-pulse' | 'not-revealed' | 'below-k' | 'not-published' };

/** A pulse's result as anyone may see it: aggregates only, once revealed and from k answers. */
export function pulseResult(doc: Y.Doc, pulseId: string): PulseResult {
  const p = getPulse(doc, pulseId);
  if (!p) return { visible: false, pulseId, k: 0, respondents: null, reason: 'no-pulse' };
  let respondents: number | null;
  let counts: number[] | null = null;
  if (p.anonymity === 'anonymous') {
    const answers = [...readPulseAnswers(doc, pulseId).values()];
    respondents = answers.length;
    counts = scoredCounts(answers);
  } else {
    const pub = readPublishedPulse(doc, pulseId);
    respondents = pub?.respondents ?? null;
    if (pub && pub.counts.length > 0) counts = pub.counts;
  }
  const hidden = (reason: 'not-revealed' | 'below-k' | 'not-published') => ({ visible: false as const, pulseId, k: p.k, respondents, reason });
  if (p.status !== 'revealed') return hidden('not-revealed');
  if (respondents === null) return hidden('not-published');
  if (respondents < p.k) return hidden('below-k');
  const aggregate = counts && aggregateCounts(counts, respondents, p.k);
  return aggregate ? { visible: true, pulseId, k: p.k, aggregate } : hidden('not-published');
}

/** The latest pulse before `pulseId` whose result is shown, for the change side by side. */
export function previousShown(doc: Y.Doc, pulseId: string): { pulse: PulseView; aggregate: PulseAggregate } | null {
  const all = listPulses(doc);
  const i = all.findIndex((p) => p.id === pulseId);
  for (let j = i - 1; j >= 0; j--) {
    const r = pulseResult(doc, all[j]!.id);
    if (r.visible) return { pulse: all[j]!, aggregate: r.aggregate };
  }
  return null;
}
