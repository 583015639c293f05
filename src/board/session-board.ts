/**
 * The session's board link: what grouping, voting and results do to the board. Group the
 * selected stickies into a cluster (session model) and tidy them into a labelled area; draw
 * a badge ("3 · #1") on every voted note or cluster while a tally is visible; write a
 * results frame beside the template. Every call goes through the board's SdkGate (bounded
 * concurrency, the shared credit budget, rate-limit retries); what creates several items is
 * all or nothing (the insertion engine, or link-items.ts's batches); every item we make
 * carries a marker under 'tryghed' (link-items.ts) so it can be found again.
 *
 * Our loose items (badges, labels, results frames) are top-level, so one read of the
 * top-level shapes, texts and frames and their metadata finds them all. That scan runs
 * once; after it the index is kept by our own writes and checked with one read per call.
 * `refresh()` scans again (e.g. after another facilitator device drew badges).
 */
import type * as Y from 'yjs';
import { centre, contains, type Rect } from '../core/geometry.js';
import type { Lang } from '../core/lang.js';
import { planBadge } from '../core/layout/badges.js';
import { labelHeight, planClusterArea } from '../core/layout/cluster-area.js';
import { layoutResults } from '../core/layout/results-frame.js';
import {
  clusterOf, createCluster, dissolveCluster, listClusters, mergeClusters, moveNotes, renameCluster,
  type Actor, type TallyResult,
} from '../core/session/index.js';
import { textToHtml } from '../core/template/markup.js';
import type { TemplateId } from '../core/template/types.js';
import { insertLayoutItems } from './insert.js';
import {
  absRect, BatchFailure, BoardLinkError, contentText, createMarked, decodeLinkMarker, encodeLinkMarker, isBase, moveAll, shapeCall, tidyContext, union,
  type AnyItem, type BoardLinkOp, type LinkMarker,
} from './link-items.js';
import type {
  BadgeOutcome, ClusterNotes, GroupOptions, GroupOutcome, ResultsMeta, ResultsOutcome, SessionBoard,
} from './session-board-port.js';
import { decodeMarker, MARKER_KEY, newInsertionId } from './marker.js';
import type { BoardNote } from './port.js';
import type { MiroSdk, SdkBaseItem, SdkFrame, SdkItem } from './sdk.js';
import { WebSdkBoard, type WebSdkBoardOptions } from './web-sdk-board.js';

export { BoardLinkError, contentText, type BoardLinkErrorCode, type BoardLinkOp } from './link-items.js';
export type * from './session-board-port.js';

export interface WebSdkSessionBoardOptions extends WebSdkBoardOptions {
  /** The Board port to share (and its gate); by default one is made over `sdk`. */
  board?: WebSdkBoard;
  /** Language of default labels and of results frames. */
  lang?: Lang;
}

const DEFAULT_LABEL: Record<Lang, string> = { da: 'Gruppe', en: 'Cluster' };

export class WebSdkSessionBoard implements SessionBoard {
  readonly board: WebSdkBoard;
  lang: Lang;
  /** Our loose items by id (null until scanned), and the template frames by template. */
  private index: Map<string, LinkMarker> | null = null;
  private templateFrames = new Map<string, string[]>();

  constructor(
    private readonly sdk: MiroSdk,
    options: WebSdkSessionBoardOptions = {},
  ) {
    this.board = options.board ?? new WebSdkBoard(sdk, options);
    this.lang = options.lang ?? 'da';
  }

