/**
 * The pulse's aggregation as a property over any set of answers: reverse items scored 8 − x,
 * means and distributions that add up, the overall mean the mean of the respondents' scale
 * scores, and nothing at all below k, by either path (answers, or the scored counts the
 * server publishes).
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  aggregateCounts, aggregatePulse, comparePulses, PULSE_REVERSED, scoredCounts, scoreOf,
} from '../../../src/core/session/pulse-aggregate.js';

const answer = fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 7, maxLength: 7 });
const answers = fc.array(answer, { minLength: 0, maxLength: 40 });
const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

describe('pulse aggregation (property)', () => {
  it('the reverse items are the seed’s: 1, 3 and 5', () => {
    const seed = JSON.parse(readFileSync('seed/content.json', 'utf8')) as { edmondson_scale: { items: { n: number; reverse: boolean }[] } };
    expect(seed.edmondson_scale.items.filter((i) => i.reverse).map((i) => i.n)).toEqual([...PULSE_REVERSED]);
    expect(seed.edmondson_scale.items).toHaveLength(7);
  });

  it('scores, means, distributions and the overall mean follow from the answers; nothing below k', () => {
    fc.assert(
      fc.property(answers, fc.integer({ min: 1, max: 12 }), (as, k) => {
        const agg = aggregatePulse(as, k);
        const viaCounts = aggregateCounts(scoredCounts(as), as.length, k);
        if (as.length < k) {
          expect(agg).toBeNull();
          expect(viaCounts).toBeNull();
          return;
        }
        expect(agg).not.toBeNull();
        expect(viaCounts).toEqual(agg);
        expect(agg!.respondents).toBe(as.length);
        for (const it of agg!.items) {
          const reverse = PULSE_REVERSED.includes(it.item);
          expect(it.reverse).toBe(reverse);
          const scored = as.map((a) => (reverse ? 8 - a[it.item - 1]! : a[it.item - 1]!));
          expect(close(it.mean, scored.reduce((x, y) => x + y, 0) / as.length)).toBe(true);
          expect(it.distribution.reduce((x, y) => x + y, 0)).toBe(as.length);
          for (let s = 1; s <= 7; s++) expect(it.distribution[s - 1]).toBe(scored.filter((x) => x === s).length);
        }
        const personMeans = as.map((a) => a.reduce((sum, x, i) => sum + scoreOf(i + 1, x), 0) / 7);
        expect(close(agg!.overall.mean, personMeans.reduce((x, y) => x + y, 0) / as.length)).toBe(true);
        expect(agg!.overall.distribution.reduce((x, y) => x + y, 0)).toBe(7 * as.length);
      }),
    );
  });

  it('a fully agreeing respondent scores 1 on the reverse items and 7 on the rest', () => {
    const agg = aggregatePulse(Array.from({ length: 5 }, () => [7, 7, 7, 7, 7, 7, 7]), 5)!;
    expect(agg.items.map((i) => i.mean)).toEqual([1, 7, 1, 7, 1, 7, 7]);
  });

  it('counts that do not add up to one answer per respondent and item are no aggregate', () => {
    fc.assert(
      fc.property(answers.filter((a) => a.length >= 3), fc.integer({ min: 0, max: 48 }), (as, at) => {
        const counts = scoredCounts(as);
        counts[at]! += 1;
        expect(aggregateCounts(counts, as.length, 1)).toBeNull();
      }),
    );
  });

  it('the change per item is after − before, and an unchanged team shows no change', () => {
    fc.assert(
      fc.property(answers.filter((a) => a.length >= 1), answers.filter((a) => a.length >= 1), (a, b) => {
        const before = aggregatePulse(a, 1)!;
        const after = aggregatePulse(b, 1)!;
        const rows = comparePulses(before, after);
        expect(rows).toHaveLength(8);
        rows.slice(0, 7).forEach((r, i) => expect(close(r.change, after.items[i]!.mean - before.items[i]!.mean)).toBe(true));
        expect(comparePulses(before, before).every((r) => r.change === 0)).toBe(true);
      }),
    );
  });
});
