/**
 * Why an insertion failed, as data the panel can show: a `code` and `params` it words
 * (src/ui/i18n/board-words.ts), the phase and element where it happened, the SDK's own
 * error as `cause`, and what the rollback removed.
 */

import type { InsertionErrorCode } from '../core/failures.js';

export type { InsertionErrorCode } from '../core/failures.js';

export type InsertionPhase = 'validate' | 'place' | 'create' | 'attach' | 'mark';

export interface InsertionErrorParams {
  /** The template element id that failed, or '' when none. */
  element: string;
  /** How many created items were removed again. */
  removed: number;
  /** How many created items could not be removed (left on the board, marked). */
  leftBehind: number;
}

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
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  if (typeof cause === 'object' && cause !== null && 'message' in cause) return String((cause as { message: unknown }).message);
  return String(cause);
}
