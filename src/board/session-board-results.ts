/**
 * A round's results frame beside the template (or where the round's earlier frame stood):
 * written whole through the insertion engine, then the earlier frame goes.
 */
import type { Lang } from '../core/lang.js';
import { agendaSlots, placeResults, rowOrigin, rowSize } from '../core/layout/board-grid.js';
import { layoutResults } from '../core/layout/results-frame.js';
import { TEMPLATES } from '../core/template/catalogue.js';
import type { TallyResult } from '../core/session/index.js';
import { insertLayoutItems } from './insert.js';
import { absRect, BoardLinkError, contentText, encodeLinkMarker } from './link-items.js';
import type { BoardWords, ResultsMeta, ResultsOutcome } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import { newInsertionId } from './marker.js';
import type { SdkFrame } from './sdk.js';
import type { Rect } from '../core/geometry.js';
import type { PlannedItem } from '../core/layout/types.js';

export async function showResults(items: SessionBoardItems, lang: Lang, words: BoardWords, roundId: string, tally: TallyResult, meta: ResultsMeta): Promise<ResultsOutcome> {
  if (!tally.visible || tally.roundId !== roundId) throw new BoardLinkError('not-visible', 'results');
  const { board } = items;
  const rows = tally.rows.filter((r) => r.votes > 0);
  let frame;
  try {
    const earlier = (await items.ours((m) => m.k === 'results' && m.r === roundId, meta.signal)).map((m) => m.item as SdkFrame);
    // Labels not given: a note's own text, a cluster's label as drawn on the board.
    const unlabelled = rows.filter((r) => !meta.labels?.[r.targetId]?.trim());
    const { items: noteItems } = await items.rectsOf(unlabelled.filter((r) => r.kind === 'note').map((r) => r.targetId), meta.signal);
    const drawn = unlabelled.some((r) => r.kind === 'cluster') ? await items.ours((m) => m.k === 'cluster-label', meta.signal) : [];
    const clusterLabel = new Map(drawn.map(({ item, marker }) => [(marker as { c: string }).c, 'content' in item ? contentText(item.content) : '']));
    const labelOf = (id: string, kind: 'note' | 'cluster') => {
      const given = meta.labels?.[id]?.trim();
      if (given) return given;
      const n = noteItems.get(id);
      const text = kind === 'note' ? (n && 'content' in n ? contentText(n.content) : '') : (clusterLabel.get(id) ?? '');
      return text || words.clusterLabel;
    };
    const input = {
      question: meta.question,
      rows: rows.map((r) => ({ label: labelOf(r.targetId, r.kind), votes: r.votes, rank: r.rank, tied: r.tied })),
      date: meta.date ?? Date.now(),
      respondents: tally.respondents,
      // N is at least n: a participant who left still voted.
      ...(meta.eligible ? { eligible: Math.max(meta.eligible, tally.respondents) } : {}),
      lang,
      words,
      ...(meta.maxRows !== undefined ? { maxRows: meta.maxRows } : {}),
    };
    const placed = await placeFrame(items, roundId, earlier, (pos) => layoutResults({ ...input, ...pos }), meta);
    frame = { ...placed, shown: placed.layout.shown, more: placed.layout.more };
  } catch (e) {
    throw BoardLinkError.from('results', e);
  }
  if (meta.zoom !== false) await board.zoomTo([frame.frameId]).catch(() => undefined);
  const { layout: _l, ...outcome } = frame;
  return outcome;
}

/** Where a frame goes and what it replaces: the meta of a results or pulse frame. */
export type FramePlace = Pick<ResultsMeta, 'beside' | 'besideTemplate' | 'signal'>;

/**
 * Writes a frame of ours for `key` (a round's or a pulse's id): where its earlier frame stood,
 * else beside its template in the board's row (below earlier results there), whole through the insertion engine; then the
 * earlier frames go (children first). `make` lays it out beside a rect or at a point.
 */
export async function placeFrame<L extends { frame: Rect; items: PlannedItem[] }>(
  items: SessionBoardItems,
  key: string,
  earlier: SdkFrame[],
  make: (pos: { beside?: Rect; at?: { x: number; y: number } }) => L,
  meta: FramePlace,
): Promise<{ frameId: string; frame: Rect; replaced: number; layout: L }> {
  const { sdk, board } = items;
  let at: { x: number; y: number };
  if (earlier[0]) {
    // The earlier frame keeps its place; the new one replaces it there.
    const r = absRect(earlier[0], new Map());
    at = { x: r.x, y: r.y };
  } else {
    // Beside its template, in that template's slot of the board's row, below earlier results there.
    const beside = meta.beside ?? (await items.templateRect(meta.besideTemplate, meta.signal));
    const size = make({}).frame;
    const [occupied, frames, view] = await Promise.all([board.occupied(meta.signal), board.findMarkedFrames(), board.viewport()]);
    const slots = agendaSlots(TEMPLATES);
    const origin = rowOrigin(slots, frames.map((f) => ({ templateId: f.marker.t, rect: f.rect })), occupied, view, rowSize(TEMPLATES));
    at = placeResults(slots, origin, beside, { width: size.width, height: size.height }, occupied);
  }
  const layout = make({ at: { x: at.x, y: at.y } });
  const marker = (item: { elementId: string }) => encodeLinkMarker({ k: 'results', r: key, e: item.elementId, v: 1 });
  const out = await insertLayoutItems(sdk, board.gate, layout, { x: layout.frame.x, y: layout.frame.y }, newInsertionId(), { marker, ...(meta.signal ? { signal: meta.signal } : {}) });
  items.remember(out.frameId, { k: 'results', r: key, e: 'frame', v: 1 });
  let replaced = earlier.length;
  // The new frame stands; only now the old ones go (children first).
  await items.removeOurs(earlier.flatMap((f) => [...f.childrenIds, f.id]), 'results').catch(() => (replaced = 0));
  return { frameId: out.frameId, frame: out.frame, replaced, layout };
}

export async function hideResults(items: SessionBoardItems, roundId: string): Promise<number> {
  try {
    const frames = (await items.ours((m) => m.k === 'results' && m.r === roundId)).map((m) => m.item as SdkFrame);
    const ids = frames.flatMap((f) => [...f.childrenIds, f.id]);
    await items.removeOurs(ids, 'results');
    return frames.length;
  } catch (e) {
    throw BoardLinkError.from('results', e);
  }
}
