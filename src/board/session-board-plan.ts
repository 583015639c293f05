/**
 * The plan's rows in the P-IGLO frame (core/layout/plan-rows.ts): one row of stickies per
 * initiative in its layer, updated in place. A layer that needs more rows than its area holds
 * grows by whole lines: first whatever stands below the frame on the board moves down by as
 * much (undone if that fails), then the frame grows and what is below the layer inside it moves
 * down; a layer that needs fewer gives the room back (the frame shrinks; what stands below it
 * keeps its place). How much a layer has grown is read off the board (its rows area's height),
 * so no state is kept between syncs.
 *
 * The rows' stickies join the P-IGLO insertion's record (item-index.ts) under element ids
 * `plan:<initiative>:<cell>`: every read then knows them as ours (never people's notes, never
 * vote targets), and a cell edited on the board is known by its id alone. Only the first
 * P-IGLO frame on the board (the topmost) shows the plan.
 */
import type { Rect } from '../core/geometry.js';
import {
  elementRect, PLAN_CELLS, PLAN_TEMPLATE_ID, planCellElementId, planCellItems, planCellOf, planCounts, planGrowth, planGrowthBy, rowsElementId, type PlanRow,
} from '../core/layout/plan-rows.js';
import { PLAN_LAYERS, type PlanLayer } from '../core/session/schema.js';
import { getTemplate } from '../core/template/catalogue.js';
import { createCall } from './convert.js';
import { createItem } from './insert.js';
import { absRect, BatchFailure, BoardLinkError, contentText, isBase, type AnyItem } from './link-items.js';
import { moveAll } from './link-tidy.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { WrittenCells } from './written-cells.js';
import type { SdkFrame, SdkItem, SdkOtherItem } from './sdk.js';

export interface PlanSyncOutcome {
  /** The P-IGLO frame that shows the plan; null when none is on the board (nothing done). */
  frameId: string | null;
  created: number;
  updated: number;
  removed: number;
  /** How much taller (or, negative, shorter) the frame became. */
  grown: number;
  /** Items below the frame moved out of its way. */
  moved: number;
}

const NO_FRAME: PlanSyncOutcome = { frameId: null, created: 0, updated: 0, removed: 0, grown: 0, moved: 0 };
const TOP_LEVEL = ['frame', 'sticky_note', 'shape', 'text'];

export async function syncPlan(items: SessionBoardItems, rows: readonly PlanRow[], written: WrittenCells, signal?: AbortSignal): Promise<PlanSyncOutcome> {
  try {
    return await sync(items, rows, written, signal);
  } catch (e) {
    throw BoardLinkError.from('plan', e instanceof BatchFailure ? e.cause : e, e instanceof BatchFailure ? e.leftBehind : []);
  }
}

async function sync(items: SessionBoardItems, rows: readonly PlanRow[], written: WrittenCells, signal?: AbortSignal): Promise<PlanSyncOutcome> {
  const { sdk, board } = items;
  const template = getTemplate(PLAN_TEMPLATE_ID);
  const frames = (await board.findMarkedFrames({ templateId: PLAN_TEMPLATE_ID })).sort((a, b) => a.rect.y - b.rect.y || a.rect.x - b.rect.x);
  const first = frames[0];
  if (!first) return NO_FRAME;
  const marked = await board.findByMarker({ templateId: PLAN_TEMPLATE_ID, insertionId: first.marker.i });
  const byElement = new Map(marked.filter((m) => m.kind !== 'frame').map((m) => [m.marker.e, m.id]));
  const got = (await items.call(() => sdk.board.get({ id: [first.id, ...byElement.values()] }), signal)).filter(isBase);
  const live = new Map<string, SdkItem>(got.map((i) => [i.id, i]));
  const frame = live.get(first.id) as SdkFrame | undefined;
  if (!frame) return NO_FRAME;
  const itemOf = (e: string) => { const id = byElement.get(e); return id === undefined ? undefined : live.get(id); };

  // How far each layer has grown, as the board shows it; how far it must.
  const current = {} as Record<PlanLayer, number>;
  for (const l of PLAN_LAYERS) {
    const area = itemOf(rowsElementId(l));
    current[l] = area && 'height' in area ? Math.max(0, Math.round(area.height - elementRect(template, rowsElementId(l)).height)) : 0;
  }
  const now = planGrowthBy(template, current);
  const next = planGrowth(template, planCounts(rows));
  const grown = next.frameHeight - now.frameHeight;
  const top = absRect(frame, new Map());

  let moved = 0;
  if (grown > 0) moved = await makeRoomBelow(items, top, grown, signal);
  const moveInside = () => moveTemplate(items, template.elements.map((e) => e.id), itemOf, now, next, signal);
  if (grown > 0) await resizeFrame(items, frame, grown, signal);
  await moveInside();
  const cells = await syncCells(items, frame, top, next, rows, byElement, live, written, signal);
  if (grown < 0) await resizeFrame(items, frame, grown, signal);
  if (cells.add.size > 0 || cells.drop.length > 0) {
    await board.index.amendInsertion(PLAN_TEMPLATE_ID, first.marker.i, frame.id, Object.fromEntries(cells.add), cells.drop);
  }
  return { frameId: frame.id, created: cells.add.size, updated: cells.updated, removed: cells.drop.length, grown, moved };
}

