/**
 * Which language the panel speaks. Miro's locale has no Danish, so the browser decides
 * (da* → da, else en) until the user picks one with the switch; that choice is kept.
 */
import type { Lang } from '../../core/lang.js';

export const LANG_STORAGE_KEY = 'tryghed.lang';

export function langFromBrowser(languages: readonly string[]): Lang {
  const first = languages.find((l) => l.trim() !== '');
  return first !== undefined && first.toLowerCase().startsWith('da') ? 'da' : 'en';
}

/** Storage may be missing or throw (private mode, sandboxed iframe): then nothing is remembered. */
export function loadLang(storage: Pick<Storage, 'getItem'> | undefined, languages: readonly string[]): Lang {
  try {
    const saved = storage?.getItem(LANG_STORAGE_KEY);
    if (saved === 'da' || saved === 'en') return saved;
  } catch {
    /* fall through to the browser's language */
  }
  return langFromBrowser(languages);
}

export function saveLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang): void {
  try {
    storage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* not remembered; the switch still works for this session */
  }
}

/** `navigator.language` is the user's first choice (and what the browser test sets). */
export function browserLanguages(): string[] {
  return typeof navigator === 'undefined' ? [] : [navigator.language];
}
