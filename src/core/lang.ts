/** The two languages every user-facing string exists in. */
export type Lang = 'da' | 'en';
export const LANGS: readonly Lang[] = ['da', 'en'];

/** A string in both languages. Danish is the deck's own wording, verbatim. */
export interface Bilingual {
  da: string;
  en: string;
}

export function pick(text: Bilingual, lang: Lang): string {
  return text[lang];
}
