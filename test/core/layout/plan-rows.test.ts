/**
 * The P-IGLO plan on the board (issue 12): one row per initiative in its layer, room for four
 * a layer before it grows; a grown layer moves what is below it. For 0, 1, 4 and 12 rows a
 * layer, in both languages, and over random counts: every item inside the frame, nothing
 * overlapping (but a background holding what is drawn on it), every row in its own layer's
 * rows area, and the cells' text at a readable size.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contains, overlaps } from '../../../src/core/geometry.js';
import { LANGS } from '../../../src/core/lang.js';
import {
  layoutPlanBoard, PLAN_CELLS, PLAN_ROW_STEP, PLAN_ROWS_MIN, planGrowth, rowsElementId, type PlanCell, type PlanRow,
} from '../../../src/core/layout/plan-rows.js';
import { stickyFontSize } from '../../../src/core/layout/text-metrics.js';
import type { Layout, PlannedItem, PlannedSticky } from '../../../src/core/layout/types.js';
import { PLAN_LAYERS, type PlanLayer } from '../../../src/core/session/schema.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';

const template = TEMPLATES.find((t) => t.id === 'p-iglo')!;
const AT = { x: -500, y: 1200 };

const textOf = (html: string): string => html.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '');
/** Cells as a team writes them: a sentence for the initiative, a name, dates, a short method. */
const CELLS: Record<PlanCell, string> = {
  text: 'Vi tager arbejdspresset op som fast punkt på hvert ledermøde',
  owner: 'Mette Sørensen',
  deadline: '2026-03-01',
  preparedness: 'Ja',
  followUp: '2026-06-01 · Pulsmåling i teamet',
};

function rows(perLayer: Partial<Record<PlanLayer, number>>): PlanRow[] {
  return PLAN_LAYERS.flatMap((layer) => Array.from({ length: perLayer[layer] ?? 0 }, (_, i) => ({ id: `${layer}${i}`, layer, cells: CELLS })));
}

const isBackground = (item: PlannedItem): boolean => item.kind === 'shape' && (item.zone === true || item.content === '');
const cellsOf = (layout: Layout) => layout.items.filter((i): i is PlannedSticky => i.kind === 'sticky' && i.elementId.startsWith('plan:'));

function expectSound(layout: Layout, given: PlanRow[]): void {
  const children = layout.items.slice(1);
  for (const item of children) expect(contains(layout.frame, item.rect), `${item.elementId} outside the frame`).toBe(true);
  for (let i = 0; i < children.length; i++) {
    for (let j = i + 1; j < children.length; j++) {
      const a = children[i]!;
      const b = children[j]!;
      if (overlaps(a.rect, b.rect)) expect(isBackground(a) && contains(a.rect, b.rect), `${a.elementId} overlaps ${b.elementId}`).toBe(true);
    }
  }
  // Each row's cells in its own layer's rows area, side by side on one line, in the column order.
  const byId = new Map(children.map((i) => [i.elementId, i]));
  const cells = cellsOf(layout);
  expect(cells).toHaveLength(given.length * PLAN_CELLS.length);
  for (const row of given) {
    const area = byId.get(rowsElementId(row.layer))!.rect;
    const mine = PLAN_CELLS.map((c) => byId.get(`plan:${row.id}:${c}`)!);
    for (const cell of mine) expect(contains(area, cell.rect), `${cell.elementId} outside ${rowsElementId(row.layer)}`).toBe(true);
    expect(new Set(mine.map((c) => c.rect.y)).size).toBe(1);
    expect(mine.map((c) => c.rect.x)).toEqual([...mine.map((c) => c.rect.x)].sort((a, b) => a - b));
  }
}

describe.each(LANGS)('the plan rows (%s)', (lang) => {
  it.each([0, 1, 4, 12])('%i rows a layer: inside the frame, no overlap, each in its layer', (n) => {
    const given = rows({ P: n, O: n, L: n, G: n, I: n });
    expectSound(layoutPlanBoard(template, lang, AT, given), given);
  });

  it('keeps the frame as inserted up to four rows a layer, and grows by whole lines after', () => {
    for (const n of [0, 1, PLAN_ROWS_MIN]) expect(layoutPlanBoard(template, lang, AT, rows({ P: n, G: n })).frame.height).toBe(template.frame.height);
    const grown = layoutPlanBoard(template, lang, AT, rows({ P: 12 }));
    // 12 rows are six lines of two; four rows were two lines.
    expect(grown.frame.height - template.frame.height).toBe(4 * PLAN_ROW_STEP);
    const before = layoutPlanBoard(template, lang, AT, []);
    const y = (l: Layout, id: string) => l.items.find((i) => i.elementId === id)!.rect.y;
    // What is below P moves down by as much; what is above it stays.
    for (const id of ['band-o', 'layer-i-prompt', 'rows-g', 'interplay-prompt']) expect(y(grown, id) - y(before, id), id).toBe(4 * PLAN_ROW_STEP);
    for (const id of ['title', 'band-p', 'layer-p', 'rows-p', 'column-initiative']) expect(y(grown, id), id).toBe(y(before, id));
  });

  it('sets the cells’ text at 24 or more, a column heading at 44', () => {
    const layout = layoutPlanBoard(template, lang, AT, rows({ P: 12, L: 1 }));
    for (const cell of cellsOf(layout)) {
      expect(stickyFontSize(textOf(cell.content), cell.rect.width, cell.rect.height), cell.elementId).toBeGreaterThanOrEqual(24);
    }
    for (const item of layout.items) if (item.kind === 'text' && item.elementId.startsWith('column-')) expect(item.fontSize).toBeGreaterThanOrEqual(44);
  });
});

describe('the plan rows over any counts', () => {
  it('stay sound and grow only the layers that need it', () => {
    const count = fc.integer({ min: 0, max: 15 });
    fc.assert(
      fc.property(fc.record({ P: count, O: count, L: count, G: count, I: count }), fc.constantFrom(...LANGS), (perLayer, lang) => {
        const given = rows(perLayer);
        const layout = layoutPlanBoard(template, lang, AT, given);
        expectSound(layout, given);
        const growth = planGrowth(template, perLayer);
        for (const l of PLAN_LAYERS) {
          const lines = Math.ceil(Math.max(perLayer[l], PLAN_ROWS_MIN) / 2);
          expect(growth.rows[l].height).toBe(growth.rows.P.height - Math.ceil(Math.max(perLayer.P, PLAN_ROWS_MIN) / 2) * PLAN_ROW_STEP + lines * PLAN_ROW_STEP);
        }
      }),
      { numRuns: 60 },
    );
  });
});
