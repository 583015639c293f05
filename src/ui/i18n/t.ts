/**
 * A tiny typed translator: `t('da', 'progress.count', { done: 3, total: 48 })`.
 * Keys are checked by the compiler; a missing parameter is left visible as `{name}`
 * so it shows up in review instead of silently vanishing.
 */
import type { Lang } from '../../core/lang.js';
import { da } from './da.js';
import { en, type MessageKey, type Messages } from './en.js';

export type { MessageKey } from './en.js';

export const MESSAGES: Record<Lang, Messages> = { da, en };

export type Params = Record<string, string | number>;

export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const template = MESSAGES[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : formatParam(lang, value);
  });
}

function formatParam(lang: Lang, value: string | number): string {
  return typeof value === 'number' ? value.toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB') : value;
}

/** Whether `key` is a message key (for keys built at run time, e.g. from error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
