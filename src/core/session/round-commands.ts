/**
 * The round commands: the facilitator creates a round, then opens, closes and reveals it (or
 * removes a draft). Apart from the reads (rounds.ts), which the session needs as it opens.
 */
import * as Y from 'yjs';
import { isId, newId, packIds } from './ids.js';
import { requireFacilitator } from './roles.js';
import {
  ballotsMap, fieldMap, LIMITS, ROUND_DEFAULTS, roundsMap,
  type RoundFields, type RoundStatus, type SlotValue,
} from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';
import type { RoundError } from '../failures.js';
import { roundStatus, type CreateRoundInput } from './rounds.js';
import { readRound } from './read.js';

const isCount = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

export function createRound(doc: Y.Doc, actor: Actor, input: CreateRoundInput): Result<{ roundId: string }, RoundError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const budget = input.budget ?? ROUND_DEFAULTS.budget;
  const cap = input.cap ?? Math.min(ROUND_DEFAULTS.cap, budget);
  const k = input.k ?? ROUND_DEFAULTS.k;
  const timeLimitMs = input.timeLimitMs ?? null;
  const targets = [...new Set(input.targets)];
  if (!input.question.trim()) return fail('invalid', 'The round needs a question.');
  if (input.question.trim().length > LIMITS.question) return fail('invalid', 'The question is too long.');
  if (targets.length === 0) return fail('invalid', 'The round needs at least one note or cluster to vote on.');
  if (targets.length > LIMITS.targets || !targets.every(isId)) return fail('invalid', 'Too many notes, or one that is not a note.');
  if (!isCount(budget, 1, LIMITS.budget)) return fail('invalid', 'The budget is a whole number from 1 to 100.');
  if (!isCount(cap, 1, budget)) return fail('invalid', 'The cap per target is a whole number from 1 to the budget.');
  if (!isCount(k, 1, LIMITS.k)) return fail('invalid', 'The minimum number of respondents is a whole number of at least 1.');
  if (timeLimitMs !== null && !(Number.isFinite(timeLimitMs) && timeLimitMs > 0)) return fail('invalid', 'The time limit must be positive.');
  const roundId = newId('r');
  doc.transact(() => {
    roundsMap(doc).set(
      roundId,
      fieldMap<RoundFields>({
        question: input.question.trim(), scope: input.scope, targets: packIds(targets), budget, cap,
        anonymity: input.anonymity ?? ROUND_DEFAULTS.anonymity,
        visibility: input.visibility ?? ROUND_DEFAULTS.visibility,
        k, timeLimitMs, createdBy: actor.userId, createdAt: input.now ?? Date.now(),
        openedAt: null, endsAt: null, closedAt: null, revealedAt: null,
      }),
    );
    // The ballot map is made here, once, by one writer: two devices casting the first vote
    // at the same moment must not each create (and so overwrite) the round's ballot map.
    ballotsMap(doc).set(roundId, new Y.Map<SlotValue>());
  }, SESSION_ORIGIN);
  return ok({ roundId });
}

/** Remove a round that was never opened. */
export function removeRound(doc: Y.Doc, actor: Actor, input: { roundId: string }): Result<null, RoundError> {
  const checked = check(doc, actor, input.roundId, ['draft']);
  if (!checked.ok) return checked;
  doc.transact(() => {
    roundsMap(doc).delete(input.roundId);
    ballotsMap(doc).delete(input.roundId);
  }, SESSION_ORIGIN);
  return ok(null);
}

/** Open a draft round; with a time limit, `endsAt` is set from `now` (the board layer starts
 *  Miro's timer where it may). */
export function openRound(doc: Y.Doc, actor: Actor, input: { roundId: string; now?: number }): Result<{ endsAt: number | null }, RoundError> {
  const now = input.now ?? Date.now();
  const checked = check(doc, actor, input.roundId, ['draft'], now);
  if (!checked.ok) return checked;
  const m = checked.value;
  const limit = m.get('timeLimitMs') ?? null;
  const endsAt = limit === null ? null : now + limit;
  doc.transact(() => {
    m.set('openedAt', now);
    m.set('endsAt', endsAt);
  }, SESSION_ORIGIN);
  return ok({ endsAt });
}

export function closeRound(doc: Y.Doc, actor: Actor, input: { roundId: string; now?: number }): Result<null, RoundError> {
  const now = input.now ?? Date.now();
  const checked = check(doc, actor, input.roundId, ['open', 'closed'], now);
  if (!checked.ok) return checked;
  const m = checked.value;
  if (m.get('closedAt') == null) doc.transact(() => m.set('closedAt', now), SESSION_ORIGIN);
  return ok(null);
}

/** Reveal results (closing the round first if it is still open). */
export function revealRound(doc: Y.Doc, actor: Actor, input: { roundId: string; now?: number }): Result<null, RoundError> {
  const now = input.now ?? Date.now();
  const checked = check(doc, actor, input.roundId, ['open', 'closed'], now);
  if (!checked.ok) return checked;
  const m = checked.value;
  doc.transact(() => {
    if (m.get('closedAt') == null) m.set('closedAt', now);
    m.set('revealedAt', now);
  }, SESSION_ORIGIN);
  return ok(null);
}

function check(doc: Y.Doc, actor: Actor, roundId: string, allowed: RoundStatus[], now = Date.now()) {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const f = readRound(doc, roundId);
  if (!f) return fail('no-round', 'No such round.');
  const status = roundStatus(f, now);
  if (!allowed.includes(status)) return fail('wrong-status', `The round is ${status}.`);
  return ok(roundsMap(doc).get(roundId)!);
}
