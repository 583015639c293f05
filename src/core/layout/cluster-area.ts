/**
 * Grouping puts a label beside the notes, in place (planClusterLabel); tidying a cluster, an
 * explicit command of its own, puts its notes in a grid under a label, the whole area placed as near as it
 * can be to where the notes were, inside `bounds` (the zone or frame they sit in) when it
 * fits there, and clear of `obstacles` (everything else nearby). Pure: rects in, rects out.
 *
 * Placement: the preferred spot is centred on the notes' current bounding box; if it is
 * blocked, the candidates are the spots flush against an obstacle's or the bounds' edges
 * (aligned with the preferred spot on the other axis, or with the obstacle's corner), and
 * the nearest free one wins. With no free spot inside the bounds the search drops them;
 * right of every obstacle is always free.
 */
import { centre, contains, overlaps, type Rect } from '../geometry.js';
import { textToHtml } from '../template/markup.js';
import { CLUSTER_LABEL_FONT_SIZE, labelHeight } from './cluster-label.js';

export { CLUSTER_LABEL_FONT_SIZE, labelHeight };

export const CLUSTER_GAP = 24;
export const CLUSTER_PADDING = 24;
export const CLUSTER_LABEL_MIN_WIDTH = 240;
/** Dark label, white text: contrast ≈ 14.6:1. */
export const CLUSTER_LABEL_FILL = '#1f2933';
export const CLUSTER_LABEL_TEXT_COLOUR = '#ffffff';
/** Clearance kept from obstacles. */
export const CLUSTER_CLEARANCE = 16;

export interface ClusterAreaInput {
  /** The notes to tidy, absolute top-left rects (sizes are kept). */
  notes: ReadonlyArray<{ id: string; rect: Rect }>;
  /** Plain text. */
  label: string;
  /** Items the area must not overlap (not the notes themselves, nor the zone they sit in). */
  obstacles?: readonly Rect[];
  /** Keep the area inside this rect when it fits (the zone or frame of the notes). */
  bounds?: Rect | null;
  /** Columns of the grid; by default about square, narrowed to fit the bounds. */
  columns?: number;
}

export interface ClusterAreaPlan {
  /** The whole labelled area: label on top, the notes' grid below. */
  area: Rect;
  label: { rect: Rect; text: string; content: string; fontSize: number; fill: string; textColour: string };
  /** New rects of the notes, in the input's order. */
  notes: Array<{ id: string; rect: Rect }>;
  columns: number;
  /** Whether the area lies inside `bounds` (true when none were given). */
  insideBounds: boolean;
}

export function planClusterArea(input: ClusterAreaInput): ClusterAreaPlan {
  const notes = input.notes;
  if (notes.length === 0) throw new RangeError('A cluster area needs at least one note');
  const cellW = Math.max(...notes.map((n) => n.rect.width));
  const cellH = Math.max(...notes.map((n) => n.rect.height));
  const fitCols = input.bounds
    ? Math.max(1, Math.floor((input.bounds.width - 2 * CLUSTER_PADDING + CLUSTER_GAP) / (cellW + CLUSTER_GAP)))
    : Infinity;
  const columns = Math.max(1, Math.min(input.columns ?? Math.ceil(Math.sqrt(notes.length)), fitCols, notes.length));
  const rows = Math.ceil(notes.length / columns);
  const gridW = columns * cellW + (columns - 1) * CLUSTER_GAP;
  const gridH = rows * cellH + (rows - 1) * CLUSTER_GAP;
  const width = Math.max(gridW + 2 * CLUSTER_PADDING, CLUSTER_LABEL_MIN_WIDTH);
  const labelH = labelHeight(input.label, width);
  const size = { width, height: labelH + gridH + 2 * CLUSTER_PADDING };

  const box = boundingBox(notes.map((n) => n.rect));
  const c = centre(box);
  const preferred: Rect = { x: c.x - size.width / 2, y: c.y - size.height / 2, ...size };
  const obstacles = (input.obstacles ?? []).map((o) => inflate(o, CLUSTER_CLEARANCE));
  const inBounds = input.bounds ? placeNear(preferred, obstacles, input.bounds) : null;
  const area = inBounds ?? placeNear(preferred, obstacles, null) ?? rightOfAll(preferred, obstacles);

  // Reading order (rows of roughly one note height, then left to right) survives the tidy.
  const order = notes
    .map((n, i) => ({ i, cx: n.rect.x + n.rect.width / 2, cy: n.rect.y + n.rect.height / 2 }))
    .sort((a, b) => Math.round(a.cy / cellH) - Math.round(b.cy / cellH) || a.cx - b.cx || a.i - b.i);
  const placed: Array<{ id: string; rect: Rect }> = new Array(notes.length);
  const gridX = area.x + (area.width - gridW) / 2;
  const gridY = area.y + labelH + CLUSTER_PADDING;
  order.forEach(({ i }, k) => {
    const n = notes[i]!;
    const cellX = gridX + (k % columns) * (cellW + CLUSTER_GAP);
    const cellY = gridY + Math.floor(k / columns) * (cellH + CLUSTER_GAP);
    placed[i] = {
      id: n.id,
      rect: { x: cellX + (cellW - n.rect.width) / 2, y: cellY + (cellH - n.rect.height) / 2, width: n.rect.width, height: n.rect.height },
    };
  });
  return {
    area,
    label: {
      rect: { x: area.x, y: area.y, width: area.width, height: labelH },
      text: input.label,
      content: textToHtml(input.label),
      fontSize: CLUSTER_LABEL_FONT_SIZE,
      fill: CLUSTER_LABEL_FILL,
      textColour: CLUSTER_LABEL_TEXT_COLOUR,
    },
    notes: placed,
    columns,
    insideBounds: !input.bounds || contains(input.bounds, area, 1e-6),
  };
}

