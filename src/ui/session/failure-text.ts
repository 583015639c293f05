/**
 * An action's refusal (a code with parameters) in words: the panel's own keys for its codes,
 * then the board link's (worded in the board tables), then the panel's fallback. Items an
 * undo left on the board are said too.
 */
import type { BoardLinkErrorCode } from '../../board/session-board.js';
import type { Failure } from '../../core/session/commands.js';
import type { Lang } from '../../core/lang.js';
import { t, type MessageKey } from '../i18n/session-strings.js';

const BOARD: Readonly<Record<BoardLinkErrorCode, MessageKey>> = {
  'no-selection': 'board.error.no-selection',
  private: 'board.error.private',
  'not-visible': 'board.error.not-visible',
  invalid: 'board.error.invalid',
  refused: 'board.error.refused',
  'rate-limited': 'board.error.rate-limited',
  aborted: 'board.error.aborted',
};

export function failureText(lang: Lang, failure: Failure, keys: Readonly<Partial<Record<string, MessageKey>>>, fallback: MessageKey): string {
  const key = keys[failure.code] ?? (BOARD as Partial<Record<string, MessageKey>>)[failure.code] ?? fallback;
  const params = failure.params ?? {};
  const text = t(lang, key, params);
  const n = Number(params.leftBehind ?? 0);
  return n > 0 ? `${text} ${t(lang, 'board.error.leftBehind', { n })}` : text;
}
