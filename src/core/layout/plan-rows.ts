/**
 * The P-IGLO plan on the board: one row per initiative in its layer's rows area (`rows-p`,
 * `rows-o`, … in the template), the initiative, who is responsible, the deadline, preparedness
 * and follow-up side by side as sticky notes, so the team can edit a row where it stands. The
 * template keeps room for PLAN_ROWS_MIN rows a layer; a layer that needs more grows by whole
 * rows and everything below it in the frame moves down by as much, and the frame with it.
 *
 * Pure: the template (as inserted) and the rows in, frame-relative geometry out. The generator
 * (scripts/templates) draws the rows areas and the column headings from the same numbers.
 */
import type { Point, Rect } from '../geometry.js';
import type { Lang } from '../lang.js';
import { STICKY_ASPECT, type StickyColour, type StickyShape } from '../miro-rules.js';
import { PLAN_LAYERS, type PlanLayer } from '../session/schema.js';
import { textToHtml } from '../template/markup.js';
import type { Template } from '../template/types.js';
import { layoutTemplate } from './layout.js';
import type { Layout, PlannedItem, PlannedSticky } from './types.js';

import { PLAN_CELLS, planCellElementId, type PlanCell } from './plan-cells.js';

export { PLAN_CELLS, PLAN_TEMPLATE_ID, planCellElementId, planCellOf, type PlanCell } from './plan-cells.js';
/** Rows a layer holds before it grows. */
export const PLAN_ROWS_MIN = 4;

const GAP = 16;
const PAD = 24;
/** Between the two columns of rows in a rows area. */
const ROWS_GUTTER = 40;
/**
 * Every cell a wide sticky this wide: a column heading of 44 ("Preparedness") fits above it,
 * and a row is low enough that two lines of two rows in each of five layers keep the whole
 * frame readable at whole-frame zoom (test/core/template/readability.test.ts).
 */
const CELL_W = 320;
const ROW_H = CELL_W * STICKY_ASPECT.rectangle;
/** One line of rows and the gap below it, on whole units so rows stay on the grid. */
export const PLAN_ROW_STEP = Math.ceil(ROW_H) + GAP;
/** Rows stand two side by side in a layer: a layer's rows fill its lines left to right, top to bottom. */
export const PLAN_ROWS_PER_LINE = 2;

export const PLAN_CELL_SHAPE: Record<PlanCell, StickyShape> = {
  text: 'rectangle', owner: 'rectangle', deadline: 'rectangle', preparedness: 'rectangle', followUp: 'rectangle',
};
export const PLAN_CELL_COLOUR: Record<PlanCell, StickyColour> = {
  text: 'light_yellow', owner: 'light_blue', deadline: 'light_blue', preparedness: 'light_green', followUp: 'light_pink',
};

/** Each cell's column: its left edge from the row's left, and its width (the sticky's). */
export const PLAN_COLUMNS: ReadonlyArray<{ cell: PlanCell; x: number; width: number }> = PLAN_CELLS.map((cell, i) => ({ cell, x: i * (CELL_W + GAP), width: CELL_W }));
/** One row's width, and where each of the side-by-side rows of a line starts in the rows area. */
export const PLAN_ROW_WIDTH = PLAN_CELLS.length * (CELL_W + GAP) - GAP;
export const PLAN_ROW_OFFSETS: readonly number[] = Array.from({ length: PLAN_ROWS_PER_LINE }, (_, i) => PAD + i * (PLAN_ROW_WIDTH + ROWS_GUTTER));

/** The rows area's width and its height for `rows` rows (never fewer than PLAN_ROWS_MIN). */
export const PLAN_ROWS_WIDTH = PLAN_ROW_OFFSETS.at(-1)! + PLAN_ROW_WIDTH + PAD;
export function planRowsHeight(rows: number): number {
  return 2 * PAD + Math.ceil(Math.max(rows, PLAN_ROWS_MIN) / PLAN_ROWS_PER_LINE) * PLAN_ROW_STEP - GAP;
}

export const rowsElementId = (layer: PlanLayer): string => `rows-${layer.toLowerCase()}`;
export const bandElementId = (layer: PlanLayer): string => `band-${layer.toLowerCase()}`;

/** How many rows each layer shows. */
export type PlanCounts = Partial<Record<PlanLayer, number>>;

export interface PlanGrowth {
  /** The frame's height for these counts. */
  frameHeight: number;
  /** Per template element that moves or grows: down by dy, taller by dh. */
  shifts: Map<string, { dy: number; dh: number }>;
  /** Each layer's rows area for these counts (frame-relative). */
  rows: Record<PlanLayer, Rect>;
}

export function elementRect(template: Template, id: string): Rect {
  const e = template.elements.find((x) => x.id === id);
  if (!e || !('height' in e)) throw new Error(`${template.id}: no area ${id} for the plan's rows`);
  return { x: e.x, y: e.y, width: e.width, height: e.height };
}

/** How much taller each layer's rows area is than the template's for `counts` (whole lines, never less). */
export function planExtras(template: Template, counts: PlanCounts): Record<PlanLayer, number> {
  const out = {} as Record<PlanLayer, number>;
  for (const l of PLAN_LAYERS) out[l] = Math.max(0, planRowsHeight(counts[l] ?? 0) - elementRect(template, rowsElementId(l)).height);
  return out;
}

