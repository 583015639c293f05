/**
 * ItemStore: the board's items as the host holds them, and the operations on them (create,
 * sync, remove, frame add/remove, metadata, queries) with Miro's refusals. No events here:
 * StandInBoard announces what changed.
 */
import type { Json } from '@mirohq/websdk-types';
import type { SdkItemType } from '../../src/board/sdk.js';
import { contains, type Rect } from '../../src/core/geometry.js';
import { refuse } from './errors.js';
import { fieldsFromProps, fieldsFromSync, findEmptySpace, type ItemData, type ItemState } from './model.js';
import type { Rect4 } from './protocol.js';
import { checkMetadata, requireString } from './rules.js';

export class ItemStore {
  /** Insertion order is creation order (items are never re-inserted). */
  private readonly byId = new Map<string, ItemState>();
  private readonly removed = new Set<string>();
  /** Children per frame id, so frame reads do not scan the board. */
  private readonly kids = new Map<string, Set<string>>();
  private seq = 0;

  all(): ItemState[] { return [...this.byId.values()]; }
  has(id: string): boolean { return this.byId.has(id); }
  isRemoved(id: string): boolean { return this.removed.has(id); }

  live(id: unknown): ItemState {
    requireString(id, 'id');
    const s = this.byId.get(id);
    if (s) return s;
    if (this.removed.has(id)) refuse('ITEM_REMOVED', `Item with id ${id} was removed from the board`, 404);
    refuse('ITEM_NOT_FOUND', `Item with id ${id} not found`, 404);
  }

  /** Absolute rectangle (top-left based). */
  absoluteRect(id: string): Rect {
    const s = this.live(id);
    let cx = s.x;
    let cy = s.y;
    if (s.parentId) {
      const p = this.absoluteRect(s.parentId);
      cx += p.x;
      cy += p.y;
    }
    return { x: cx - s.width / 2, y: cy - s.height / 2, width: s.width, height: s.height };
  }

  /** Direct children, in creation order. */
  children(id: string): string[] {
    const set = this.kids.get(id);
    if (!set) return [];
    return [...set].map((k) => this.live(k)).sort((a, b) => a.seq - b.seq).map((c) => c.id);
  }

  private setParent(item: ItemState, parentId: string | null): void {
    if (item.parentId) this.kids.get(item.parentId)?.delete(item.id);
    item.parentId = parentId;
    if (parentId) {
      let set = this.kids.get(parentId);
      if (!set) this.kids.set(parentId, (set = new Set()));
      set.add(item.id);
    }
  }

  descendants(id: string): string[] {
    return this.children(id).flatMap((k) => [k, ...this.descendants(k)]);
  }

  /** What an app instance sees of an item. */
  data(id: string): ItemData {
    const s = this.live(id);
    const d: ItemData = { id: s.id, type: s.type, parentId: s.parentId, x: s.x, y: s.y, width: s.width, height: s.height, style: { ...s.style } };
    if (s.type === 'frame') {
      d.title = s.title;
      d.childrenIds = this.children(s.id);
    } else {
      d.content = s.content;
    }
    if (s.type === 'sticky_note' || s.type === 'shape') d.shape = s.shape;
    return d;
  }

  create(userId: string, type: SdkItemType, props: unknown): ItemState {
    const fields = fieldsFromProps(type, props);
    const seq = ++this.seq;
    // Miro ids are 19-digit strings.
    const state: ItemState = { id: `3458764${String(seq).padStart(12, '0')}`, type, seq, createdBy: userId, parentId: null, metadata: {}, ...fields };
    this.byId.set(state.id, state);
    return state;
  }

  sync(id: string, fields: unknown): ItemState {
    const s = this.live(id);
    Object.assign(s, fieldsFromSync(s, fields));
    return s;
  }

  /** Remove an item; a frame takes what is in it along, as deleting a frame on the board does. */
  remove(id: string): { ids: string[]; items: ItemData[] } {
    const s = this.live(id);
    const ids = [s.id, ...this.descendants(s.id)];
    const items = ids.map((g) => this.data(g));
    this.setParent(s, null);
    for (const g of ids) {
      this.byId.delete(g);
      this.kids.delete(g);
      this.removed.add(g);
    }
    return { ids, items };
  }

  private frameOf(frameId: string): ItemState {
    const f = this.live(frameId);
    if (f.type !== 'frame') refuse('INVALID_ARGUMENT', `Item ${frameId} is not a frame`);
    return f;
  }

