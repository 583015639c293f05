/**
 * The one interface of theme suggestion: notes in, themes out. The panel, the command line
 * and the benchmark use only this, so a stronger engine (an embedding model, say) can take
 * the lexical one's place without touching them.
 */
import type { Lang } from '../core/lang.js';

export interface SuggestNote {
  id: string;
  /** The sticky's content: plain text or Miro's HTML (p, br, strong…). */
  text: string;
}

export interface SuggestedTheme {
  /** A short name from the theme's most telling terms. */
  name: string;
  /** Note ids, sorted. */
  ids: string[];
}

export interface Suggestion {
  /** Largest first; ties by first id. */
  themes: SuggestedTheme[];
  /** Notes like no other: left alone rather than forced into a theme. Sorted. */
  alone: string[];
}

/** A deck item a note may belong to (a strain, an area, a warning sign…). */
export interface Category {
  /** The seed id: b1, p3, a8, t12, s4, u8… */
  id: string;
  text: { da: string; en: string };
}

export interface CategoryGuess {
  categoryId: string;
  /** 0–1; a guess is only made at or above the engine's threshold. */
  confidence: number;
}

export interface SuggestOptions {
  /** The language theme names are given in where a concept names them. Default 'da'. */
  lang?: Lang;
  /** The template's deck items, when the notes were written in one that has them. */
  categories?: readonly Category[];
}

export interface SuggestResult extends Suggestion {
  /** Per note id, its likely deck item; absent below the threshold or without categories. */
  categories: Record<string, CategoryGuess>;
}

export interface ThemeEngine {
  /** Same notes (in any order) → same result. Throws SuggestInputError on a bad note. */
  suggest(notes: readonly SuggestNote[], options?: SuggestOptions): SuggestResult;
}

export class SuggestInputError extends Error {
  constructor(
    /** Which entry is wrong: "[3].text", "[5].id"… */
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'SuggestInputError';
  }
}