  private call<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.board.gate.run(fn, signal);
  }

  /** One operation at a time per instance: two quick tally changes must not both create the same badge. */
  private queue: Promise<unknown> = Promise.resolve();
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(fn, fn);
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  refresh(): void {
    this.index = null;
  }

  // ---- finding our items ----

  private async scan(signal?: AbortSignal): Promise<Map<string, LinkMarker>> {
    if (this.index) return this.index;
    const top = (await this.call(() => this.sdk.board.get({ type: ['shape', 'text', 'frame'] }), signal)).filter(isBase).filter((i) => i.parentId === null);
    const marks = await Promise.all(top.map((i) => this.call(() => i.getMetadata(MARKER_KEY), signal)));
    const index = new Map<string, LinkMarker>();
    const templates = new Map<string, string[]>();
    top.forEach((item, k) => {
      const link = decodeLinkMarker(marks[k]);
      if (link) index.set(item.id, link);
      const t = decodeMarker(marks[k]);
      if (t && t.e === 'frame') templates.set(t.t, [...(templates.get(t.t) ?? []), item.id]);
    });
    this.templateFrames = templates;
    this.index = index;
    return index;
  }

  /** Our live items whose marker passes `which`, fresh from the board (one read); forgets removed ones. */
  private async ours(which: (m: LinkMarker) => boolean, signal?: AbortSignal): Promise<Array<{ item: SdkItem; marker: LinkMarker }>> {
    const index = await this.scan(signal);
    const ids = [...index].filter(([, m]) => which(m)).map(([id]) => id);
    if (ids.length === 0) return [];
    const live = new Map((await this.call(() => this.sdk.board.get({ id: ids }), signal)).filter(isBase).map((i) => [i.id, i]));
    const out: Array<{ item: SdkItem; marker: LinkMarker }> = [];
    for (const id of ids) {
      const item = live.get(id);
      if (item) out.push({ item, marker: index.get(id)! });
      else index.delete(id);
    }
    return out;
  }

  /** Items by id with absolute rects (one read, plus one for parent frames if any). */
  private async rectsOf(ids: readonly string[], signal?: AbortSignal): Promise<{ items: Map<string, SdkItem>; rects: Map<string, Rect> }> {
    const items = new Map<string, SdkItem>();
    const rects = new Map<string, Rect>();
    if (ids.length === 0) return { items, rects };
    const got = (await this.call(() => this.sdk.board.get({ id: [...new Set(ids)] }), signal)).filter(isBase);
    const byId = new Map<string, AnyItem>(got.map((i) => [i.id, i]));
    const parents = [...new Set(got.map((i) => i.parentId).filter((p): p is string => p !== null && !byId.has(p)))];
    if (parents.length > 0) for (const p of await this.call(() => this.sdk.board.get({ id: parents }), signal)) byId.set(p.id, p);
    for (const i of got) {
      items.set(i.id, i);
      rects.set(i.id, absRect(i, byId));
    }
    return { items, rects };
  }

  /** Removes items (children first); resolves to how many went. The index forgets them once
   *  they are gone; after a failure, `ours()` prunes whichever did go on its next read. */
  private async removeOurs(ids: readonly string[], op: BoardLinkOp): Promise<number> {
    if (ids.length === 0) return 0;
    let removed: number;
    try {
      removed = await this.board.removeItems(ids);
    } catch (e) {
      throw BoardLinkError.from(op, e);
    }
    for (const id of ids) this.index?.delete(id);
    return removed;
  }

  // ---- clusters ----

  groupSelection(doc: Y.Doc, actor: Actor, label?: string, options: GroupOptions = {}): Promise<GroupOutcome> {
    return this.serial(() => this.groupSelectionNow(doc, actor, label, options));
  }

  private async groupSelectionNow(doc: Y.Doc, actor: Actor, label?: string, options: GroupOptions = {}): Promise<GroupOutcome> {
    const { signal } = options;
    let notes: BoardNote[];
    let all: AnyItem[];
    try {
      notes = await this.board.getSelection();
      if (notes.length === 0) throw new BoardLinkError('no-selection', 'group');
      await this.scan(signal);
      all = await this.call(() => this.sdk.board.get(), signal);
    } catch (e) {
      throw BoardLinkError.from('group', e);
    }
    const noteIds = notes.map((n) => n.id);
    const { bounds, obstacles } = tidyContext(all, notes, (id) => this.index?.get(id)?.k);

    const before = new Map(noteIds.map((id) => [id, clusterOf(doc, id)]));
    const made = createCluster(doc, actor, { noteIds, label: label?.trim() ?? '', ...(options.colour ? { colour: options.colour } : {}) });
    if (!made.ok) throw new BoardLinkError('invalid', 'group', null, [], made.message);
    const { clusterId } = made.value;
    const plan = planClusterArea({ notes, label: label?.trim() || DEFAULT_LABEL[this.lang], obstacles, bounds });

    let labelItem: SdkBaseItem | undefined;
    try {
      [labelItem] = await createMarked(this.sdk, this.board.gate, [{ call: shapeCall('label', { ...plan.label }), marker: { k: 'cluster-label', c: clusterId, v: 1 } }], signal);
      const sdkNotes = new Map((await this.call(() => this.sdk.board.get({ id: noteIds }), signal)).filter(isBase).map((i) => [i.id, i]));
      const moves = plan.notes.map(({ id, rect }) => {
        const item = sdkNotes.get(id)!;
        const was = centre(notes.find((n) => n.id === id)!.rect);
        // Miro keeps a child's x/y relative to its frame: shift by the same offset.
        return { item, x: item.x + (rect.x + rect.width / 2 - was.x), y: item.y + (rect.y + rect.height / 2 - was.y) };
      });
      await moveAll(this.board.gate, moves, signal);
    } catch (e) {
      const leftBehind = e instanceof BatchFailure ? e.leftBehind : [];
      if (labelItem) leftBehind.push(...(await this.removeOurs([labelItem.id], 'group').then(() => [], () => [labelItem!.id])));
      // Put the doc back: the new cluster goes, the notes return to where they were.
      dissolveCluster(doc, actor, { clusterId });
      for (const [id, was] of before) if (was) moveNotes(doc, actor, { noteIds: [id], to: was });
      throw BoardLinkError.from('group', e instanceof BatchFailure ? e.cause : e, leftBehind);
    }
    this.index?.set(labelItem!.id, { k: 'cluster-label', c: clusterId, v: 1 });

    // A cluster this grouping emptied sent every note here: merge it in, so votes cast on it
    // count for the new one (an alias, see clusters.ts), and take its label off the board.
    const live = new Set(listClusters(doc).filter((c) => c.notes.length > 0).map((c) => c.id));
    const merged = [...new Set([...before.values()].filter((c): c is string => c !== null && !live.has(c)))];
    if (merged.length > 0) mergeClusters(doc, actor, { from: merged, into: clusterId });
    for (const c of merged) await this.removeLabels(c).catch(() => 0);
    return { clusterId, noteIds, labelId: labelItem!.id, area: plan.area, insideBounds: plan.insideBounds, merged };
  }

  private async removeLabels(clusterId: string): Promise<number> {
    const mine = await this.ours((m) => (m.k === 'cluster-label' && m.c === clusterId) || (m.k === 'badge' && m.x === clusterId));
    return this.removeOurs(mine.map((m) => m.item.id), 'ungroup');
  }

  ungroup(doc: Y.Doc, actor: Actor, clusterId: string): Promise<{ removed: number }> {
    return this.serial(() => this.ungroupNow(doc, actor, clusterId));
  }

  private async ungroupNow(doc: Y.Doc, actor: Actor, clusterId: string): Promise<{ removed: number }> {
    const r = dissolveCluster(doc, actor, { clusterId });
    let removed: number;
    try {
      removed = await this.removeLabels(clusterId);
    } catch (e) {
      throw BoardLinkError.from('ungroup', e);
    }
    if (!r.ok && removed === 0) throw new BoardLinkError('invalid', 'ungroup', null, [], r.message);
    return { removed };
  }

  merge(doc: Y.Doc, actor: Actor, from: readonly string[], into: string): Promise<{ removed: number }> {
    return this.serial(async () => {
      const r = mergeClusters(doc, actor, { from: [...from], into });
      if (!r.ok) throw new BoardLinkError('invalid', 'merge', null, [], r.message);
      let removed = 0;
      try {
        for (const c of from) if (c !== into) removed += await this.removeLabels(c);
      } catch (e) {
        throw BoardLinkError.from('merge', e);
      }
      return { removed };
    });
  }

  relabel(doc: Y.Doc, actor: Actor, clusterId: string, label: string): Promise<void> {
    return this.serial(() => this.relabelNow(doc, actor, clusterId, label));
  }

  private async relabelNow(doc: Y.Doc, actor: Actor, clusterId: string, label: string): Promise<void> {
    const r = renameCluster(doc, actor, { clusterId, label: label.trim() });
    if (!r.ok) throw new BoardLinkError('invalid', 'relabel', null, [], r.message);
    try {
      const labels = await this.ours((m) => m.k === 'cluster-label' && m.c === clusterId);
      const text = label.trim() || DEFAULT_LABEL[this.lang];
      for (const { item } of labels) {
        const shape = item as SdkItem & { content: string; width: number; height: number };
        // A longer label grows upwards: its bottom edge stays above the notes.
        const height = labelHeight(text, shape.width);
        shape.y += (shape.height - height) / 2;
        shape.height = height;
        shape.content = textToHtml(text);
        await this.call(() => item.sync());
      }
    } catch (e) {
      throw BoardLinkError.from('relabel', e);
    }
  }

  // ---- badges ----

  syncBadges(tally: TallyResult, clusters: readonly ClusterNotes[], signal?: AbortSignal): Promise<BadgeOutcome> {
    return this.serial(() => this.syncBadgesNow(tally, clusters, signal));
  }

  private async syncBadgesNow(tally: TallyResult, clusters: readonly ClusterNotes[], signal?: AbortSignal): Promise<BadgeOutcome> {
    const roundId = tally.roundId;
    const outcome: BadgeOutcome = { created: 0, updated: 0, removed: 0, unchanged: 0, badges: {} };
    try {
      const existing = await this.ours((m) => m.k === 'badge' && m.r === roundId, signal);
      const rows = tally.visible ? tally.rows.filter((r) => r.votes > 0) : [];
      const notesOf = new Map(clusters.map((c) => [c.id, c.notes]));
      const labels = rows.some((r) => r.kind === 'cluster') ? await this.ours((m) => m.k === 'cluster-label', signal) : [];
      const labelOf = new Map(labels.map(({ item, marker }) => [(marker as { c: string }).c, item.id]));
      const wanted = rows.flatMap((r) => (r.kind === 'note' ? [r.targetId] : [...(notesOf.get(r.targetId) ?? []), ...(labelOf.has(r.targetId) ? [labelOf.get(r.targetId)!] : [])]));
      const { rects } = await this.rectsOf(wanted, signal);

      const specs = new Map<string, ReturnType<typeof planBadge>>();
      for (const row of rows) {
        const ids = row.kind === 'note' ? [row.targetId] : [...(notesOf.get(row.targetId) ?? []), labelOf.get(row.targetId)];
        const found = ids.map((id) => (id ? rects.get(id) : undefined)).filter((r): r is Rect => r !== undefined);
        if (found.length > 0) specs.set(row.targetId, planBadge(row.targetId, union(found), row));
      }

      const stale: string[] = [];
      const updates: Array<Promise<void>> = [];
      const kept = new Set<string>();
      for (const { item, marker } of existing) {
        const target = (marker as { x: string }).x;
        const spec = specs.get(target);
        if (!spec || kept.has(target)) {
          stale.push(item.id);
          continue;
        }
        kept.add(target);
        outcome.badges[target] = item.id;
        const c = centre(spec.rect);
        const shape = item as SdkItem & { content: string };
        const absNow = { x: shape.x, y: shape.y };
        if (Math.abs(absNow.x - c.x) < 0.5 && Math.abs(absNow.y - c.y) < 0.5 && contentText(shape.content) === spec.text) {
          outcome.unchanged++;
          continue;
        }
        shape.x = c.x;
        shape.y = c.y;
        shape.content = spec.content;
        updates.push(this.call(() => item.sync(), signal).then(() => void outcome.updated++));
      }
      // Updates in place run beside the creations; the new badges are all made or none are.
      const updated = Promise.allSettled(updates);
      const creates = [...specs.values()].filter((s) => !kept.has(s.targetId));
      let made: SdkBaseItem[];
      try {
        made = await createMarked(this.sdk, this.board.gate, creates.map((s) => ({ call: shapeCall('badge', s, 'round_rectangle'), marker: { k: 'badge', r: roundId, x: s.targetId, v: 1 } })), signal);
      } finally {
        await updated;
      }
      made.forEach((item, i) => {
        const t = creates[i]!.targetId;
        this.index?.set(item.id, { k: 'badge', r: roundId, x: t, v: 1 });
        outcome.badges[t] = item.id;
      });
      outcome.created = made.length;
      const failed = (await updated).find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      outcome.removed = await this.removeOurs(stale, 'badges');
      return outcome;
    } catch (e) {
      throw BoardLinkError.from('badges', e instanceof BatchFailure ? e.cause : e, e instanceof BatchFailure ? e.leftBehind : []);
    }
  }

  clearBadges(roundId?: string): Promise<number> {
    return this.serial(() => this.clearBadgesNow(roundId));
  }

  private async clearBadgesNow(roundId?: string): Promise<number> {
    try {
      const mine = await this.ours((m) => m.k === 'badge' && (roundId === undefined || m.r === roundId));
      return await this.removeOurs(mine.map((m) => m.item.id), 'badges');
    } catch (e) {
      throw BoardLinkError.from('badges', e);
    }
  }

  // ---- results ----

  showResults(roundId: string, tally: TallyResult, meta: ResultsMeta): Promise<ResultsOutcome> {
    return this.serial(() => this.showResultsNow(roundId, tally, meta));
  }

  private async showResultsNow(roundId: string, tally: TallyResult, meta: ResultsMeta): Promise<ResultsOutcome> {
    if (!tally.visible || tally.roundId !== roundId) throw new BoardLinkError('not-visible', 'results');
    const lang = meta.lang ?? this.lang;
    const rows = tally.rows.filter((r) => r.votes > 0);
    let frame;
    try {
      const earlier = (await this.ours((m) => m.k === 'results' && m.r === roundId, meta.signal)).map((m) => m.item as SdkFrame);
      // Labels not given: a note's own text, a cluster's label as drawn on the board.
      const unlabelled = rows.filter((r) => !meta.labels?.[r.targetId]?.trim());
      const { items: noteItems } = await this.rectsOf(unlabelled.filter((r) => r.kind === 'note').map((r) => r.targetId), meta.signal);
      const drawn = unlabelled.some((r) => r.kind === 'cluster') ? await this.ours((m) => m.k === 'cluster-label', meta.signal) : [];
      const clusterLabel = new Map(drawn.map(({ item, marker }) => [(marker as { c: string }).c, 'content' in item ? contentText(item.content) : '']));
      const labelOf = (id: string, kind: 'note' | 'cluster') => {
        const given = meta.labels?.[id]?.trim();
        if (given) return given;
        const n = noteItems.get(id);
        const text = kind === 'note' ? (n && 'content' in n ? contentText(n.content) : '') : (clusterLabel.get(id) ?? '');
        return text || DEFAULT_LABEL[lang];
      };
      const input = {
        question: meta.question,
        rows: rows.map((r) => ({ label: labelOf(r.targetId, r.kind), votes: r.votes, rank: r.rank, tied: r.tied })),
        date: meta.date ?? Date.now(),
        respondents: tally.respondents,
        // N is at least n: a participant who left still voted.
        ...(meta.eligible ? { eligible: Math.max(meta.eligible, tally.respondents) } : {}),
        lang,
        ...(meta.maxRows !== undefined ? { maxRows: meta.maxRows } : {}),
      };
      let at: { x: number; y: number };
      if (earlier[0]) {
        // The round's earlier frame keeps its place; the new one replaces it there.
        const r = absRect(earlier[0], new Map());
        at = { x: r.x, y: r.y };
      } else {
        const beside = meta.beside ?? (await this.templateRect(meta.besideTemplate, meta.signal));
        const want = beside ? layoutResults({ ...input, beside }).frame : undefined;
        const size = layoutResults(input).frame;
        at = await this.board.findFreeSpace({ width: size.width, height: size.height }, want, meta.signal);
      }
      const layout = layoutResults({ ...input, at: { x: at.x, y: at.y } });
      const marker = (item: { elementId: string }) => encodeLinkMarker({ k: 'results', r: roundId, e: item.elementId, v: 1 });
      const out = await insertLayoutItems(this.sdk, this.board.gate, layout, { x: layout.frame.x, y: layout.frame.y }, newInsertionId(), { marker, ...(meta.signal ? { signal: meta.signal } : {}) });
      this.index?.set(out.frameId, { k: 'results', r: roundId, e: 'frame', v: 1 });
      frame = { frameId: out.frameId, frame: out.frame, shown: layout.shown, more: layout.more, replaced: 0 };
      // The new frame stands; only now the old ones go (children first).
      frame.replaced = earlier.length;
      await this.removeOurs(earlier.flatMap((f) => [...f.childrenIds, f.id]), 'results').catch(() => (frame!.replaced = 0));
    } catch (e) {
      throw BoardLinkError.from('results', e);
    }
    if (meta.zoom !== false) await this.board.zoomTo([frame.frameId]).catch(() => undefined);
    return frame;
  }

  private async templateRect(templateId: TemplateId | undefined, signal?: AbortSignal): Promise<Rect | undefined> {
    if (!templateId) return undefined;
    await this.scan(signal);
    const ids = this.templateFrames.get(templateId) ?? [];
    const { rects } = await this.rectsOf(ids, signal);
    // The latest insertion of that template (frames list in creation order).
    return [...rects.values()].at(-1);
  }

  hideResults(roundId: string): Promise<number> {
    return this.serial(() => this.hideResultsNow(roundId));
  }

  private async hideResultsNow(roundId: string): Promise<number> {
    try {
      const frames = (await this.ours((m) => m.k === 'results' && m.r === roundId)).map((m) => m.item as SdkFrame);
      const ids = frames.flatMap((f) => [...f.childrenIds, f.id]);
      await this.removeOurs(ids, 'results');
      return frames.length;
    } catch (e) {
      throw BoardLinkError.from('results', e);
    }
  }
}
