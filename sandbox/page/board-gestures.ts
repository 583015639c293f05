/**
 * Pointer and keyboard handling of the sandbox board, as on Miro: drag empty board to pan
 * (with Shift, or in select mode, to draw a selection band); click an item to select it,
 * Shift/Ctrl/⌘-click to toggle; drag a selected item to move the selection; double-click
 * the board (empty, a frame, a zone) to write a sticky there, a sticky to edit it. Keyboard: arrow keys
 * walk the stickies, Space toggles, Alt+arrows move, Delete deletes, Escape clears.
 * It decides; the board draws its state (band, move preview, keyboard cursor) and the page
 * applies the events to the stand-in.
 */
import type { Rect } from '../../src/core/geometry.js';
import type { ItemView } from '../host/stand-in.js';
import type { SelectMode } from './board-editing.js';

export interface BoardEvents {
  'board-select': { ids: string[]; mode: SelectMode };
  'board-move': { ids: string[]; dx: number; dy: number };
  /** Write a new sticky centred at board point (x, y); sx/sy: where on the board element. */
  'board-write': { x: number; y: number; sx: number; sy: number };
  'board-edit': { id: string; sx: number; sy: number };
  'board-delete': Record<string, never>;
}

export interface View { x: number; y: number; scale: number }

/** What the gestures need of the board element. */
export interface GestureHost {
  readonly items: readonly ItemView[];
  readonly selected: readonly string[];
  readonly selectMode: boolean;
  readonly view: View;
  setView(view: View): void;
  zoomCentre(factor: number): void;
  showAll(): void;
  /** The item under a client point, or null for empty board (a frame's body counts as empty). */
  hitAt(clientX: number, clientY: number): ItemView | null;
  bounds(): DOMRect;
  emit<K extends keyof BoardEvents>(name: K, detail: BoardEvents[K]): void;
  requestUpdate(): void;
}

const DRAG_THRESHOLD_PX = 3;
/** Board units per Alt+arrow press. */
const NUDGE = 20;
const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };

type Press =
  | { kind: 'pan'; px: number; py: number; vx: number; vy: number; moved: boolean }
  | { kind: 'band'; px: number; py: number; wx: number; wy: number; add: boolean; moved: boolean }
  | { kind: 'item'; px: number; py: number; id: string; ids: string[]; wasSelected: boolean; moved: boolean };

/** Items a selection band takes: anything it touches, but a frame only when wholly inside. */
export function itemsInBand(items: readonly ItemView[], band: Rect): string[] {
  const touches = (r: Rect) => r.x <= band.x + band.width && r.x + r.width >= band.x && r.y <= band.y + band.height && r.y + r.height >= band.y;
  const inside = (r: Rect) => r.x >= band.x && r.y >= band.y && r.x + r.width <= band.x + band.width && r.y + r.height <= band.y + band.height;
  return items.filter((i) => (i.type === 'frame' ? inside(i.absolute) : touches(i.absolute))).map((i) => i.id);
}

/** Stickies in reading order (rows of about half a sticky, then left to right): the keyboard's path. */
export function readingOrder(items: readonly ItemView[]): ItemView[] {
  const row = (i: ItemView) => Math.floor((i.absolute.y + i.absolute.height / 2) / 120);
  const cx = (i: ItemView) => i.absolute.x + i.absolute.width / 2;
  return items.filter((i) => i.type === 'sticky_note').sort((a, b) => row(a) - row(b) || cx(a) - cx(b));
}

export class BoardGestures {
  press: Press | null = null;
  /** The selection band being drawn (board units). */
  band: Rect | null = null;
  /** The drag in progress: which items, and by how much (board units). */
  moving: { ids: string[]; dx: number; dy: number } | null = null;
  /** The keyboard's current sticky. */
  focusId: string | null = null;

  constructor(private readonly host: GestureHost) {}

  private world(clientX: number, clientY: number): { x: number; y: number; sx: number; sy: number } {
    const r = this.host.bounds();
    const { x, y, scale } = this.host.view;
    const sx = clientX - r.left;
    const sy = clientY - r.top;
    return { x: x + sx / scale, y: y + sy / scale, sx, sy };
  }

  onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    // The rest of the press is followed on the window: capture can be lost while the board redraws.
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerCancel);
    this.focusId = null;
    const hit = this.host.hitAt(e.clientX, e.clientY);
    const toggle = e.shiftKey || e.ctrlKey || e.metaKey;
    if (hit) {
      if (toggle) {
        this.host.emit('board-select', { ids: [hit.id], mode: 'toggle' });
        return;
      }
      const wasSelected = this.host.selected.includes(hit.id);
      if (!wasSelected) this.host.emit('board-select', { ids: [hit.id], mode: 'replace' });
      const ids = wasSelected ? [...this.host.selected] : [hit.id];
      this.press = { kind: 'item', px: e.clientX, py: e.clientY, id: hit.id, ids, wasSelected, moved: false };
    } else if (e.shiftKey || this.host.selectMode) {
      const w = this.world(e.clientX, e.clientY);
      this.press = { kind: 'band', px: e.clientX, py: e.clientY, wx: w.x, wy: w.y, add: e.ctrlKey || e.metaKey, moved: false };
    } else {
      this.press = { kind: 'pan', px: e.clientX, py: e.clientY, vx: this.host.view.x, vy: this.host.view.y, moved: false };
    }
    this.host.requestUpdate();
  };

  private onPointerMove = (e: PointerEvent): void => {
    const p = this.press;
    if (!p) return;
    if (!p.moved && Math.hypot(e.clientX - p.px, e.clientY - p.py) < DRAG_THRESHOLD_PX) return;
    p.moved = true;
    const s = this.host.view.scale;
    const dx = (e.clientX - p.px) / s;
    const dy = (e.clientY - p.py) / s;
    if (p.kind === 'pan') this.host.setView({ scale: s, x: p.vx - dx, y: p.vy - dy });
    else if (p.kind === 'item') this.moving = { ids: p.ids, dx, dy };
    else {
      const w = this.world(e.clientX, e.clientY);
      this.band = { x: Math.min(p.wx, w.x), y: Math.min(p.wy, w.y), width: Math.abs(w.x - p.wx), height: Math.abs(w.y - p.wy) };
    }
    this.host.requestUpdate();
  };

  private release(): void {
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerCancel);
  }

  private onPointerUp = (e: PointerEvent): void => {
    this.release();
    const p = this.press;
    this.press = null;
    if (!p) return;
    if (p.kind === 'item') {
      if (p.moved && this.moving) this.host.emit('board-move', { ...this.moving });
      // A click on one of several selected items selects just that one (on release, so a drag keeps them all).
      else if (!p.moved && p.wasSelected && this.host.selected.length > 1) this.host.emit('board-select', { ids: [p.id], mode: 'replace' });
    } else if (p.kind === 'band' && p.moved && this.band) {
      this.host.emit('board-select', { ids: itemsInBand(this.host.items, this.band), mode: p.add ? 'add' : 'replace' });
    } else if (!p.moved && !e.shiftKey && this.host.selected.length > 0) {
      this.host.emit('board-select', { ids: [], mode: 'replace' });
    }
    this.moving = null;
    this.band = null;
    this.host.requestUpdate();
  };

  private onPointerCancel = (): void => {
    this.release();
    this.press = null;
    this.moving = null;
    this.band = null;
    this.host.requestUpdate();
  };

  /** No native drag of sticky text (it would cancel the press): a press on the board is ours. */
  onDragStart = (e: DragEvent): void => {
    e.preventDefault();
  };

  onDoubleClick = (e: MouseEvent): void => {
    const hit = this.host.hitAt(e.clientX, e.clientY);
    const w = this.world(e.clientX, e.clientY);
    // A sticky opens for editing; anywhere else (a template's zone or card too) gets a new sticky.
    if (hit?.type === 'sticky_note') this.host.emit('board-edit', { id: hit.id, sx: w.sx, sy: w.sy });
    else this.host.emit('board-write', w);
  };

  onKey = (e: KeyboardEvent): void => {
    const arrow = ARROWS[e.key];
    const { x, y, scale } = this.host.view;
    const handled = (): void => {
      e.preventDefault();
      this.host.requestUpdate();
    };
    if (arrow && e.altKey) {
      if (this.host.selected.length > 0) this.host.emit('board-move', { ids: [...this.host.selected], dx: arrow[0] * NUDGE, dy: arrow[1] * NUDGE });
      return handled();
    }
    const stickies = readingOrder(this.host.items);
    if (arrow && (e.shiftKey || stickies.length === 0)) {
      const step = 80 / scale;
      this.host.setView({ scale, x: x + arrow[0] * step, y: y + arrow[1] * step });
      return handled();
    }
    if (arrow) {
      const at = stickies.findIndex((i) => i.id === this.focusId);
      const forward = arrow[0] + arrow[1] > 0;
      const next = at < 0 ? (forward ? 0 : stickies.length - 1) : (at + (forward ? 1 : -1) + stickies.length) % stickies.length;
      this.focusId = stickies[next]!.id;
      this.reveal(stickies[next]!);
      return handled();
    }
    const focused = stickies.find((i) => i.id === this.focusId);
    const centre = (): { x: number; y: number; sx: number; sy: number } => {
      const r = this.host.bounds();
      return { x: x + r.width / 2 / scale, y: y + r.height / 2 / scale, sx: r.width / 2, sy: r.height / 2 };
    };
    switch (e.key) {
      case ' ':
        if (focused) this.host.emit('board-select', { ids: [focused.id], mode: 'toggle' });
        return handled();
      case 'Enter':
        if (focused) {
          const { scale: s, x: vx, y: vy } = this.host.view;
          const a = focused.absolute;
          this.host.emit('board-edit', { id: focused.id, sx: (a.x + a.width / 2 - vx) * s, sy: (a.y + a.height / 2 - vy) * s });
        }
        return handled();
      case 'n':
      case 'N':
        if (e.ctrlKey || e.metaKey || e.altKey) return;
        this.host.emit('board-write', centre());
        return handled();
      case 'Delete':
      case 'Backspace':
        if (this.host.selected.length > 0) this.host.emit('board-delete', {});
        return handled();
      case 'Escape':
        if (this.host.selected.length > 0) this.host.emit('board-select', { ids: [], mode: 'replace' });
        return handled();
      case '+':
      case '=':
        this.host.zoomCentre(1.25);
        return handled();
      case '-':
        this.host.zoomCentre(0.8);
        return handled();
      case '0':
        this.host.showAll();
        return handled();
      default:
    }
  };

  /** Bring a sticky into view if it is (partly) off screen, keeping the zoom. */
  private reveal(item: ItemView): void {
    const { x, y, scale } = this.host.view;
    const r = this.host.bounds();
    const a = item.absolute;
    const w = r.width / scale;
    const h = r.height / scale;
    if (a.x >= x && a.y >= y && a.x + a.width <= x + w && a.y + a.height <= y + h) return;
    this.host.setView({ scale, x: a.x + a.width / 2 - w / 2, y: a.y + a.height / 2 - h / 2 });
  }
}
