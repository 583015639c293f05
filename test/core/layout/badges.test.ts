import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BADGE_FILL, BADGE_TEXT_COLOUR, badgeRect, badgeText, contrastRatio, planBadge } from '../../../src/core/layout/badges.js';
import { shapeTextFits } from '../../../src/core/layout/text-metrics.js';
import { HEX_COLOUR, MIN_ITEM_SIZE } from '../../../src/core/miro-rules.js';
import { overlaps } from '../../../src/core/geometry.js';

describe('vote badges', () => {
  it('say the count and the rank, tied ranks with "="', () => {
    expect(badgeText(3, 1, false)).toBe('3 · #1');
    expect(badgeText(3, 1, true)).toBe('3 · =1');
    expect(badgeText(12, 10, true)).toBe('12 · =10');
  });

  it('sit above the target’s right end, right edges flush, clear of the target (its text may fill it)', () => {
    const target = { x: 100, y: 200, width: 199, height: 228 };
    const r = badgeRect(target, '3 · #1');
    expect(r.x + r.width).toBe(target.x + target.width);
    expect(r.y + r.height).toBeLessThan(target.y);
    expect(overlaps(r, target)).toBe(false);
  });

  it('move to the right, the left or below when a neighbour is above, and above when nothing is free', () => {
    const target = { x: 0, y: 0, width: 200, height: 229 };
    const above = { x: 0, y: -260, width: 200, height: 229 };
    const right = { x: 224, y: 0, width: 200, height: 229 };
    const left = { x: -224, y: 0, width: 200, height: 229 };
    const below = { x: 0, y: 253, width: 200, height: 229 };
    const r1 = badgeRect(target, '2 · #1', [above]);
    expect(r1.x).toBeGreaterThanOrEqual(200);
    const r2 = badgeRect(target, '2 · #1', [above, right]);
    expect(r2.x + r2.width).toBeLessThanOrEqual(0);
    const r3 = badgeRect(target, '2 · #1', [above, right, left]);
    expect(r3.y).toBeGreaterThanOrEqual(229);
    const r4 = badgeRect(target, '2 · #1', [above, right, left, below]);
    expect(r4).toEqual(badgeRect(target, '2 · #1'));
  });

  it('property: never over the target; over no neighbour whenever some side is free', () => {
    const rect = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), width: fc.integer({ min: 8, max: 600 }), height: fc.integer({ min: 8, max: 600 }) });
    fc.assert(
      fc.property(rect, fc.array(rect, { maxLength: 12 }), fc.integer({ min: 0, max: 999 }), (target, others, votes) => {
        const neighbours = others.filter((o) => !overlaps(o, target));
        const text = badgeText(votes, 1, false);
        const r = badgeRect(target, text, neighbours);
        expect(overlaps(r, target)).toBe(false);
        const { width, height } = r;
        const sides = [
          { x: target.x + target.width - width, y: target.y - 6 - height, width, height },
          { x: target.x + target.width + 6, y: target.y, width, height },
          { x: target.x - 6 - width, y: target.y, width, height },
          { x: target.x + target.width - width, y: target.y + target.height + 6, width, height },
        ];
        if (sides.some((s) => !neighbours.some((n) => overlaps(s, n)))) expect(neighbours.some((n) => overlaps(r, n))).toBe(false);
      }),
    );
  });

  it('hold their text by the estimate, at a legal size, with readable contrast', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 999 }), fc.boolean(), (votes, rank, tied) => {
        const b = planBadge('n1', { x: 0, y: 0, width: 200, height: 229 }, { votes, rank, tied });
        expect(shapeTextFits(b.text, b.fontSize, 'rectangle', b.rect.width, b.rect.height)).toBe(true);
        expect(b.rect.width).toBeGreaterThanOrEqual(MIN_ITEM_SIZE);
        expect(b.rect.height).toBeGreaterThanOrEqual(MIN_ITEM_SIZE);
      }),
    );
    expect(BADGE_FILL).toMatch(HEX_COLOUR);
    expect(BADGE_TEXT_COLOUR).toMatch(HEX_COLOUR);
    expect(contrastRatio(BADGE_FILL, BADGE_TEXT_COLOUR)).toBeGreaterThanOrEqual(4.5);
  });

  it('contrastRatio matches WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });
});
