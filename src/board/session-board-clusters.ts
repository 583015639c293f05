/**
 * Clusters on the board: a label beside the grouped stickies (they stay in place), tidying a
 * cluster's notes into a labelled area on request, take
 * clusters' labels (and badges) off; their labels' words are session-board-labels.ts's. The
 * board only: the doc is the grouping actions' (src/actions/group.ts and its neighbours).
 * What creates several items is all or nothing. Loaded when someone first groups or ungroups
 * (session-board.ts), not with the session.
 */
import { centre, type Rect } from '../core/geometry.js';
import { planClusterArea, planClusterLabel } from '../core/layout/cluster-area.js';
import { isPrivateTemplate, sitsIn } from '../core/template/zones.js';
import { absRect, BatchFailure, BoardLinkError, createMarked, isBase, shapeCall, type AnyItem } from './link-items.js';
import { moveAll, tidyContext } from './link-tidy.js';
import { decodeMarker, MARKER_KEY } from './marker.js';
import type { BoardWords, PlaceOptions, PlacedCluster } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { BoardNote } from './port.js';
import type { SdkBaseItem } from './sdk.js';

/**
 * Group in place: the notes stay where they were written (zone and neighbour are what they
 * mean on a template) and the cluster shows as a label beside them. Why a label and not a
 * Miro tag: tags are the board's own vocabulary (one list for the whole board, shared with
 * the team's tags, left behind when the app is gone), at most 8 a sticky in Miro's UI and 13
 * fixed colours, read only when zoomed in on each note, and the SDK gives them no place; a
 * label is one item of ours, beside the notes, that the app can rename and remove.
 */
export async function placeCluster(
  items: SessionBoardItems, words: BoardWords, clusterId: string, label = '', options: PlaceOptions = {},
): Promise<PlacedCluster> {
  const { sdk, board } = items;
  const { notes, all } = await notesAndBoard(items, options.noteIds, 'group', options.signal);
  const { bounds, obstacles } = tidyContext(all, notes, (id) => items.markerOf(id)?.k);
  const plan = planClusterLabel({ notes, label: label.trim() || words.clusterLabel, obstacles, bounds });
  let labelItem: SdkBaseItem | undefined;
  try {
    [labelItem] = await createMarked(sdk, board.gate, [{ call: shapeCall('label', { ...plan }), marker: { k: 'cluster-label', c: clusterId, v: 1 } }], options.signal);
  } catch (e) {
    throw BoardLinkError.from('group', e instanceof BatchFailure ? e.cause : e, e instanceof BatchFailure ? e.leftBehind : []);
  }
  items.remember(labelItem!.id, { k: 'cluster-label', c: clusterId, v: 1 });
  const area = union([plan.rect, ...notes.map((n) => n.rect)]);
  return { noteIds: notes.map((n) => n.id), labelId: labelItem!.id, area, insideBounds: plan.insideBounds };
}

/**
 * Tidy a cluster, on request: its notes in a grid under its label, inside the zone or frame
 * they sit in; refused (`no-room`) when they do not fit there, so a note never leaves its
 * template. The label moves to the top of the area (or is made if it is missing).
 */
