/**
 * Why an insertion failed, as data the panel can show: a `code` and `params` it translates
 * (the texts are here, in both languages, so the UI's i18n can reuse them), the phase and
 * element where it happened, the SDK's own error as `cause`, and what the rollback removed.
 */
import type { Bilingual, Lang } from '../core/lang.js';

export type InsertionErrorCode =
  /** Miro refused a call for a reason other than the rate limit. */
  | 'refused'
  /** Miro kept saying "rate limit" after every retry. */
  | 'rate-limited'
  /** The user (or the app) cancelled. */
  | 'aborted'
  /** No free spot for the frame could be found. */
  | 'no-space'
  /** The layout cannot be inserted as it is (a bug upstream, not the board). */
  | 'invalid-layout';

export type InsertionPhase = 'validate' | 'place' | 'create' | 'attach' | 'mark';

export interface InsertionErrorParams {
  /** The template element id that failed, or '' when none. */
  element: string;
  /** How many created items were removed again. */
  removed: number;
  /** How many created items could not be removed (left on the board, marked). */
  leftBehind: number;
}

export const INSERTION_MESSAGES: Record<InsertionErrorCode, Bilingual> = {
  refused: {
    // Plain words for the facilitator; the element id stays on the error (elementId, message) for developers.
    da: 'Miro afviste en del af skabelonen. Intet er indsat. Tjek at du kan redigere boardet, og prøv igen.',
    en: 'Miro refused part of the template. Nothing was inserted. Check that you can edit the board, and try again.',
  },
  'rate-limited': {
    da: 'Miro beder appen vente: for mange kald lige nu. Intet er indsat. Vent et minut, og prøv igen.',
    en: 'Miro asks the app to wait: too many calls right now. Nothing was inserted. Wait a minute, and try again.',
  },
  aborted: {
    da: 'Indsættelsen blev annulleret. Intet er indsat.',
    en: 'The insertion was cancelled. Nothing was inserted.',
  },
  'no-space': {
    da: 'Der var ikke plads på boardet til skabelonen. Intet er indsat. Flyt visningen til et tomt område, og prøv igen.',
    en: 'There was no room on the board for the template. Nothing was inserted. Move the view to an empty area, and try again.',
  },
  'invalid-layout': {
    da: 'Skabelonen kunne ikke lægges ud (elementet »{element}«). Intet er indsat. Meld venligst fejlen.',
    en: 'The template could not be laid out (element “{element}”). Nothing was inserted. Please report the fault.',
  },
};

/** Replaces "Nothing was inserted" when the rollback could not remove everything. */
export const LEFT_BEHIND_MESSAGE: Bilingual = {
  da: '{leftBehind} elementer kunne ikke fjernes igen; de ligger i skabelonens ramme og kan slettes med hånden.',
  en: '{leftBehind} items could not be removed again; they are in the template’s frame and can be deleted by hand.',
};

export class InsertionError extends Error {
  override readonly name = 'InsertionError';
  constructor(
    readonly code: InsertionErrorCode,
    readonly phase: InsertionPhase,
    readonly insertionId: string,
    readonly elementId: string | null,
    override readonly cause: unknown,
    /** Items the rollback removed. */
    readonly removed = 0,
    /** Board ids of created items the rollback could not remove. */
    readonly leftBehind: readonly string[] = [],
  ) {
    super(`${code} in ${phase}${elementId ? ` of "${elementId}"` : ''}: ${describeCause(cause)}`);
  }

  get params(): InsertionErrorParams {
    return { element: this.elementId ?? '', removed: this.removed, leftBehind: this.leftBehind.length };
  }

  /** The user-facing text in `lang`. */
  textIn(lang: Lang): string {
    return insertionErrorText(this.code, this.params, lang);
  }
}

export function insertionErrorText(code: InsertionErrorCode, params: InsertionErrorParams, lang: Lang): string {
  let text = fill(INSERTION_MESSAGES[code][lang], params);
  if (params.leftBehind > 0) {
    const nothing = lang === 'da' ? 'Intet er indsat.' : 'Nothing was inserted.';
    text = text.replace(nothing, fill(LEFT_BEHIND_MESSAGE[lang], params));
  }
  return text;
}

function fill(template: string, params: InsertionErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k as keyof InsertionErrorParams]) : m));
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause) return String((cause as { message: unknown }).message);
  return String(cause);
}
