/** Every VoteError code in words, in both languages (the compiler checks none is missed). */
import type { Lang } from '../../core/lang.js';
import type { VoteError } from '../../core/session/voting.js';
import { t, type MessageKey } from '../i18n/session-strings.js';

const KEYS: Record<VoteError, MessageKey> = {
  'no-round': 'vote.error.no-round',
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
};

export const VOTE_ERRORS = Object.keys(KEYS) as VoteError[];

export function voteErrorText(lang: Lang, error: VoteError, p: { budget: number; cap: number }): string {
  return t(lang, KEYS[error] ?? 'vote.error.unavailable', p);
}
