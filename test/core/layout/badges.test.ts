import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BADGE_FILL, BADGE_TEXT_COLOUR, badgeRect, badgeText, contrastRatio, planBadge } from '../../../src/core/layout/badges.js';
import { shapeTextFits } from '../../../src/core/layout/text-metrics.js';
import { HEX_COLOUR, MIN_ITEM_SIZE } from '../../../src/core/miro-rules.js';

describe('vote badges', () => {
  it('say the count and the rank, tied ranks with "="', () => {
    expect(badgeText(3, 1, false)).toBe('3 · #1');
    expect(badgeText(3, 1, true)).toBe('3 · =1');
    expect(badgeText(12, 10, true)).toBe('12 · =10');
  });

  it('sit at the top-right corner of the target: right edges flush, rising a little above its top', () => {
    const target = { x: 100, y: 200, width: 199, height: 228 };
    const r = badgeRect(target, '3 · #1');
    expect(r.x + r.width).toBe(target.x + target.width);
    expect(r.y).toBeLessThan(target.y);
    expect(r.y + r.height).toBeGreaterThan(target.y);
    // Most of the badge lies on the target's top strip, not over its neighbours.
    expect(r.width).toBeLessThan(target.width);
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
