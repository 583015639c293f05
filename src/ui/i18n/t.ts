/**
 * A tiny typed translator: `t('da', 'progress.count', { done: 3, total: 48 })`.
 * Keys are checked by the compiler (a key built at run time is a template literal over a
 * union the tables cover, never a cast); plural messages pick their form (format.ts).
 */
import { LANGS, type Lang } from '../../core/lang.js';
import { da } from './da.js';
import { en, type MessageKey, type Messages } from './en.js';
import { formatMessage, type Params } from './format.js';

export type { MessageKey } from './en.js';
export type { Params } from './format.js';

/**
 * Each language's strings: the first paint's from the start, the session's added as it opens
 * (session-words.ts, one language at a time) and by the panels' chunk (session-strings.ts),
 * which the first paint does not load.
 */
const MESSAGES: Record<Lang, Partial<Messages>> = { da: { ...da }, en: { ...en } };

export function addMessages(tables: Partial<Record<Lang, Partial<Messages>>>): void {
  for (const lang of LANGS) Object.assign(MESSAGES[lang], tables[lang]);
}

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const message = MESSAGES[lang][key];
  // A session key asked for before the session's strings loaded shows as itself, not a throw.
  return message === undefined ? key : formatMessage(lang, message, params);
}
