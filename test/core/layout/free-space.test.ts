import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centre, overlaps, type Rect } from '../../../src/core/geometry.js';
import { findFreeSpot } from '../../../src/core/layout/free-space.js';

const rect = fc.record({
  x: fc.integer({ min: -20_000, max: 20_000 }),
  y: fc.integer({ min: -20_000, max: 20_000 }),
  width: fc.integer({ min: 8, max: 6_000 }),
  height: fc.integer({ min: 8, max: 6_000 }),
});
const grow = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by });

describe('findFreeSpot', () => {
  it('takes the view centre when it is free', () => {
    const spot = findFreeSpot([], { x: 0, y: 0, width: 1000, height: 800 }, { width: 400, height: 200 });
    expect(spot).toEqual({ x: 300, y: 300, width: 400, height: 200 });
  });

  it('moves off an occupied centre to a nearby spot, and keeps the gap', () => {
    const occupied = [{ x: 0, y: 0, width: 1000, height: 800 }];
    const spot = findFreeSpot(occupied, { x: 0, y: 0, width: 1000, height: 800 }, { width: 400, height: 200 }, 100);
    expect(overlaps(grow(occupied[0]!, 100), spot)).toBe(false);
    expect(Math.hypot(centre(spot).x - 500, centre(spot).y - 400)).toBeLessThan(1500);
  });

  it('never overlaps an occupied rect (nor its gap), and is deterministic', () => {
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 40 }),
        rect,
        fc.record({ width: fc.integer({ min: 100, max: 8_000 }), height: fc.integer({ min: 100, max: 8_000 }) }),
        fc.integer({ min: 0, max: 400 }),
        (occupied, viewport, size, gap) => {
          const spot = findFreeSpot(occupied, viewport, size, gap);
          expect(spot.width).toBe(size.width);
          expect(spot.height).toBe(size.height);
          for (const r of occupied) expect(overlaps(grow(r, gap), spot)).toBe(false);
          expect(findFreeSpot(occupied, viewport, size, gap)).toEqual(spot);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('falls back beside everything when the whole neighbourhood is taken', () => {
    const wall = { x: -500_000, y: -500_000, width: 1_000_000, height: 1_000_000 };
    const spot = findFreeSpot([wall], { x: 0, y: 0, width: 100, height: 100 }, { width: 300, height: 300 });
    expect(overlaps(grow(wall, 200), spot)).toBe(false);
    expect(spot.x).toBeGreaterThan(500_000);
  });
});
