import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { contains, overlaps, type Rect } from '../../../src/core/geometry.js';
import {
  CLUSTER_LABEL_FILL, CLUSTER_LABEL_TEXT_COLOUR, planClusterArea, type ClusterAreaPlan,
} from '../../../src/core/layout/cluster-area.js';
import { contrastRatio } from '../../../src/core/layout/badges.js';
import { shapeTextFits } from '../../../src/core/layout/text-metrics.js';

const note = (id: string, x: number, y: number, width = 200): { id: string; rect: Rect } => ({ id, rect: { x, y, width, height: width * (228 / 199) } });

/** The plan's own invariants: notes inside the area under the label, no two overlapping, sizes kept. */
function expectTidy(plan: ClusterAreaPlan, input: Array<{ id: string; rect: Rect }>) {
  expect(plan.notes.map((n) => n.id)).toEqual(input.map((n) => n.id));
  plan.notes.forEach((n, i) => {
    expect(n.rect.width).toBe(input[i]!.rect.width);
    expect(n.rect.height).toBe(input[i]!.rect.height);
    expect(contains(plan.area, n.rect, 1e-6)).toBe(true);
    expect(overlaps(n.rect, plan.label.rect)).toBe(false);
    for (const m of plan.notes.slice(i + 1)) expect(overlaps(n.rect, m.rect)).toBe(false);
  });
  expect(contains(plan.area, plan.label.rect, 1e-6)).toBe(true);
  expect(shapeTextFits(plan.label.text, plan.label.fontSize, 'rectangle', plan.label.rect.width, plan.label.rect.height)).toBe(true);
}

describe('planClusterArea', () => {
  it('tidies five scattered notes into a labelled grid where they were', () => {
    const input = [note('a', 0, 0), note('b', 500, 40), note('c', 90, 400), note('d', 620, 380), note('e', 300, 200)];
    const plan = planClusterArea({ notes: input, label: 'Arbejdspres' });
    expectTidy(plan, input);
    expect(plan.columns).toBe(3);
    // Centred where the notes were.
    expect(plan.area.x + plan.area.width / 2).toBeCloseTo(410, 6);
    expect(plan.label.content).toBe('<p>Arbejdspres</p>');
    // Reading order is kept: a (top-left) first, e next to b in the first row.
    const at = (id: string) => plan.notes.find((n) => n.id === id)!.rect;
    expect(at('a').x).toBeLessThan(at('e').x);
    expect(at('a').y).toBeLessThan(at('c').y);
  });

  it('keeps clear of obstacles and inside the bounds, narrowing the grid to fit them', () => {
    const bounds = { x: 0, y: 0, width: 560, height: 1400 };
    const input = [note('a', 20, 100), note('b', 300, 100), note('c', 20, 400), note('d', 300, 400)];
    const blocker = { x: 0, y: 0, width: 560, height: 300 };
    const plan = planClusterArea({ notes: input, label: 'Tid', obstacles: [blocker], bounds });
    expectTidy(plan, input);
    expect(plan.insideBounds).toBe(true);
    expect(contains(bounds, plan.area)).toBe(true);
    expect(overlaps(plan.area, blocker)).toBe(false);
    expect(plan.columns).toBe(2);
  });

  it('leaves the bounds when nothing fits inside, and says so', () => {
    const bounds = { x: 0, y: 0, width: 600, height: 300 };
    const input = [note('a', 20, 20), note('b', 300, 20), note('c', 20, 60)];
    const plan = planClusterArea({ notes: input, label: 'Tre', bounds });
    expectTidy(plan, input);
    expect(plan.insideBounds).toBe(false);
  });

  it('a long label wraps and the area grows to hold it', () => {
    const label = 'Det vi ikke taler nok om: arbejdspres, konflikter i teamet og usikkerhed om fremtiden';
    const plan = planClusterArea({ notes: [note('a', 0, 0)], label });
    expectTidy(plan, [note('a', 0, 0)]);
    expect(plan.label.rect.height).toBeGreaterThan(100);
  });

  it('never overlaps an obstacle, whatever the notes and obstacles (property)', () => {
    const rect = fc.record({ x: fc.integer({ min: -2000, max: 2000 }), y: fc.integer({ min: -2000, max: 2000 }), width: fc.integer({ min: 20, max: 800 }), height: fc.integer({ min: 20, max: 800 }) });
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }), w: fc.constantFrom(120, 200, 350) }), { minLength: 1, maxLength: 12 }),
        fc.array(rect, { maxLength: 25 }),
        fc.option(fc.record({ x: fc.integer({ min: -2000, max: 0 }), y: fc.integer({ min: -2000, max: 0 }), width: fc.integer({ min: 300, max: 4000 }), height: fc.integer({ min: 300, max: 4000 }) })),
        (ns, obstacles, bounds) => {
          const input = ns.map((n, i) => note(`n${i}`, n.x, n.y, n.w));
          const plan = planClusterArea({ notes: input, label: 'Gruppe', obstacles, bounds });
          expectTidy(plan, input);
          for (const o of obstacles) expect(overlaps(plan.area, o)).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('goes inside the bounds whenever its size fits there and nothing is in the way, and says when it could not (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }), w: fc.constantFrom(120, 200, 350) }), { minLength: 1, maxLength: 12 }),
        fc.record({ x: fc.integer({ min: -3000, max: 0 }), y: fc.integer({ min: -3000, max: 0 }), width: fc.integer({ min: 300, max: 4000 }), height: fc.integer({ min: 300, max: 4000 }) }),
        (ns, bounds) => {
          const input = ns.map((n, i) => note(`n${i}`, n.x, n.y, n.w));
          const plan = planClusterArea({ notes: input, label: 'Gruppe', bounds });
          const fits = plan.area.width <= bounds.width && plan.area.height <= bounds.height;
          const inside = plan.area.x >= bounds.x - 1e-6 && plan.area.y >= bounds.y - 1e-6
            && plan.area.x + plan.area.width <= bounds.x + bounds.width + 1e-6 && plan.area.y + plan.area.height <= bounds.y + bounds.height + 1e-6;
          expect(inside).toBe(fits);
          expect(plan.insideBounds).toBe(inside);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('finds room on a crowded board (600 stickies around), clear of all of them', () => {
    const crowd: Rect[] = [];
    for (let i = 0; i < 30; i++) for (let j = 0; j < 20; j++) if (!(i >= 12 && i < 16 && j >= 8 && j < 12)) crowd.push({ x: i * 260, y: j * 280, width: 200, height: 229 });
    const input = [note('a', 3000, 2500), note('b', 3300, 2500), note('c', 3000, 2800)];
    const plan = planClusterArea({ notes: input, label: 'Midt i', obstacles: crowd });
    expectTidy(plan, input);
    for (const o of crowd) expect(overlaps(plan.area, o)).toBe(false);
    // The hole in the middle of the crowd is where it goes.
    expect(contains({ x: 12 * 260 - 60, y: 8 * 280 - 51, width: 4 * 260 + 60, height: 4 * 280 + 51 }, plan.area)).toBe(true);
  });

  it('labels are readable', () => {
    expect(contrastRatio(CLUSTER_LABEL_FILL, CLUSTER_LABEL_TEXT_COLOUR)).toBeGreaterThanOrEqual(4.5);
  });
});
