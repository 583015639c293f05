/**
 * The Board port: what the UI (and later clustering, badges, results frames) may ask of the
 * board. Plain data in, plain data out; no SDK type leaks through. Rects are absolute,
 * top-left based, in board units (core/geometry.ts). WebSdkBoard implements it over Miro's
 * Web SDK (or the sandbox's stand-in).
 */
import type { Rect } from '../core/geometry.js';
import type { Layout } from '../core/layout/types.js';
import type { StickyColour } from '../core/miro-rules.js';
import type { TemplateId } from '../core/template/types.js';
import type { TryghedMarker } from './marker.js';

export type { TryghedMarker } from './marker.js';
export type { InsertionErrorCode, InsertionPhase, InsertionErrorParams } from './insertion-error.js';
export { InsertionError } from './insertion-error.js';

export type BoardItemKind = 'frame' | 'sticky_note' | 'shape' | 'text' | 'other';

export interface Size {
  width: number;
  height: number;
}

/** A sticky note as the app sees it. */
export interface BoardNote {
  id: string;
  /** HTML as Miro keeps it. */
  content: string;
  colour: StickyColour | string;
  /** Absolute, top-left. */
  rect: Rect;
  /** The frame it sits in, if any. */
  parentId: string | null;
}

export interface ItemText {
  id: string;
  content: string;
}

/** An item that carries our marker. */
export interface MarkedItem {
  id: string;
  kind: BoardItemKind;
  rect: Rect;
  parentId: string | null;
  marker: TryghedMarker;
}

export interface MarkerFilter {
  templateId?: TemplateId;
  insertionId?: string;
  elementId?: string;
}

export interface InsertOptions {
  /** Shared by every item of this insertion (in its marker); generated when absent. */
  insertionId?: string;
  /** Where the frame's top-left goes; by default a free spot near the centre of the view. */
  at?: { x: number; y: number };
  /** Called after each item is created, attached and marked (the frame counts as one). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the insertion and removes what it created. */
  signal?: AbortSignal;
  /** Move the view to the new frame afterwards (default true). */
  zoom?: boolean;
}

export interface InsertionResult {
  insertionId: string;
  frameId: string;
  /** Where the frame landed (absolute, top-left). */
  frame: Rect;
  /** Template element id → board item id, the frame under "frame". */
  ids: Record<string, string>;
  /** Items created (frame included). */
  created: number;
  /** Whether the view moved to the frame (a failed zoom does not undo the insertion). */
  zoomed: boolean;
}

export interface BoardPort {
  /** The visible part of the board (absolute, top-left). */
  viewport(): Promise<Rect>;
  /** A free rect of `size` near `near` (default: the centre of the view); absolute, top-left. */
  findFreeSpace(size: Size, near?: Rect): Promise<Rect>;
  /** Rects of every top-level item on the board (frames and loose items; a frame's children sit inside it). */
  occupied(signal?: AbortSignal): Promise<Rect[]>;
  /**
   * Creates every planned item of `layout`, shifted so the frame lands at `options.at` or a
   * free spot, all of it or nothing: on failure or abort it removes what it created and
   * rejects with an InsertionError.
   */
  insertLayout(layout: Layout, options?: InsertOptions): Promise<InsertionResult>;
  zoomTo(ids: readonly string[]): Promise<void>;
  /** Removes the items (children before frames); resolves to how many were removed. */
  removeItems(ids: readonly string[]): Promise<number>;
  /** The selected sticky notes. */
  getSelection(): Promise<BoardNote[]>;
  /** Every selected item but frames: notes, and shapes (the deck's areas are voted on too). */
  getSelectedIds(): Promise<string[]>;
  /** Our items (marked frames and their marked children) matching `filter`. */
  findByMarker(filter?: MarkerFilter): Promise<MarkedItem[]>;
  /** Our template frames only. */
  findMarkedFrames(filter?: MarkerFilter): Promise<MarkedItem[]>;
  /** Called with the selected sticky notes (and the other selected items' texts: shapes) whenever the selection changes; returns unsubscribe. */
  onSelectionChange(cb: (notes: BoardNote[], others: ItemText[]) => void): () => void;
  /** Called after this port inserted a template (its frame and items all there); returns unsubscribe. */
  onInserted(cb: (templateId: TemplateId, frameId: string) => void): () => void;
  /** Called with the ids of items removed from the board (by anyone); returns unsubscribe. */
  onItemsDeleted(cb: (ids: string[]) => void): () => void;
  /** Sticky notes on the board: those with `ids`, or all of them. */
  getNotes(ids?: readonly string[]): Promise<BoardNote[]>;
  /** What the items with `ids` say (HTML as Miro keeps it): notes, and shapes (the deck's areas are voted on too). */
  getTexts(ids: readonly string[]): Promise<ItemText[]>;
  /** Starts the board's own timer where the board offers one; resolves false where it does not. */
  startTimer(ms: number): Promise<boolean>;
}
