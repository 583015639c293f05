/**
 * Clusters on the board: tidy the selected stickies into a labelled area for a cluster, take
 * clusters' labels (and badges) off; their labels' words are session-board-labels.ts's. The
 * board only: the doc is the grouping actions' (src/actions/group.ts and its neighbours).
 * What creates several items is all or nothing. Loaded when someone first groups or ungroups
 * (session-board.ts), not with the session.
 */
import { centre } from '../core/geometry.js';
import { planClusterArea } from '../core/layout/cluster-area.js';
import { isPrivateTemplate, sitsIn } from '../core/template/zones.js';
import { absRect, BatchFailure, BoardLinkError, createMarked, isBase, moveAll, shapeCall, tidyContext, type AnyItem } from './link-items.js';
import { decodeMarker, MARKER_KEY } from './marker.js';
import type { BoardWords, PlaceOptions, PlacedCluster } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { BoardNote } from './port.js';
import type { SdkBaseItem } from './sdk.js';

export async function placeCluster(
  items: SessionBoardItems, words: BoardWords, clusterId: string, label = '', options: PlaceOptions = {},
): Promise<PlacedCluster> {
  const { sdk, board } = items;
  const { signal } = options;
  let notes: BoardNote[];
  let all: AnyItem[];
  try {
    // A suggested theme names its notes; a manual group takes the selection.
    notes = options.noteIds ? await board.getNotes(options.noteIds) : await board.getSelection();
    if (notes.length === 0) throw new BoardLinkError('no-selection', 'group');
    await items.scan(signal);
    all = await items.call(() => sdk.board.get(), signal);
    // The plate is private: nothing on it joins a cluster (nor, so, a vote).
    if (await onPrivateTemplate(items, all, notes, signal)) throw new BoardLinkError('private', 'group');
  } catch (e) {
    throw BoardLinkError.from('group', e);
  }
  const noteIds = notes.map((n) => n.id);
  const { bounds, obstacles } = tidyContext(all, notes, (id) => items.markerOf(id)?.k);
  const plan = planClusterArea({ notes, label: label.trim() || words.clusterLabel, obstacles, bounds });

  let labelItem: SdkBaseItem | undefined;
  try {
    [labelItem] = await createMarked(sdk, board.gate, [{ call: shapeCall('label', { ...plan.label }), marker: { k: 'cluster-label', c: clusterId, v: 1 } }], signal);
    const sdkNotes = new Map((await items.call(() => sdk.board.get({ id: noteIds }), signal)).filter(isBase).map((i) => [i.id, i]));
    const moves = plan.notes.map(({ id, rect }) => {
      const item = sdkNotes.get(id)!;
      const was = centre(notes.find((n) => n.id === id)!.rect);
      // Miro keeps a child's x/y relative to its frame: shift by the same offset.
      return { item, x: item.x + (rect.x + rect.width / 2 - was.x), y: item.y + (rect.y + rect.height / 2 - was.y) };
    });
    await moveAll(board.gate, moves, signal);
  } catch (e) {
    const leftBehind = e instanceof BatchFailure ? e.leftBehind : [];
    if (labelItem) leftBehind.push(...(await items.removeOurs([labelItem.id], 'group').then(() => [], () => [labelItem!.id])));
    throw BoardLinkError.from('group', e instanceof BatchFailure ? e.cause : e, leftBehind);
  }
  items.remember(labelItem!.id, { k: 'cluster-label', c: clusterId, v: 1 });
  return { noteIds, labelId: labelItem!.id, area: plan.area, insideBounds: plan.insideBounds };
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
