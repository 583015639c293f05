/**
 * Clusters on the board: group the selected stickies (a cluster in the doc, the notes tidied
 * into a labelled area), ungroup, merge, relabel. What creates several items is all or
 * nothing; on failure the doc is put back too.
 */
import type * as Y from 'yjs';
import { centre } from '../core/geometry.js';
import { labelHeight, planClusterArea } from '../core/layout/cluster-area.js';
import {
  clusterOf, createCluster, dissolveCluster, listClusters, mergeClusters, moveNotes, renameCluster, type Actor,
} from '../core/session/index.js';
import { textToHtml } from '../core/template/markup.js';
import { isPrivateTemplate, sitsIn } from '../core/template/zones.js';
import { absRect, BatchFailure, BoardLinkError, contentText, createMarked, isBase, moveAll, shapeCall, tidyContext, type AnyItem } from './link-items.js';
import { decodeMarker, MARKER_KEY } from './marker.js';
import type { BoardWords, GroupOptions, GroupOutcome } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { BoardNote } from './port.js';
import type { SdkBaseItem, SdkItem } from './sdk.js';

export async function groupSelection(
  items: SessionBoardItems, words: BoardWords, doc: Y.Doc, actor: Actor, label?: string, options: GroupOptions = {},
): Promise<GroupOutcome> {
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

  const before = new Map(noteIds.map((id) => [id, clusterOf(doc, id)]));
  const made = createCluster(doc, actor, { noteIds, label: label?.trim() ?? '', ...(options.colour ? { colour: options.colour } : {}) });
  if (!made.ok) throw new BoardLinkError('invalid', 'group', null, [], made.error);
  const { clusterId } = made.value;
  const plan = planClusterArea({ notes, label: label?.trim() || words.clusterLabel, obstacles, bounds });

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
    // Put the doc back: the new cluster goes, the notes return to where they were.
    dissolveCluster(doc, actor, { clusterId });
    for (const [id, was] of before) if (was) moveNotes(doc, actor, { noteIds: [id], to: was });
    throw BoardLinkError.from('group', e instanceof BatchFailure ? e.cause : e, leftBehind);
  }
  items.remember(labelItem!.id, { k: 'cluster-label', c: clusterId, v: 1 });

  // A cluster this grouping emptied sent every note here: merge it in, so votes cast on it
  // count for the new one (an alias, see clusters.ts), and take its label off the board.
  const live = new Set(listClusters(doc).filter((c) => c.notes.length > 0).map((c) => c.id));
  const merged = [...new Set([...before.values()].filter((c): c is string => c !== null && !live.has(c)))];
  if (merged.length > 0) mergeClusters(doc, actor, { from: merged, into: clusterId });
  for (const c of merged) await removeLabels(items, c).catch(() => 0);
  return { clusterId, noteIds, labelId: labelItem!.id, area: plan.area, insideBounds: plan.insideBounds, merged };
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

/** A cluster's label and its badges off the board. */
async function removeLabels(items: SessionBoardItems, clusterId: string): Promise<number> {
  const mine = await items.ours((m) => (m.k === 'cluster-label' && m.c === clusterId) || (m.k === 'badge' && m.x === clusterId));
  return items.removeOurs(mine.map((m) => m.item.id), 'ungroup');
}

export async function ungroup(items: SessionBoardItems, doc: Y.Doc, actor: Actor, clusterId: string): Promise<{ removed: number }> {
  const r = dissolveCluster(doc, actor, { clusterId });
  let removed: number;
  try {
    removed = await removeLabels(items, clusterId);
  } catch (e) {
    throw BoardLinkError.from('ungroup', e);
  }
  if (!r.ok && removed === 0) throw new BoardLinkError('invalid', 'ungroup', null, [], r.error);
  return { removed };
}

export async function merge(items: SessionBoardItems, doc: Y.Doc, actor: Actor, from: readonly string[], into: string): Promise<{ removed: number }> {
  const r = mergeClusters(doc, actor, { from: [...from], into });
  if (!r.ok) throw new BoardLinkError('invalid', 'merge', null, [], r.error);
  let removed = 0;
  try {
    for (const c of from) if (c !== into) removed += await removeLabels(items, c);
  } catch (e) {
    throw BoardLinkError.from('merge', e);
  }
  return { removed };
}

export async function relabel(items: SessionBoardItems, words: BoardWords, doc: Y.Doc, actor: Actor, clusterId: string, label: string): Promise<void> {
  const r = renameCluster(doc, actor, { clusterId, label: label.trim() });
  if (!r.ok) throw new BoardLinkError('invalid', 'relabel', null, [], r.error);
  try {
    const labels = await items.ours((m) => m.k === 'cluster-label' && m.c === clusterId);
    const text = label.trim() || words.clusterLabel;
    for (const { item } of labels) await writeLabel(items, item, text);
  } catch (e) {
    throw BoardLinkError.from('relabel', e);
  }
}

/**
 * Makes every cluster label on the board say what the session says (the session is what was
 * saved; a label written just before a panel was lost may say more). Resolves to how many
 * labels were corrected. One read of our labels, one write per label that differs.
 */
export async function correctLabels(items: SessionBoardItems, words: BoardWords, doc: Y.Doc): Promise<number> {
  const names = new Map(listClusters(doc).map((c) => [c.id, c.label.trim() || words.clusterLabel]));
  let corrected = 0;
  try {
    for (const { item, marker } of await items.ours((m) => m.k === 'cluster-label')) {
      const text = marker.k === 'cluster-label' ? names.get(marker.c) : undefined;
      if (text === undefined || contentText((item as SdkItem & { content: string }).content) === text) continue;
      await writeLabel(items, item, text);
      corrected++;
    }
  } catch (e) {
    throw BoardLinkError.from('relabel', e);
  }
  return corrected;
}

async function writeLabel(items: SessionBoardItems, item: SdkItem, text: string): Promise<void> {
  const shape = item as SdkItem & { content: string; width: number; height: number };
  // A longer label grows upwards: its bottom edge stays above the notes.
  const height = labelHeight(text, shape.width);
  shape.y += (shape.height - height) / 2;
  shape.height = height;
  shape.content = textToHtml(text);
  await items.call(() => item.sync());
}