/** The label's width for its text: one line where it can be, never wider than the notes (or 480). */
function labelWidth(label: string, notesWidth: number): number {
  const oneLine = Math.ceil(label.length * 0.55 * CLUSTER_LABEL_FONT_SIZE) + 2 * 16;
  return Math.max(CLUSTER_LABEL_IN_PLACE_MIN, Math.min(oneLine, Math.max(notesWidth, 480)));
}
const CLUSTER_LABEL_IN_PLACE_MIN = 160;

export interface ClusterLabelPlan {
  rect: Rect;
  text: string;
  content: string;
  fontSize: number;
  fill: string;
  textColour: string;
  /** Whether the label lies inside `bounds` (true when none were given). */
  insideBounds: boolean;
}

/**
 * Grouping in place: the notes stay where they were written (which zone, which behaviour
 * they sit beside is the point of the template), and the cluster shows as a small label
 * beside them: above the notes if there is room, else the nearest free spot, inside the zone
 * or frame when it fits, never over another item (a heading, a card, another note).
 */
export function planClusterLabel(input: { notes: ReadonlyArray<{ rect: Rect }>; label: string; obstacles?: readonly Rect[]; bounds?: Rect | null }): ClusterLabelPlan {
  if (input.notes.length === 0) throw new RangeError('A cluster label needs at least one note');
  const box = boundingBox(input.notes.map((n) => n.rect));
  const width = labelWidth(input.label, box.width);
  const height = labelHeight(input.label, width);
  const want: Rect = { x: box.x, y: box.y - height - CLUSTER_CLEARANCE, width, height };
  const obstacles = [...(input.obstacles ?? []), ...input.notes.map((n) => n.rect)].map((o) => inflate(o, CLUSTER_CLEARANCE / 2));
  const inBounds = input.bounds ? placeNear(want, obstacles, input.bounds) : null;
  const rect = inBounds ?? placeNear(want, obstacles, null) ?? rightOfAll(want, obstacles);
  return {
    rect,
    text: input.label,
    content: textToHtml(input.label),
    fontSize: CLUSTER_LABEL_FONT_SIZE,
    fill: CLUSTER_LABEL_FILL,
    textColour: CLUSTER_LABEL_TEXT_COLOUR,
    insideBounds: !input.bounds || contains(input.bounds, rect, 1e-6),
  };
}

function boundingBox(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/**
 * The free spot nearest `want` (same size), inside `bounds` if given; null if there is none.
 * Candidates come from the obstacles within a radius of `want`, doubled until a spot is
 * found or every obstacle was used, so a dense board costs little when there is room nearby.
 */
function placeNear(want: Rect, obstacles: readonly Rect[], bounds: Rect | null): Rect | null {
  const reach = (o: Rect) => Math.max(o.x - (want.x + want.width), want.x - (o.x + o.width), o.y - (want.y + want.height), want.y - (o.y + o.height), 0);
  const byReach = obstacles.map((o) => ({ o, d: reach(o) })).sort((a, b) => a.d - b.d);
  for (let radius = 2 * Math.max(want.width, want.height); ; radius *= 2) {
    const used = byReach.filter((x) => x.d <= radius).map((x) => x.o);
    const spot = nearestFree(want, used, obstacles, bounds);
    if (spot || used.length === obstacles.length) return spot;
  }
}

/** The free spot nearest `want` among the spots flush with `edges` (checked against all `obstacles`). */
function nearestFree(want: Rect, edges: readonly Rect[], obstacles: readonly Rect[], bounds: Rect | null): Rect | null {
  const { width: w, height: h } = want;
  const ok = (r: Rect) => (!bounds || contains(bounds, r, 1e-6)) && !obstacles.some((o) => overlaps(o, r));
  const xs = new Set<number>([want.x]);
  const ys = new Set<number>([want.y]);
  for (const o of edges) {
    xs.add(o.x - w).add(o.x + o.width).add(o.x).add(o.x + o.width - w);
    ys.add(o.y - h).add(o.y + o.height).add(o.y).add(o.y + o.height - h);
  }
  if (bounds) {
    // Clamped into the bounds, and flush against each of their edges.
    xs.add(Math.min(Math.max(want.x, bounds.x), bounds.x + bounds.width - w)).add(bounds.x).add(bounds.x + bounds.width - w);
    ys.add(Math.min(Math.max(want.y, bounds.y), bounds.y + bounds.height - h)).add(bounds.y).add(bounds.y + bounds.height - h);
  }
  let best: Rect | null = null;
  let bestD = Infinity;
  for (const x of xs) {
    for (const y of ys) {
      const d = (x - want.x) ** 2 + (y - want.y) ** 2;
      if (d >= bestD) continue;
      const r = { x, y, width: w, height: h };
      if (ok(r)) {
        best = r;
        bestD = d;
      }
    }
  }
  return best;
}

function rightOfAll(want: Rect, obstacles: readonly Rect[]): Rect {
  const right = Math.max(want.x, ...obstacles.map((o) => o.x + o.width));
  return { ...want, x: right + 1 };
}
