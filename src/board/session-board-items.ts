/**
 * Our loose items on the board (badges, cluster labels, results frames), found by their link
 * markers. They are top-level, so one read of the top-level shapes, texts and frames and
 * their metadata finds them all. That scan runs once; after it the index is kept by our own
 * writes and checked with one read per call. `refresh()` scans again (e.g. after another
 * facilitator device drew badges). Every call goes through the board's SdkGate.
 */
import type { Rect } from '../core/geometry.js';
import type { TemplateId } from '../core/template/types.js';
import { absRect, BoardLinkError, decodeLinkMarker, isBase, type AnyItem, type BoardLinkOp, type LinkMarker } from './link-items.js';
import { decodeMarker, MARKER_KEY } from './marker.js';
import type { MiroSdk, SdkItem } from './sdk.js';
import type { WebSdkBoard } from './web-sdk-board.js';

export class SessionBoardItems {
  /** Our loose items by id (null until scanned), and the template frames by template. */
  private index: Map<string, LinkMarker> | null = null;
  private templateFrames = new Map<string, string[]>();

  constructor(
    readonly sdk: MiroSdk,
    readonly board: WebSdkBoard,
  ) {}

  call<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.board.gate.run(fn, signal);
  }

  refresh(): void {
    this.index = null;
  }

  /** What we know an item of ours is (after a scan). */
  markerOf(id: string): LinkMarker | undefined {
    return this.index?.get(id);
  }

  /** Note an item we just made, so the next read finds it without a scan. */
  remember(id: string, marker: LinkMarker): void {
    this.index?.set(id, marker);
  }

  async scan(signal?: AbortSignal): Promise<Map<string, LinkMarker>> {
    if (this.index) return this.index;
    // Template frames come from the board's item index (no metadata read each): only the rest is read.
    const [all, frames] = await Promise.all([
      this.call(() => this.sdk.board.get({ type: ['shape', 'text', 'frame'] }), signal),
      this.board.findMarkedFrames(),
    ]);
    const templates = new Map<string, string[]>();
    const known = new Map(frames.map((f) => [f.id, f.marker.t]));
    for (const i of all) { // in the board's order (creation order): the latest insertion last
      const t = known.get(i.id);
      if (t) templates.set(t, [...(templates.get(t) ?? []), i.id]);
    }
    const top = all.filter(isBase).filter((i) => i.parentId === null && !known.has(i.id));
    const marks = await Promise.all(top.map((i) => this.call(() => i.getMetadata(MARKER_KEY), signal)));
    const index = new Map<string, LinkMarker>();
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
  async ours(which: (m: LinkMarker) => boolean, signal?: AbortSignal): Promise<Array<{ item: SdkItem; marker: LinkMarker }>> {
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
  async rectsOf(ids: readonly string[], signal?: AbortSignal): Promise<{ items: Map<string, SdkItem>; rects: Map<string, Rect> }> {
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
  async removeOurs(ids: readonly string[], op: BoardLinkOp): Promise<number> {
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

  /** Where the latest insertion of a template is (frames list in creation order). */
  async templateRect(templateId: TemplateId | undefined, signal?: AbortSignal): Promise<Rect | undefined> {
    if (!templateId) return undefined;
    await this.scan(signal);
    const ids = this.templateFrames.get(templateId) ?? [];
    const { rects } = await this.rectsOf(ids, signal);
    return [...rects.values()].at(-1);
  }
}
