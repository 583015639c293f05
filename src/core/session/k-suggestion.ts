/**
 * A k that fits the team: how many must have voted before a round's totals are shown. With
 * few people, totals can tie votes to people (a unanimous result, one vote on an item);
 * k hides them until enough have voted, but never more than are present, or no result would
 * ever show. The suggestion: about 60 % of those present, at least 3 (the default), at most 10
 * (past that, one more voter hides no one better), never more than are present.
 */
import { ROUND_DEFAULTS } from './schema.js';

/** Below this many present, the round form warns that totals may reveal individual votes. */
export const FEW_PRESENT = 5;
const MAX_SUGGESTED = 10;

export function suggestK(present: number): number {
  if (!Number.isFinite(present) || present < 1) return ROUND_DEFAULTS.k;
  const n = Math.floor(present);
  return Math.min(n, Math.max(ROUND_DEFAULTS.k, Math.min(MAX_SUGGESTED, Math.ceil(n * 0.6))));
}
