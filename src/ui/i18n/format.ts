/**
 * The machinery of a message table (the app's in src/ui/i18n, the sandbox's in its page):
 * `{name}` takes a parameter, numbers in the language's digits; a plural message picks its
 * form with Intl.PluralRules for the count it names, so "1 note" never reads "1 notes".
 */
import type { Lang } from '../../core/lang.js';

/** Wording that follows a count: the forms Danish and English have (CLDR `one` / `other`). */
export interface Plural {
  /** The parameter that decides the form. */
  readonly count: string;
  readonly one: string;
  readonly other: string;
}
export type Message = string | Plural;
export type Params = Record<string, string | number>;

export const LOCALES: Readonly<Record<Lang, string>> = { da: 'da-DK', en: 'en-GB' };
const RULES: Record<Lang, Intl.PluralRules> = { da: new Intl.PluralRules(LOCALES.da), en: new Intl.PluralRules(LOCALES.en) };

export function plural(count: string, one: string, other: string): Plural {
  return { count, one, other };
}

export function isPlural(message: Message): message is Plural {
  return typeof message !== 'string';
}

/** The form of `message` for `params`; a plural without its count number takes `other`. */
export function formOf(lang: Lang, message: Message, params?: Params): string {
  if (!isPlural(message)) return message;
  const n = params?.[message.count];
  return typeof n === 'number' && RULES[lang].select(n) === 'one' ? message.one : message.other;
}

/** A missing parameter stays visible as `{name}`, so it shows up in review. */
export function formatMessage(lang: Lang, message: Message, params?: Params): string {
  const template = formOf(lang, message, params);
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : typeof value === 'number' ? value.toLocaleString(LOCALES[lang]) : value;
  });
}
