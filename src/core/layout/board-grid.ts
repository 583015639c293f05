/**
 * A tidy board: the workshop's templates stand in agenda order on one row, left to right, each
 * in a slot of its own with a fixed gap between slots, and each slot keeps room to the right
 * of its template for that template's results frames. So a template never lands in a gap
 * between other frames, a results frame lands beside the template its round was about, and the
 * board reads as the day runs. One row rather than several: a row below would collide with the
 * results frames and second copies that stack downwards in each slot, and with the P-IGLO plan,
 * which grows downwards as initiatives are added.
 *
 * Pure: rects in, rects out. The Board port supplies what is on the board.
 */
import { overlaps, type Rect } from '../geometry.js';
import { RESULTS_BESIDE_GAP, RESULTS_WIDTH } from './results-size.js';
import { findFreeSpot } from './free-space.js';

/** Between two slots, and between stacked frames in a slot. */
export const GRID_GAP = 400;

export interface SlotTemplate {
  id: string;
  order: number;
  frame: { width: number; height: number };
}

export interface Slot {
  /** Offset of the slot's left edge from the row's origin. */
  x: number;
  /** The template's own column (its width), then the results column beside it. */
  templateWidth: number;
  width: number;
}

/** The slots of a catalogue, in agenda order; the last key, `''`, is for frames of no template. */
export function agendaSlots(templates: readonly SlotTemplate[]): Map<string, Slot> {
  const slots = new Map<string, Slot>();
  let x = 0;
  for (const t of [...templates].sort((a, b) => a.order - b.order)) {
    const width = t.frame.width + RESULTS_BESIDE_GAP + RESULTS_WIDTH;
    slots.set(t.id, { x, templateWidth: t.frame.width, width });
    x += width + GRID_GAP;
  }
  slots.set('', { x, templateWidth: 0, width: RESULTS_WIDTH + RESULTS_BESIDE_GAP });
  return slots;
}

/** The row's whole extent from its origin (for finding room for it on a fresh board). */
export function rowSize(templates: readonly SlotTemplate[]): { width: number; height: number } {
  const slots = agendaSlots(templates);
  const last = slots.get('')!;
  return { width: last.x + last.width, height: Math.max(...templates.map((t) => t.frame.height)) };
}

export interface PlacedTemplate {
  templateId: string;
  rect: Rect;
}

/**
 * Where the row starts: read from the template frames already on the board (the one earliest
 * in the agenda), so the row continues where the facilitator began it; on a fresh board, a
 * free spot near the view big enough for the whole row.
 */
export function rowOrigin(
  slots: ReadonlyMap<string, Slot>,
  placed: readonly PlacedTemplate[],
  occupied: readonly Rect[],
  view: Rect,
  size: { width: number; height: number },
): { x: number; y: number } {
  const order = [...slots.keys()];
  const first = placed.filter((p) => slots.has(p.templateId)).sort((a, b) => order.indexOf(a.templateId) - order.indexOf(b.templateId) || a.rect.y - b.rect.y)[0];
  if (first) return { x: first.rect.x - slots.get(first.templateId)!.x, y: first.rect.y };
  const spot = findFreeSpot(occupied, view, size, GRID_GAP);
  return { x: spot.x, y: spot.y };
}

/**
 * The first free place for `size` at `x`, from `top` downwards: below whatever is in the way,
 * with the gap kept to everything on the board.
 */
export function stackDown(x: number, top: number, size: { width: number; height: number }, occupied: readonly Rect[], gap = GRID_GAP): Rect {
  const cand: Rect = { x, y: top, width: size.width, height: size.height };
  // Each pass moves below one blocker; a blocker can be passed only once, so this ends.
  for (let pass = 0; pass <= occupied.length; pass++) {
    const grown: Rect = { x: cand.x - gap, y: cand.y - gap, width: cand.width + 2 * gap, height: cand.height + 2 * gap };
    const hits = occupied.filter((r) => overlaps(grown, r));
    if (hits.length === 0) return cand;
    cand.y = Math.max(...hits.map((r) => r.y + r.height)) + gap;
  }
  return cand;
}

/** A template's frame: in its slot, at the row's top, or below what already stands there (a second copy). */
export function placeTemplate(
  slots: ReadonlyMap<string, Slot>,
  origin: { x: number; y: number },
  templateId: string,
  size: { width: number; height: number },
  occupied: readonly Rect[],
): Rect {
  const slot = slots.get(templateId) ?? slots.get('')!;
  return stackDown(origin.x + slot.x, origin.y, size, occupied);
}

/**
 * A results frame: beside its template's frame (to its right, in the slot's results column),
 * below any earlier results there; a round about no template goes to the row's last slot.
 */
export function placeResults(
  slots: ReadonlyMap<string, Slot>,
  origin: { x: number; y: number },
  template: Rect | undefined,
  size: { width: number; height: number },
  occupied: readonly Rect[],
): Rect {
  // Closer than the grid's gap: the frame is beside its template, not one slot on.
  const gap = RESULTS_BESIDE_GAP / 2;
  if (template) return stackDown(template.x + template.width + RESULTS_BESIDE_GAP, template.y, size, occupied, gap);
  return stackDown(origin.x + slots.get('')!.x, origin.y, size, occupied, gap);
}