/**
 * The frame for `counts`: a layer with more than PLAN_ROWS_MIN rows grows its band and rows
 * area by whole lines; every element whose top lies below a grown layer's rows area moves down
 * by that layer's growth, so nothing below it is covered; the frame grows by the sum.
 */
export function planGrowth(template: Template, counts: PlanCounts): PlanGrowth {
  return planGrowthBy(template, planExtras(template, counts));
}

/** The same for layers grown by `extras` (as read off a board: each rows area's height over the template's). */
export function planGrowthBy(template: Template, extras: Readonly<Record<PlanLayer, number>>): PlanGrowth {
  const grow = PLAN_LAYERS.map((l) => ({ layer: l, area: elementRect(template, rowsElementId(l)), extra: extras[l] }));
  const shifts = new Map<string, { dy: number; dh: number }>();
  for (const e of template.elements) {
    let dy = 0;
    let dh = 0;
    for (const g of grow) {
      if (e.y >= g.area.y + g.area.height) dy += g.extra;
      else if (e.id === rowsElementId(g.layer) || e.id === bandElementId(g.layer)) dh += g.extra;
    }
    if (dy !== 0 || dh !== 0) shifts.set(e.id, { dy, dh });
  }
  const rows = {} as Record<PlanLayer, Rect>;
  for (const g of grow) {
    const s = shifts.get(rowsElementId(g.layer)) ?? { dy: 0, dh: 0 };
    rows[g.layer] = { ...g.area, y: g.area.y + s.dy, height: g.area.height + s.dh };
  }
  return { frameHeight: template.frame.height + grow.reduce((n, g) => n + g.extra, 0), shifts, rows };
}

/** The cells of row `index` of a rows area (frame-relative, or absolute for an absolute area). */
export function planRowCells(area: Rect, index: number): Record<PlanCell, Rect> {
  const y = area.y + PAD + Math.floor(index / PLAN_ROWS_PER_LINE) * PLAN_ROW_STEP;
  const left = area.x + PLAN_ROW_OFFSETS[index % PLAN_ROWS_PER_LINE]!;
  const out = {} as Record<PlanCell, Rect>;
  for (const col of PLAN_COLUMNS) out[col.cell] = { x: left + col.x, y, width: col.width, height: col.width * STICKY_ASPECT[PLAN_CELL_SHAPE[col.cell]] };
  return out;
}

/** One initiative's row as the board shows it: its cells' texts (words from the caller). */
export interface PlanRow {
  id: string;
  layer: PlanLayer;
  cells: Record<PlanCell, string>;
}

/** The sticky of one cell, where it goes (absolute) and what it says. */
export interface PlannedPlanCell extends PlannedSticky {
  initiativeId: string;
  cell: PlanCell;
}

/** Rows counted per layer, in the order given (the plan's order within a layer). */
export function planCounts(rows: readonly Pick<PlanRow, 'layer'>[]): Record<PlanLayer, number> {
  const counts = { P: 0, O: 0, L: 0, G: 0, I: 0 } as Record<PlanLayer, number>;
  for (const r of rows) counts[r.layer]++;
  return counts;
}

/** Every row's stickies for a frame whose top-left is `at`, given its growth. */
export function planCellItems(growth: PlanGrowth, rows: readonly PlanRow[], at: Point): PlannedPlanCell[] {
  const index = { P: 0, O: 0, L: 0, G: 0, I: 0 } as Record<PlanLayer, number>;
  const out: PlannedPlanCell[] = [];
  for (const row of rows) {
    const area = growth.rows[row.layer];
    const cells = planRowCells({ ...area, x: area.x + at.x, y: area.y + at.y }, index[row.layer]++);
    for (const cell of PLAN_CELLS) {
      out.push({
        kind: 'sticky', elementId: planCellElementId(row.id, cell), rect: cells[cell], content: textToHtml(row.cells[cell]),
        colour: PLAN_CELL_COLOUR[cell], shape: PLAN_CELL_SHAPE[cell], initiativeId: row.id, cell,
      });
    }
  }
  return out;
}

/** The whole P-IGLO frame with the plan in it, as it stands on the board: the template grown, then the rows. */
export function layoutPlanBoard(template: Template, lang: Lang, at: Point, rows: readonly PlanRow[]): Layout {
  const base = layoutTemplate(template, lang, at);
  const growth = planGrowth(template, planCounts(rows));
  const items: PlannedItem[] = base.items.map((item) => {
    if (item.kind === 'frame') return { ...item, rect: { ...item.rect, height: growth.frameHeight } };
    const s = growth.shifts.get(item.elementId);
    return s ? { ...item, rect: { ...item.rect, y: item.rect.y + s.dy, height: item.rect.height + s.dh } } : item;
  });
  const zones = base.zones.map((z) => {
    const s = growth.shifts.get(z.elementId);
    return s ? { ...z, rect: { ...z.rect, y: z.rect.y + s.dy, height: z.rect.height + s.dh } } : z;
  });
  return { ...base, frame: { ...base.frame, height: growth.frameHeight }, items: [...items, ...planCellItems(growth, rows, at)], zones };
}
