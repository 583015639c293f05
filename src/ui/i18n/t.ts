/**
 * A tiny typed translator: `t('da', 'progress.count', { done: 3, total: 48 })`.
 * Keys are checked by the compiler (a key built at run time is a template literal over a
 * union the tables cover, never a cast); plural messages pick their form (format.ts).
 */
import type { Lang } from '../../core/lang.js';
import { da } from './da.js';
import { en, type MessageKey, type Messages } from './en.js';
import { formatMessage, type Params } from './format.js';

export type { MessageKey } from './en.js';
export type { Params } from './format.js';

export const MESSAGES: Record<Lang, Messages> = { da, en };

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  return formatMessage(lang, MESSAGES[lang][key], params);
}
