/**
 * The Board port over Miro's Web SDK: in Miro it is given the global `miro`, in the sandbox
 * and tests the stand-in host. Every SDK call goes through one SdkGate (bounded concurrency,
 * the shared credit budget, rate-limit retries); the Host port (host.ts) and the Miro
 * transport's channel use the same gate.
 *
 * Coordinates: Miro gives centres, children relative to their frame's top-left; the port
 * speaks absolute top-left rects only.
 *
 * The insertion engine (insert.ts) and the free-space search load on their first use: the
 * panel's first paint offers insertion but does not carry it.
 */
import type { TemplateId } from '../core/template/types.js';
import type { Rect } from '../core/geometry.js';
import type { Layout } from '../core/layout/types.js';
import { isAbortError } from './clock.js';
import { isRateLimitError, SdkGate, type GateOptions } from './gate.js';
import { InsertionError } from './insertion-error.js';
import { ItemIndex } from './item-index.js';
import { newInsertionId } from './marker.js';
import type { BoardNote, BoardPort, InsertOptions, ItemText, InsertionResult, MarkedItem, MarkerFilter, Size } from './port.js';
import type { MiroSdk, SdkBaseItem, SdkItem, SdkOtherItem } from './sdk.js';

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

/** What items with text say (notes, shapes, texts), as Miro keeps it. */
function textsOf(items: readonly AnyItem[]): ItemText[] {
  return items.filter(isBase).flatMap((i) => ('content' in i && typeof i.content === 'string' ? [{ id: i.id, content: i.content }] : []));
}

export class WebSdkBoard implements BoardPort {
  readonly gate: SdkGate;
  /** Our items by marker and the board's stickies, kept current from the board's events. */
  readonly index: ItemIndex;
  private readonly margin: number;

  constructor(
    private readonly sdk: MiroSdk,
    options: WebSdkBoardOptions = {},
  ) {
    this.gate = options.gate ?? new SdkGate(options);
    this.margin = options.freeSpaceMargin ?? 100;
    this.index = new ItemIndex(sdk, { call: (fn) => this.call(fn), warn: (m, e) => console.warn(m, e) });
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
    // A host without findEmptySpace: compute it from the top-level items.
    const [{ findFreeSpot }, occupied] = await Promise.all([import('../core/layout/free-space.js'), this.occupied(signal)]);
    return findFreeSpot(occupied, around, size, this.margin);
  }

  async occupied(signal?: AbortSignal): Promise<Rect[]> {
    // Children sit inside their frames: the top-level items cover everything.
    return (await this.call(() => this.sdk.board.get(), signal))
      .filter(isBase)
      .filter((i) => i.parentId === null)
      .map((i) => this.rectOf(i, null));
  }

  async insertLayout(layout: Layout, options: InsertOptions = {}): Promise<InsertionResult> {
    const insertionId = options.insertionId ?? newInsertionId();
    const { insertLayoutItems, validateLayout } = await import('./insert.js');
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
    try {
      await this.index.recordInsertion(layout.templateId, insertionId, outcome.ids);
    } catch (e) {
      // The items are on the board; other panels find them by their metadata instead.
      console.warn('Tryghed: the insertion was not recorded for other panels', e);
    }
    for (const cb of [...this.inserted]) cb(layout.templateId, outcome.ids.frame ?? '');
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

  async getSelectedIds(): Promise<string[]> {
    return (await this.call(() => this.sdk.board.getSelection())).filter((i) => i.type !== 'frame').map((i) => i.id);
  }

  onSelectionChange(cb: (notes: BoardNote[], others: ItemText[]) => void): () => void {
    let latest = 0;
    let live = true;
    const handler = (event: { items?: AnyItem[] }) => {
      const seq = ++latest;
      const items = event.items ?? [];
      void this.notesOf(items).then(
        (notes) => live && seq === latest && cb(notes, textsOf(items.filter((i) => i.type !== 'sticky_note'))),
        () => undefined, // A failed parent lookup: the next selection event brings a fresh answer.
      );
    };
    this.sdk.board.ui.on('selection:update', handler);
    return () => {
      live = false;
      this.sdk.board.ui.off('selection:update', handler);
    };
  }

  private readonly inserted = new Set<(templateId: TemplateId, frameId: string) => void>();
  onInserted(cb: (templateId: TemplateId, frameId: string) => void): () => void {
    this.inserted.add(cb);
    return () => this.inserted.delete(cb);
  }

  onItemsDeleted(cb: (ids: string[]) => void): () => void {
    const handler = (event: { items?: SdkOtherItem[] }) => {
      const ids = (event.items ?? []).map((i) => i.id);
      if (ids.length > 0) cb(ids);
    };
    this.sdk.board.ui.on('items:delete', handler);
    return () => this.sdk.board.ui.off('items:delete', handler);
  }

  /** Those with `ids` fresh from the board (one read); all of them from the index (no read once built). */
  async getNotes(ids?: readonly string[]): Promise<BoardNote[]> {
    if (!ids) return this.index.notes();
    if (ids.length === 0) return [];
    return this.notesOf(await this.call(() => this.sdk.board.get({ id: [...ids] })));
  }

  async getTexts(ids: readonly string[]): Promise<ItemText[]> {
    return textsOf(await this.items(ids));
  }

  /**
   * Miro's board timer (`board.timer`, when `canUse('timer')`); a host without one answers false.
   * A timer still running from before is stopped and started anew (one try).
   */
  async startTimer(ms: number): Promise<boolean> {
    const timer = this.sdk.board.timer;
    if (!timer || !(await this.call(() => this.sdk.board.canUse('timer')))) return false;
    try {
      await this.call(() => timer.start(ms));
    } catch (e) {
      if (isRateLimitError(e)) throw e;
      await this.call(() => timer.stop());
      await this.call(() => timer.start(ms));
    }
    return true;
  }

  /** Stops the board's timer; false where the host has none. */
  async stopTimer(): Promise<boolean> {
    const timer = this.sdk.board.timer;
    if (!timer || !(await this.call(() => this.sdk.board.canUse('timer')))) return false;
    await this.call(() => timer.stop());
    return true;
  }

  /** Our items, from the index (see item-index.ts: no call once built, whatever the board holds). */
  findByMarker(filter: MarkerFilter = {}): Promise<MarkedItem[]> {
    return this.index.marked(filter, true);
  }

  findMarkedFrames(filter: MarkerFilter = {}): Promise<MarkedItem[]> {
    return this.index.marked(filter, false);
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
