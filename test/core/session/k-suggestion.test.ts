import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FEW_PRESENT, suggestK } from '../../../src/core/session/k-suggestion.js';
import { ROUND_DEFAULTS } from '../../../src/core/session/schema.js';

describe('a k that fits the team', () => {
  it('follows the number present: all of a very small team, about 60 % of a mid-sized one, 10 of a big one', () => {
    expect([1, 2, 3, 4, 5, 6, 8, 10, 15, 16, 17, 40, 100].map(suggestK)).toEqual([1, 2, 3, 3, 3, 4, 5, 6, 9, 10, 10, 10, 10]);
    expect(FEW_PRESENT).toBe(5);
  });

  it('never above those present (or a result could never show), never below the default once the team has it, and whole', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), (n) => {
      const k = suggestK(n);
      expect(Number.isInteger(k)).toBe(true);
      expect(k).toBeLessThanOrEqual(n);
      expect(k).toBeGreaterThanOrEqual(Math.min(n, ROUND_DEFAULTS.k));
      expect(suggestK(n + 1)).toBeGreaterThanOrEqual(k);
    }));
  });

  it('an unknown count gives the default', () => {
    for (const n of [0, -1, NaN, Infinity]) expect(suggestK(n)).toBe(ROUND_DEFAULTS.k);
  });
});