/** Everything at the top level below the frame and across its width moves down by `by`, keeping its order. */
async function makeRoomBelow(items: SessionBoardItems, frame: Rect, by: number, signal?: AbortSignal): Promise<number> {
  const all = await items.call(() => items.sdk.board.get({ type: TOP_LEVEL }), signal);
  const bottom = frame.y + frame.height;
  const below = all.filter(isBase).filter((i) => {
    if (i.parentId !== null) return false;
    const r = absRect(i, new Map<string, AnyItem>());
    return r.y >= bottom - 0.5 && r.x < frame.x + frame.width && r.x + r.width > frame.x;
  });
  await moveAll(items.board.gate, below.map((item) => ({ item, x: item.x, y: item.y + by })), signal);
  return below.length;
}

/** The frame taller or shorter by `by`, its top where it was (its children keep their places). */
async function resizeFrame(items: SessionBoardItems, frame: SdkFrame, by: number, signal?: AbortSignal): Promise<void> {
  frame.height += by;
  frame.y += by / 2;
  await items.call(() => frame.sync(), signal);
}

/** The template's own items moved and grown from one growth to the next (frame-relative centres). */
async function moveTemplate(
  items: SessionBoardItems,
  elementIds: readonly string[],
  itemOf: (e: string) => SdkItem | undefined,
  from: ReturnType<typeof planGrowth>,
  to: ReturnType<typeof planGrowth>,
  signal?: AbortSignal,
): Promise<void> {
  await Promise.all(elementIds.map(async (e) => {
    const a = from.shifts.get(e) ?? { dy: 0, dh: 0 };
    const b = to.shifts.get(e) ?? { dy: 0, dh: 0 };
    const dy = b.dy - a.dy;
    const dh = b.dh - a.dh;
    const item = itemOf(e);
    if (!item || (dy === 0 && dh === 0)) return;
    item.y += dy + dh / 2;
    if (dh !== 0 && item.type === 'shape') item.height += dh;
    await items.call(() => item.sync(), signal);
  }));
}

async function syncCells(
  items: SessionBoardItems,
  frame: SdkFrame,
  top: Rect,
  growth: ReturnType<typeof planGrowth>,
  rows: readonly PlanRow[],
  byElement: ReadonlyMap<string, string>,
  live: Map<string, SdkItem>,
  written: WrittenCells,
  signal?: AbortSignal,
): Promise<{ add: Map<string, string>; drop: string[]; updated: number }> {
  const { sdk } = items;
  const want = planCellItems(growth, rows, { x: 0, y: 0 });
  const wanted = new Set(want.map((c) => c.elementId));
  // Cells we know of but did not read yet (they are not template items): one read.
  const cellIds = [...byElement].filter(([e]) => planCellOf(e)).map(([, id]) => id).filter((id) => !live.has(id));
  if (cellIds.length > 0) for (const i of (await items.call(() => sdk.board.get({ id: cellIds }), signal)).filter(isBase)) live.set(i.id, i);
  const add = new Map<string, string>();
  let updated = 0;
  const texts = new Map(rows.flatMap((r) => PLAN_CELLS.map((c) => [planCellElementId(r.id, c), r.cells[c]] as const)));
  await Promise.all(want.map(async (cell) => {
    const text = texts.get(cell.elementId) ?? '';
    const centre = { x: cell.rect.x + cell.rect.width / 2, y: cell.rect.y + cell.rect.height / 2 };
    const id = byElement.get(cell.elementId);
    const item = id === undefined ? undefined : live.get(id);
    if (item && item.type === 'sticky_note' && item.parentId === frame.id) {
      const same = contentText(item.content) === text && Math.abs(item.x - centre.x) < 0.5 && Math.abs(item.y - centre.y) < 0.5;
      if (same) return;
      item.content = cell.content;
      item.x = centre.x;
      item.y = centre.y;
      written.note(item.id, text);
      await items.call(() => item.sync(), signal);
      updated++;
      return;
    }
    // Made inside the frame's bounds (absolute), then attached: frame.add does not move it.
    const made = await items.call(() => createItem(sdk, createCall(cell, { ...cell.rect, x: cell.rect.x + top.x, y: cell.rect.y + top.y })), signal);
    written.note(made.id, text);
    add.set(cell.elementId, made.id);
    await items.call(() => frame.add(made as unknown as SdkOtherItem), signal);
  }));
  // Rows of initiatives no longer shown (removed, or back to a draft), and cells lost track of.
  const drop = [...byElement].filter(([e, id]) => planCellOf(e) && (!wanted.has(e) || (add.has(e) && add.get(e) !== id))).map(([, id]) => id);
  const gone = drop.filter((id) => live.has(id));
  if (gone.length > 0) await items.board.removeItems(gone);
  return { add, drop, updated };
}

