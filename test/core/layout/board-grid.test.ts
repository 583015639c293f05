/**
 * A tidy board (issue 12): templates in agenda order on one row, left to right with a fixed
 * gap, never in a gap between other frames; a results frame beside its template. Property:
 * twelve templates and three results frames, inserted in any order around what else is on the
 * board, never overlap anything.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { overlaps, type Rect } from '../../../src/core/geometry.js';
import { agendaSlots, GRID_GAP, placeResults, placeTemplate, rowOrigin, rowSize, type SlotTemplate } from '../../../src/core/layout/board-grid.js';
import { RESULTS_WIDTH } from '../../../src/core/layout/results-frame.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';

/** Twelve templates: the catalogue's, and as many stand-ins as it lacks (one more poster). */
const TWELVE: SlotTemplate[] = [...TEMPLATES.map((t) => ({ id: t.id, order: t.order, frame: t.frame }))];
while (TWELVE.length < 12) TWELVE.push({ id: `extra-${TWELVE.length}`, order: 100 + TWELVE.length, frame: { width: 2400, height: 1600 } });

const VIEW: Rect = { x: -800, y: -500, width: 1600, height: 1000 };

type Step = { kind: 'template'; id: string } | { kind: 'results'; about: string | undefined; height: number };

/** Runs the steps as the app does (origin from what is placed, then the slot), returning what landed. */
function run(steps: readonly Step[], foreign: readonly Rect[]) {
  const slots = agendaSlots(TWELVE);
  const occupied: Rect[] = [...foreign];
  const templates: Array<{ id: string; rect: Rect }> = [];
  const results: Array<{ about: string | undefined; rect: Rect }> = [];
  for (const step of steps) {
    const origin = rowOrigin(slots, templates.map((t) => ({ templateId: t.id, rect: t.rect })), occupied, VIEW, rowSize(TWELVE));
    if (step.kind === 'template') {
      const size = TWELVE.find((t) => t.id === step.id)!.frame;
      const rect = placeTemplate(slots, origin, step.id, size, occupied);
      templates.push({ id: step.id, rect });
      occupied.push(rect);
    } else {
      const beside = templates.find((t) => t.id === step.about)?.rect;
      const rect = placeResults(slots, origin, beside, { width: RESULTS_WIDTH, height: step.height }, occupied);
      results.push({ about: beside ? step.about : undefined, rect });
      occupied.push(rect);
    }
  }
  return { templates, results, slots };
}

const rectArb = fc.record({ x: fc.integer({ min: -20000, max: 40000 }), y: fc.integer({ min: -8000, max: 8000 }), width: fc.integer({ min: 100, max: 4000 }), height: fc.integer({ min: 100, max: 4000 }) });

describe('the board grid', () => {
  it('puts the templates in agenda order, left to right, at one height, with a fixed gap between slots', () => {
    const reversed = [...TWELVE].reverse().map((t): Step => ({ kind: 'template', id: t.id }));
    const { templates, slots } = run(reversed, []);
    const byOrder = [...templates].sort((a, b) => TWELVE.find((t) => t.id === a.id)!.order - TWELVE.find((t) => t.id === b.id)!.order);
    for (let i = 1; i < byOrder.length; i++) {
      const prev = byOrder[i - 1]!;
      const cur = byOrder[i]!;
      expect(cur.rect.y).toBe(byOrder[0]!.rect.y);
      const prevSlot = slots.get(prev.id)!;
      expect(cur.rect.x - (prev.rect.x + prevSlot.width)).toBe(GRID_GAP);
    }
  });

  it('continues the row the facilitator began, wherever it is', () => {
    const slots = agendaSlots(TWELVE);
    const first = { templateId: TWELVE[3]!.id, rect: { x: 5000, y: 7000, ...TWELVE[3]!.frame } };
    const origin = rowOrigin(slots, [first], [first.rect], VIEW, rowSize(TWELVE));
    expect(placeTemplate(slots, origin, TWELVE[4]!.id, TWELVE[4]!.frame, [first.rect])).toMatchObject({ x: 5000 + slots.get(TWELVE[4]!.id)!.x - slots.get(TWELVE[3]!.id)!.x, y: 7000 });
  });

  it('puts a second copy below the first, and a results frame beside its template', () => {
    const id = TWELVE[2]!.id;
    const { templates, results } = run([{ kind: 'template', id }, { kind: 'template', id }, { kind: 'results', about: id, height: 900 }], []);
    expect(templates[1]!.rect.x).toBe(templates[0]!.rect.x);
    expect(templates[1]!.rect.y).toBeGreaterThanOrEqual(templates[0]!.rect.y + templates[0]!.rect.height + GRID_GAP);
    expect(results[0]!.rect.x).toBeGreaterThan(templates[0]!.rect.x + templates[0]!.rect.width);
    expect(results[0]!.rect.y).toBe(templates[0]!.rect.y);
  });

  it('property: 12 templates and 3 results frames in any order, around anything else on the board, never overlap', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(TWELVE.map((t) => t.id), { minLength: 12, maxLength: 12 }),
        fc.array(fc.record({ at: fc.nat(14), about: fc.option(fc.constantFrom(...TWELVE.map((t) => t.id)), { nil: undefined }), height: fc.integer({ min: 300, max: 2400 }) }), { minLength: 3, maxLength: 3 }),
        fc.array(rectArb, { maxLength: 6 }),
        (order, resultsAt, foreign) => {
          const steps: Step[] = order.map((id) => ({ kind: 'template', id }));
          for (const r of resultsAt) steps.splice(Math.min(r.at, steps.length), 0, { kind: 'results', about: r.about, height: r.height });
          const { templates, results, slots } = run(steps, foreign);
          const placed = [...templates.map((t) => t.rect), ...results.map((r) => r.rect)];
          expect(placed).toHaveLength(15);
          for (let i = 0; i < placed.length; i++) {
            for (const f of foreign) expect(overlaps(placed[i]!, f)).toBe(false);
            for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i]!, placed[j]!), `${i} and ${j}`).toBe(false);
          }
          // Agenda order left to right: each template's slot lies right of the earlier one's.
          const xs = TWELVE.map((t) => templates.find((p) => p.id === t.id)!.rect.x);
          for (let i = 1; i < xs.length; i++) expect(xs[i]!).toBeGreaterThan(xs[i - 1]!);
          // A results frame stands right of its template, inside that template's slot.
          for (const r of results) {
            if (!r.about) continue;
            const t = templates.find((p) => p.id === r.about)!;
            expect(r.rect.x).toBeGreaterThan(t.rect.x + t.rect.width);
            expect(r.rect.x + r.rect.width).toBeLessThanOrEqual(t.rect.x + slots.get(r.about)!.width);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
