/**
 * A refusal (a code with parameters, core/failures.ts) in words: the panel's own key for its
 * code where it has one, else the one table below, which words every code of the vocabulary
 * (tsc fails when a code is missing; test/ui/session/failure-text.test.ts checks each has
 * Danish and English text). Items an undo left on the board are said too.
 */
import type { Failure, FailureCode } from '../../core/failures.js';
import type { Lang } from '../../core/lang.js';
import { t, type MessageKey } from '../i18n/session-strings.js';

export const FAILURE_KEYS: Readonly<Record<FailureCode, MessageKey>> = {
  // The session model's
  'not-facilitator': 'facil.error.not-facilitator',
  'no-offer': 'lead.error.no-offer',
  'seat-server-decides': 'take.server',
  'no-step': 'step.none',
  invalid: 'board.error.invalid',
  'no-round': 'facil.error.no-round',
  'wrong-status': 'facil.error.wrong-status',
  'no-notes': 'cluster.error.no-notes',
  'no-cluster': 'cluster.error.no-cluster',
  'bad-colour': 'cluster.error.bad-colour',
  'too-long': 'failure.too-long',
  'no-initiative': 'plan.error.no-initiative',
  'no-tally': 'plan.error.no-tally',
  'no-pulse': 'failure.no-pulse',
  // Votes (the vote panel has its own words with the round's budget and cap)
  'not-open': 'vote.error.not-open',
  'time-up': 'vote.error.time-up',
  'not-a-target': 'vote.error.not-a-target',
  'target-deleted': 'vote.error.target-deleted',
  'budget-exhausted': 'vote.error.budget-exhausted',
  'cap-reached': 'vote.error.cap-reached',
  'no-vote': 'vote.error.no-vote',
  'wrong-mode': 'vote.error.wrong-mode',
  'not-signed-in': 'vote.error.not-signed-in',
  unavailable: 'vote.error.unavailable',
  // The board's (an insertion's own words are insertFailureText's, in the first paint)
  'no-selection': 'board.error.no-selection',
  private: 'board.error.private',
  'not-visible': 'board.error.not-visible',
  'no-room': 'board.error.no-room',
  refused: 'board.error.refused',
  'rate-limited': 'board.error.rate-limited',
  aborted: 'board.error.aborted',
  'no-space': 'failure.no-space',
  'invalid-layout': 'failure.unexpected',
  // The actions' and remote calls' own
  'no-template': 'failure.no-template',
  'already-on-board': 'failure.already-on-board',
  empty: 'plate.error.empty',
  'no-targets': 'failure.no-targets',
  'only-private': 'failure.only-private',
  'targets-failed': 'round.error.targetsFailed',
  'bad-request': 'failure.bad-request',
  'selection-empty': 'vote.selection.selection-empty',
  'selection-not-targets': 'vote.selection.selection-not-targets',
  'selection-failed': 'vote.selection.selection-failed',
  'show-failed': 'vote.showFailed',
  unexpected: 'failure.unexpected',
};

/** `keys`: the panel's own words for some codes; `fallback`: for a code outside the vocabulary (from the wire). */
export function failureText(lang: Lang, failure: Failure, keys: Readonly<Partial<Record<FailureCode, MessageKey>>> = {}, fallback: MessageKey = 'failure.unexpected'): string {
  const key = keys[failure.code] ?? (Object.hasOwn(FAILURE_KEYS, failure.code) ? FAILURE_KEYS[failure.code] : fallback);
  const params = failure.params ?? {};
  const text = t(lang, key, params);
  const n = Number(params.leftBehind ?? 0);
  return n > 0 ? `${text} ${t(lang, 'board.error.leftBehind', { n })}` : text;
}