export async function tidyCluster(
  items: SessionBoardItems, words: BoardWords, clusterId: string, noteIds: readonly string[], label = '', signal?: AbortSignal,
): Promise<PlacedCluster> {
  const { sdk, board } = items;
  const { notes, all } = await notesAndBoard(items, noteIds, 'tidy', signal);
  // The cluster's own label moves with it: not an obstacle (tidyContext skips what it calls a badge).
  const own = (id: string) => { const m = items.markerOf(id); return m?.k === 'cluster-label' && m.c === clusterId; };
  const { bounds, obstacles } = tidyContext(all, notes, (id) => (own(id) ? 'badge' : items.markerOf(id)?.k));
  const plan = planClusterArea({ notes, label: label.trim() || words.clusterLabel, obstacles, bounds });
  if (bounds && !plan.insideBounds) throw new BoardLinkError('no-room', 'tidy');
  let labelItem: SdkBaseItem | undefined;
  try {
    const existing = (await items.ours((m) => m.k === 'cluster-label' && m.c === clusterId, signal))[0]?.item;
    const sdkNotes = new Map((await items.call(() => sdk.board.get({ id: notes.map((n) => n.id) }), signal)).filter(isBase).map((i) => [i.id, i]));
    const moves = plan.notes.map(({ id, rect }) => {
      const item = sdkNotes.get(id)!;
      const was = centre(notes.find((n) => n.id === id)!.rect);
      // Miro keeps a child's x/y relative to its frame: shift by the same offset.
      return { item, x: item.x + (rect.x + rect.width / 2 - was.x), y: item.y + (rect.y + rect.height / 2 - was.y) };
    });
    if (existing) {
      const r = plan.label.rect;
      moves.push({ item: existing, x: r.x + r.width / 2, y: r.y + r.height / 2 });
      labelItem = existing;
    } else {
      [labelItem] = await createMarked(sdk, board.gate, [{ call: shapeCall('label', { ...plan.label }), marker: { k: 'cluster-label', c: clusterId, v: 1 } }], signal);
      items.remember(labelItem!.id, { k: 'cluster-label', c: clusterId, v: 1 });
    }
    await moveAll(board.gate, moves, signal);
  } catch (e) {
    throw BoardLinkError.from('tidy', e instanceof BatchFailure ? e.cause : e, e instanceof BatchFailure ? e.leftBehind : []);
  }
  return { noteIds: notes.map((n) => n.id), labelId: labelItem!.id, area: plan.area, insideBounds: plan.insideBounds };
}

/** The notes (by id, or the selection) and the whole board; refuses none and notes on the plate. */
async function notesAndBoard(items: SessionBoardItems, noteIds: readonly string[] | undefined, op: 'group' | 'tidy', signal?: AbortSignal): Promise<{ notes: BoardNote[]; all: AnyItem[] }> {
  const { sdk, board } = items;
  try {
    // A suggested theme names its notes; a manual group takes the selection.
    const notes = noteIds ? await board.getNotes(noteIds) : await board.getSelection();
    if (notes.length === 0) throw new BoardLinkError('no-selection', op);
    await items.scan(signal);
    const all = await items.call(() => sdk.board.get(), signal);
    // The plate is private: nothing on it joins a cluster (nor, so, a vote).
    if (await onPrivateTemplate(items, all, notes, signal)) throw new BoardLinkError('private', op);
    return { notes, all };
  } catch (e) {
    throw BoardLinkError.from(op, e);
  }
}

function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

/** Whether any of `notes` sits in a frame of a private template: only the frames they sit in
 *  are asked for their marker (usually none or one read). */
async function onPrivateTemplate(items: SessionBoardItems, all: readonly AnyItem[], notes: readonly BoardNote[], signal?: AbortSignal): Promise<boolean> {
  const byId = new Map<string, AnyItem>(all.map((i) => [i.id, i]));
  for (const item of all) {
    if (item.type !== 'frame' || !isBase(item)) continue;
    const frame = { id: item.id, rect: absRect(item, byId) };
    if (!notes.some((n) => sitsIn(n, frame))) continue;
    const marker = decodeMarker(await items.call(() => item.getMetadata(MARKER_KEY), signal));
    if (marker && isPrivateTemplate(marker.t)) return true;
  }
  return false;
}

/** Clusters' labels and their badges off the board; resolves to how many items went. */
export async function removeClusterItems(items: SessionBoardItems, clusterIds: readonly string[], op: 'ungroup' | 'merge' | 'group' = 'ungroup'): Promise<number> {
  const ids = new Set(clusterIds);
  try {
    const mine = await items.ours((m) => (m.k === 'cluster-label' && ids.has(m.c)) || (m.k === 'badge' && ids.has(m.x)));
    return await items.removeOurs(mine.map((m) => m.item.id), op);
  } catch (e) {
    throw BoardLinkError.from(op, e);
  }
}
