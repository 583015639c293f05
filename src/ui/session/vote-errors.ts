/**
 * A VoteError in words, with the round's budget and cap: the vocabulary's words
 * (failure-text.ts, which tsc checks cover every code), and the vote panel's own for a round that is gone.
 */
import type { Lang } from '../../core/lang.js';
import type { VoteError } from '../../core/session/voting.js';
import { failureText } from './failure-text.js';

export function voteErrorText(lang: Lang, error: VoteError, p: { budget: number; cap: number }): string {
  return failureText(lang, { code: error, params: p }, { 'no-round': 'vote.error.no-round' }, 'vote.error.unavailable');
}
