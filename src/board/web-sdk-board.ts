/**
 * The Board port over Miro's Web SDK: in Miro it is given the global `miro`, in the sandbox
 * and tests the stand-in host. Every SDK call goes through one SdkGate (bounded concurrency,
 * the shared credit budget, rate-limit retries); share `board.gate.budget` with anything
 * else that spends credits (the Miro sync transport's CreditMeter).
 *
 * Coordinates: Miro gives centres, children relative to their frame's top-left; the port
 * speaks absolute top-left rects only.
 */
import type { Rect } from '../core/geometry.js';
import { findFreeSpot } from '../core/layout/free-space.js';
import type { Layout } from '../core/layout/types.js';
import { isAbortError } from './clock.js';
import { SdkGate, type GateOptions } from './gate.js';
import { insertLayoutItems, validateLayout } from './insert.js';
import { InsertionError } from './insertion-error.js';
import { decodeMarker, MARKER_KEY, newInsertionId, type TryghedMarker } from './marker.js';
import type { BoardItemKind, BoardNote, BoardPort, InsertOptions, InsertionResult, MarkedItem, MarkerFilter, Size } from './port.js';
import type { MiroSdk, SdkBaseItem, SdkFrame, SdkItem, SdkOtherItem } from './sdk.js';

export interface WebSdkBoardOptions extends GateOptions {
  /** Share one gate (and so one budget and one concurrency bound) between boards/transports. */
  gate?: SdkGate;
  /** Margin kept around a new frame when looking for free space (board units). */
  freeSpaceMargin?: number;
}

type AnyItem = SdkItem | SdkOtherItem;

function isBase(item: AnyItem): item is SdkItem {
  return 'x' in item && 'getMetadata' in item;
}

function kindOf(type: string): BoardItemKind {
  return type === 'frame' || type === 'sticky_note' || type === 'shape' || type === 'text' ? type : 'other';
}

export class WebSdkBoard implements BoardPort {
  readonly gate: SdkGate;
  private readonly margin: number;

  constructor(
    private readonly sdk: MiroSdk,
    options: WebSdkBoardOptions = {},
  ) {
    this.gate = options.gate ?? new SdkGate(options);
    this.margin = options.freeSpaceMargin ?? 100;
  }