  /** frame.add does not move the item: it must already be inside; its x/y become frame-relative. */
  frameAdd(frameId: string, itemId: string): { frame: ItemData; item: ItemData } {
    const frame = this.frameOf(frameId);
    const item = this.live(itemId);
    if (item.id === frame.id || this.descendants(item.id).includes(frame.id)) refuse('INVALID_ARGUMENT', 'A frame cannot contain itself');
    const fr = this.absoluteRect(frame.id);
    const ir = this.absoluteRect(item.id);
    if (!contains(fr, ir, 1e-6)) {
      refuse('CHILD_OUTSIDE_FRAME', `Cannot add item ${item.id} to frame ${frame.id}: the item must be inside the frame's bounds (frame.add does not move items)`);
    }
    this.setParent(item, frame.id);
    item.x = ir.x + ir.width / 2 - fr.x;
    item.y = ir.y + ir.height / 2 - fr.y;
    return { frame: this.data(frame.id), item: this.data(item.id) };
  }

  /**
   * A person drags an item: its centre goes to (cx, cy) on the board and its parent becomes
   * `parentId` (a frame, or null), with no containment check: on Miro a dragged sticky may
   * overhang the frame it was dropped in. Its x/y become relative to the new parent.
   */
  place(itemId: string, cx: number, cy: number, parentId: string | null): ItemState {
    const item = this.live(itemId);
    let px = 0;
    let py = 0;
    if (parentId !== null) {
      const frame = this.frameOf(parentId);
      if (frame.id === item.id || this.descendants(item.id).includes(frame.id)) refuse('INVALID_ARGUMENT', 'A frame cannot contain itself');
      const fr = this.absoluteRect(frame.id);
      px = fr.x;
      py = fr.y;
    }
    this.setParent(item, parentId);
    item.x = cx - px;
    item.y = cy - py;
    return item;
  }

  frameRemove(frameId: string, itemId: string): { frame: ItemData; item: ItemData } {
    const frame = this.frameOf(frameId);
    const item = this.live(itemId);
    if (item.parentId !== frame.id) refuse('NOT_A_CHILD', `Item ${item.id} is not a child of frame ${frame.id}`);
    const ir = this.absoluteRect(item.id);
    this.setParent(item, null);
    item.x = ir.x + ir.width / 2;
    item.y = ir.y + ir.height / 2;
    return { frame: this.data(frame.id), item: this.data(item.id) };
  }

  getMetadata(appId: string, id: string, key: string | undefined): Json | undefined {
    const all = this.live(id).metadata[appId] ?? {};
    return structuredClone(key === undefined ? all : all[key]);
  }

  setMetadata(appId: string, id: string, key: string, value: Json): Record<string, Json> {
    const s = this.live(id);
    const all = s.metadata[appId] ?? {};
    checkMetadata(key, value, all);
    const next = { ...all, [key]: structuredClone(value) };
    s.metadata[appId] = next;
    return structuredClone(next);
  }

  query(filter: { id?: string | string[]; type?: string | string[] } | undefined): ItemData[] {
    if (filter !== undefined && (typeof filter !== 'object' || filter === null)) refuse('INVALID_ARGUMENT', 'get: filter must be an object');
    const set = (v: string | string[] | undefined) => (v === undefined ? null : new Set(Array.isArray(v) ? v : [v]));
    const ids = set(filter?.id);
    const types = set(filter?.type);
    return this.all().filter((s) => (!ids || ids.has(s.id)) && (!types || types.has(s.type))).map((s) => this.data(s.id));
  }

  emptySpace(d: Rect4 & { offset?: number }): Rect4 {
    if (typeof d !== 'object' || d === null) refuse('INVALID_ARGUMENT', 'findEmptySpace: dimensions must be an object');
    for (const k of ['x', 'y', 'width', 'height'] as const) {
      if (typeof d[k] !== 'number' || !Number.isFinite(d[k])) refuse('INVALID_ARGUMENT', `findEmptySpace: "${k}" must be a finite number`);
    }
    if (d.width <= 0 || d.height <= 0) refuse('INVALID_ARGUMENT', 'findEmptySpace: width and height must be positive');
    if (d.offset !== undefined && (typeof d.offset !== 'number' || !(d.offset >= 0))) refuse('INVALID_ARGUMENT', 'findEmptySpace: "offset" must be a non-negative number');
    return findEmptySpace(this.all().map((s) => this.absoluteRect(s.id)), d);
  }

  /** The viewport that shows `ids` with a 5% margin, keeping `current`'s aspect ratio. */
  fit(ids: unknown, current: Rect4): Rect4 {
    if (!Array.isArray(ids) || ids.length === 0) refuse('INVALID_ARGUMENT', 'zoomTo: expected one or more items');
    const rects = ids.map((id) => this.absoluteRect(id as string));
    const x0 = Math.min(...rects.map((r) => r.x));
    const y0 = Math.min(...rects.map((r) => r.y));
    const x1 = Math.max(...rects.map((r) => r.x + r.width));
    const y1 = Math.max(...rects.map((r) => r.y + r.height));
    const aspect = current.width / current.height;
    let width = (x1 - x0) * 1.1;
    let height = (y1 - y0) * 1.1;
    if (width / height > aspect) height = width / aspect;
    else width = height * aspect;
    return { x: (x0 + x1) / 2 - width / 2, y: (y0 + y1) / 2 - height / 2, width, height };
  }
}