  private call<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.gate.run(fn, signal);
  }

  async viewport(): Promise<Rect> {
    // Miro's viewport rect is already top-left based.
    const v = await this.call(() => this.sdk.board.viewport.get());
    return { x: v.x, y: v.y, width: v.width, height: v.height };
  }

  async findFreeSpace(size: Size, near?: Rect, signal?: AbortSignal): Promise<Rect> {
    const around = near ?? (await this.call(() => this.sdk.board.viewport.get(), signal));
    try {
      // findEmptySpace speaks centres, both ways.
      const found = await this.call(
        () =>
          this.sdk.board.findEmptySpace({
            x: around.x + around.width / 2,
            y: around.y + around.height / 2,
            width: size.width,
            height: size.height,
            offset: this.margin,
          }),
        signal,
      );
      return { x: found.x - found.width / 2, y: found.y - found.height / 2, width: found.width, height: found.height };
    } catch (e) {
      if (signal?.aborted || typeof this.sdk.board.findEmptySpace === 'function') throw e;
    }
    // A host without findEmptySpace: compute it from the top-level items (children sit inside their frames).
    const occupied = (await this.call(() => this.sdk.board.get(), signal))
      .filter(isBase)
      .filter((i) => i.parentId === null)
      .map((i) => this.rectOf(i, null));
    return findFreeSpot(occupied, around, size, this.margin);
  }

  async insertLayout(layout: Layout, options: InsertOptions = {}): Promise<InsertionResult> {
    const insertionId = options.insertionId ?? newInsertionId();
    validateLayout(layout, insertionId);
    let at = options.at;
    if (!at) {
      try {
        at = await this.findFreeSpace({ width: layout.frame.width, height: layout.frame.height }, undefined, options.signal);
      } catch (e) {
        const code = options.signal?.aborted || isAbortError(e) ? 'aborted' : 'no-space';
        throw new InsertionError(code, 'place', insertionId, null, e);
      }
    }
    const { frameItem, ...outcome } = await insertLayoutItems(this.sdk, this.gate, layout, at, insertionId, options);
    let zoomed = false;
    if (options.zoom !== false) {
      try {
        await this.call(() => this.sdk.board.viewport.zoomTo(frameItem));
        zoomed = true;
      } catch {
        // The items are on the board; a view that did not move is no reason to undo them.
      }
    }
    return { ...outcome, zoomed };
  }

  async zoomTo(ids: readonly string[]): Promise<void> {
    const items = (await this.items(ids)).filter(isBase);
    if (items.length > 0) await this.call(() => this.sdk.board.viewport.zoomTo(items));
  }

  async removeItems(ids: readonly string[]): Promise<number> {
    const items = (await this.items(ids)).filter(isBase);
    let removed = 0;
    const remove = (item: SdkBaseItem) => this.call(() => this.sdk.board.remove(item)).then(() => void removed++);
    // Children before frames, so a frame never takes its children with it unasked.
    await Promise.all(items.filter((i) => i.type !== 'frame').map(remove));
    await Promise.all(items.filter((i) => i.type === 'frame').map(remove));
    return removed;
  }

  async getSelection(): Promise<BoardNote[]> {
    return this.notesOf(await this.call(() => this.sdk.board.getSelection()));
  }

  onSelectionChange(cb: (notes: BoardNote[]) => void): () => void {
    let latest = 0;
    let live = true;
    const handler = (event: { items?: AnyItem[] }) => {
      const seq = ++latest;
      void this.notesOf(event.items ?? []).then(
        (notes) => live && seq === latest && cb(notes),
        () => undefined, // A failed parent lookup: the next selection event brings a fresh answer.
      );
    };
    this.sdk.board.ui.on('selection:update', handler);
    return () => {
      live = false;
      this.sdk.board.ui.off('selection:update', handler);
    };
  }

  onItemsDeleted(cb: (ids: string[]) => void): () => void {
    const handler = (event: { items?: SdkOtherItem[] }) => {
      const ids = (event.items ?? []).map((i) => i.id);
      if (ids.length > 0) cb(ids);
    };
    this.sdk.board.ui.on('items:delete', handler);
    return () => this.sdk.board.ui.off('items:delete', handler);
  }

  async getNotes(ids?: readonly string[]): Promise<BoardNote[]> {
    if (ids && ids.length === 0) return [];
    const filter = ids ? { id: [...ids] } : { type: 'sticky_note' };
    return this.notesOf(await this.call(() => this.sdk.board.get(filter)));
  }

  /** Miro's board timer (`board.timer`, when `canUse('timer')`); a host without one answers false. */
  async startTimer(ms: number): Promise<boolean> {
    const timer = (this.sdk.board as { timer?: { start(durationMs: number): Promise<unknown> } }).timer;
    if (!timer || !(await this.call(() => this.sdk.board.canUse('timer')))) return false;
    await this.call(() => timer.start(ms));
    return true;
  }

  /**
   * Our items: frames carrying our marker, then their children carrying it. One read for the
   * frames, one metadata read per frame, per matching frame one read for its children and one
   * metadata read per child (50 credits each): scoped by frame so a big board stays cheap.
   */
  async findByMarker(filter: MarkerFilter = {}): Promise<MarkedItem[]> {
    const frames = (await this.call(() => this.sdk.board.get({ type: 'frame' }))).filter(
      (f): f is SdkFrame => f.type === 'frame' && isBase(f),
    );
    const markedFrames = await Promise.all(frames.map(async (f) => ({ f, m: await this.markerOf(f) })));
    const byFrame = (m: TryghedMarker) =>
      (!filter.templateId || m.t === filter.templateId) && (!filter.insertionId || m.i === filter.insertionId);
    const out: MarkedItem[] = [];
    for (const { f, m } of markedFrames) {
      if (!m || !byFrame(m)) continue;
      const frameRect = this.rectOf(f, null);
      if (!filter.elementId || m.e === filter.elementId) out.push({ id: f.id, kind: 'frame', rect: frameRect, parentId: f.parentId, marker: m });
      if (f.childrenIds.length === 0) continue;
      const children = (await this.call(() => this.sdk.board.get({ id: [...f.childrenIds] }))).filter(isBase);
      const marks = await Promise.all(children.map((c) => this.markerOf(c)));
      children.forEach((c, k) => {
        const cm = marks[k];
        if (!cm || cm.i !== m.i || (filter.elementId && cm.e !== filter.elementId)) return;
        out.push({ id: c.id, kind: kindOf(c.type), rect: this.rectOf(c, f), parentId: f.id, marker: cm });
      });
    }
    return out;
  }

  async findMarkedFrames(filter: MarkerFilter = {}): Promise<MarkedItem[]> {
    const frames = (await this.call(() => this.sdk.board.get({ type: 'frame' }))).filter(
      (f): f is SdkFrame => f.type === 'frame' && isBase(f),
    );
    const marks = await Promise.all(frames.map((f) => this.markerOf(f)));
    const out: MarkedItem[] = [];
    frames.forEach((f, k) => {
      const m = marks[k];
      if (!m || (filter.templateId && m.t !== filter.templateId) || (filter.insertionId && m.i !== filter.insertionId)) return;
      out.push({ id: f.id, kind: 'frame', rect: this.rectOf(f, null), parentId: f.parentId, marker: m });
    });
    return out;
  }

  private async markerOf(item: SdkItem): Promise<TryghedMarker | null> {
    return decodeMarker(await this.call(() => item.getMetadata(MARKER_KEY)));
  }

  private async items(ids: readonly string[]): Promise<AnyItem[]> {
    if (ids.length === 0) return [];
    return this.call(() => this.sdk.board.get({ id: [...ids] }));
  }

  /** Sticky notes among `items`, with absolute rects (one read for the parent frames, if any). */
  private async notesOf(items: readonly AnyItem[]): Promise<BoardNote[]> {
    const notes = items.filter((i): i is Extract<SdkItem, { type: 'sticky_note' }> => i.type === 'sticky_note' && isBase(i));
    const parentIds = [...new Set(notes.map((n) => n.parentId).filter((p): p is string => p !== null))];
    const parents = new Map<string, SdkItem>();
    if (parentIds.length > 0) {
      for (const p of await this.call(() => this.sdk.board.get({ id: parentIds }))) if (isBase(p)) parents.set(p.id, p);
    }
    return notes.map((n) => ({
      id: n.id,
      content: n.content,
      colour: n.style.fillColor,
      rect: this.rectOf(n, n.parentId ? (parents.get(n.parentId) ?? null) : null),
      parentId: n.parentId,
    }));
  }

  /** Absolute top-left rect of `item`; a child's centre is relative to its parent's top-left. */
  private rectOf(item: SdkItem, parent: SdkItem | null): Rect {
    const width = 'width' in item ? item.width : 0;
    const height = 'height' in item ? item.height : 0;
    let cx = item.x;
    let cy = item.y;
    if (parent && item.parentId === parent.id) {
      const p = this.rectOf(parent, null);
      cx += p.x;
      cy += p.y;
    }
    return { x: cx - width / 2, y: cy - height / 2, width, height };
  }
}
