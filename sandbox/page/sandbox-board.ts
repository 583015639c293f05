/**
 * The sandbox's picture of the board: frames, shapes, stickies and text as the app created
 * them, in SVG, with pan (drag, Shift+arrow keys) and zoom (wheel, +/−, buttons), and editing
 * as on Miro (board-gestures.ts decides; this element draws the selection, the band, the move
 * preview and the keyboard cursor, and emits board-* events for the page to apply). It reports
 * the visible rect so the stand-in's `viewport.get()` answers what the user sees, and
 * `show(rect)` moves the view (the stand-in's `viewport.zoomTo`).
 */
import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Rect } from '../../src/core/geometry.js';
import type { Lang } from '../../src/core/lang.js';
import { st } from './strings.js';
import { visuallyHidden } from '../../src/ui/shared-styles.js';
import type { ItemView } from '../host/stand-in.js';
import { BoardGestures, readingOrder, type BoardEvents, type GestureHost, type View } from './board-gestures.js';
import { plainText } from './content.js';
import { boundsOf, drawOrder } from './drawn-item.js';
import { ItemPainter } from './item-svg.js';

export type ViewportChangeEvent = CustomEvent<{ rect: Rect }>;

const MIN_SCALE = 0.01;
const MAX_SCALE = 4;

export class SandboxBoard extends LitElement implements GestureHost {
  static override properties = {
    items: { attribute: false },
    selected: { attribute: false },
    selectMode: { type: Boolean, attribute: 'select-mode' },
    lang: { type: String },
    view: { state: true },
  };

  declare items: readonly ItemView[];
  /** The acting user's selection. */
  declare selected: readonly string[];
  /** Dragging empty board draws a selection band instead of panning. */
  declare selectMode: boolean;
  declare lang: Lang;
  /** World point at the top-left of the screen, and screen pixels per board unit. */
  declare view: View;

  private readonly painter = new ItemPainter();
  private readonly gestures = new BoardGestures(this);
  private resizeObserver = new ResizeObserver(() => this.reportViewport());

  constructor() {
    super();
    this.items = [];
    this.selected = [];
    this.selectMode = false;
    this.lang = 'en';
    this.view = { x: -600, y: -400, scale: 0.5 };
  }

  static override styles = [visuallyHidden, css`
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      background-color: #f2f3f5;
      background-image: radial-gradient(#d3d7dc 1px, transparent 1px);
      background-size: 24px 24px;
      touch-action: none;
      user-select: none;
      -webkit-user-select: none;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
      cursor: grab;
    }
    svg:focus-visible {
      outline: 3px solid #1d4ed8;
      outline-offset: -3px;
    }
    svg.dragging {
      cursor: grabbing;
    }
    svg.select-mode {
      cursor: crosshair;
    }
    .handle {
      cursor: move;
    }
    .content {
      box-sizing: border-box;
      width: 100%;
      height: 100%;
      display: flex;
      flex-direction: column;
      overflow: hidden;
      font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
      line-height: 1.4;
      overflow-wrap: anywhere;
    }
    .content p {
      margin: 0;
    }
    .controls {
      position: absolute;
      right: 16px;
      bottom: 16px;
      display: flex;
      gap: 4px;
      padding: 4px;
      border-radius: 8px;
      background: #ffffff;
      box-shadow: 0 1px 4px rgba(31, 35, 40, 0.2);
    }
    .controls button {
      min-width: 36px;
      min-height: 36px;
      border: 0;
      border-radius: 6px;
      background: transparent;
      font: 600 16px system-ui, sans-serif;
      color: #1f2328;
      cursor: pointer;
    }
    .controls button:hover {
      background: #f0f2f4;
    }
    .controls button:focus-visible {
      outline: 3px solid #1d4ed8;
    }
    .zoom {
      align-self: center;
      min-width: 48px;
      text-align: center;
      font: 13px system-ui, sans-serif;
      color: #4f5862;
    }
  `];

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    this.resizeObserver.disconnect();
    super.disconnectedCallback();
  }

  /** The board rect on screen now (world units). */
  visibleRect(): Rect {
    const { width, height } = this.getBoundingClientRect();
    const s = this.view.scale;
    return { x: this.view.x, y: this.view.y, width: width / s, height: height / s };
  }

  /** Move and zoom so `rect` fills the view with a margin. */
  show(rect: Rect): void {
    const { width, height } = this.getBoundingClientRect();
    if (width === 0 || height === 0) return;
    const scale = clamp(Math.min(width / (rect.width * 1.1), height / (rect.height * 1.1)), MIN_SCALE, MAX_SCALE);
    this.setView({
      scale,
      x: rect.x + rect.width / 2 - width / 2 / scale,
      y: rect.y + rect.height / 2 - height / 2 / scale,
    });
  }

  showAll(): void {
    const b = boundsOf(this.items.map((i) => i.absolute));
    if (b) this.show(b);
  }

  private reportViewport(): void {
    this.dispatchEvent(new CustomEvent('viewport-change', { detail: { rect: this.visibleRect() }, bubbles: true, composed: true }));
  }

  private zoomAt(factor: number, sx: number, sy: number): void {
    const { x, y, scale } = this.view;
    const next = clamp(scale * factor, MIN_SCALE, MAX_SCALE);
    // Keep the board point under (sx, sy) where it is.
    const wx = x + sx / scale;
    const wy = y + sy / scale;
    this.setView({ scale: next, x: wx - sx / next, y: wy - sy / next });
  }

  zoomCentre(factor: number): void {
    const { width, height } = this.getBoundingClientRect();
    this.zoomAt(factor, width / 2, height / 2);
  }

  private onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const r = this.getBoundingClientRect();
    this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  };

  /** Focus the board itself (after the sticky editor closes). */
  focusBoard(): void {
    this.renderRoot.querySelector('svg')?.focus();
  }

  bounds(): DOMRect {
    return this.getBoundingClientRect();
  }

  hitAt(clientX: number, clientY: number): ItemView | null {
    const el = (this.renderRoot as ShadowRoot).elementFromPoint(clientX, clientY);
    const g = el?.closest('[data-id]');
    if (!g) return null;
    const item = this.items.find((i) => i.id === g.getAttribute('data-id'));
    // A frame is picked by its title; its body is board to pan, band or write on.
    if (!item || (item.type === 'frame' && !el?.closest('[data-part="title"]'))) return null;
    return item;
  }

  emit<K extends keyof BoardEvents>(name: K, detail: BoardEvents[K]): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  setView(view: View): void {
    this.view = view;
    this.reportViewport();
  }

  override render() {
    const { x, y, scale } = this.view;
    const drawn = drawOrder(this.items);
    this.painter.forgetRemoved(drawn);
    const g = this.gestures;
    const moved = this.movedIds();
    const { dx, dy } = g.moving ?? { dx: 0, dy: 0 };
    const draw = (i: ItemView) => (moved.has(i.id) ? svg`<g transform="translate(${dx} ${dy})">${this.painter.draw(i, scale)}</g>` : this.painter.draw(i, scale));
    const mode = g.press?.kind === 'pan' && g.press.moved ? 'dragging' : this.selectMode ? 'select-mode' : '';
    return html`<svg
        role="application"
        tabindex="0"
        aria-roledescription=${st(this.lang, 'role')}
        aria-label=${st(this.lang, 'items', { count: this.items.length })}
        aria-describedby="board-keys"
        class=${mode}
        @wheel=${this.onWheel}
        @pointerdown=${g.onPointerDown}
        @dblclick=${g.onDoubleClick}
        @dragstart=${g.onDragStart}
        @keydown=${g.onKey}
      >
        <defs>
          <filter id="sticky-shadow" x="-10%" y="-10%" width="130%" height="130%">
            <feDropShadow dx="0" dy="2" stdDeviation="3" flood-color="#000" flood-opacity="0.18"></feDropShadow>
          </filter>
        </defs>
        <g transform="scale(${scale}) translate(${-x} ${-y})">
          ${repeat(drawn, (i) => i.id, draw)}
          <g pointer-events="none">${this.drawMarks(moved, dx, dy)}</g>
        </g>
      </svg>
      <div id="board-keys" class="visually-hidden">${st(this.lang, 'keys')}</div>
      <div class="visually-hidden" role="status">${this.focusText()}</div>
      <div class="controls">
        <button type="button" aria-label=${st(this.lang, 'zoomOut')} title=${st(this.lang, 'zoomOut')} @click=${() => this.zoomCentre(0.8)}>−</button>
        <span class="zoom" aria-live="off">${Math.round(scale * 100)}%</span>
        <button type="button" aria-label=${st(this.lang, 'zoomIn')} title=${st(this.lang, 'zoomIn')} @click=${() => this.zoomCentre(1.25)}>+</button>
        <button type="button" aria-label=${st(this.lang, 'zoomFit')} title=${st(this.lang, 'zoomFit')} @click=${() => this.showAll()}>⤢</button>
      </div>`;
  }

  /** Ids drawn shifted by the drag in progress: the dragged items and what is in them. */
  private movedIds(): Set<string> {
    const ids = this.gestures.moving?.ids;
    if (!ids) return new Set();
    const moving = new Set(ids);
    const parent = new Map(this.items.map((i) => [i.id, i.parentId]));
    const carried = (id: string): boolean => {
      for (let p: string | null | undefined = id; p; p = parent.get(p)) if (moving.has(p)) return true;
      return false;
    };
    return new Set(this.items.filter((i) => carried(i.id)).map((i) => i.id));
  }

  /** Selection outlines, the keyboard cursor and the band, drawn over the items at a constant screen width. */
  private drawMarks(moved: Set<string>, dx: number, dy: number): SVGTemplateResult[] {
    const s = this.view.scale;
    const byId = new Map(this.items.map((i) => [i.id, i]));
    const outline = (r: Rect, gap: number, extra: string, id: string) => {
      const o = moved.has(id) ? [dx, dy] : [0, 0];
      return svg`<rect x=${r.x - gap + o[0]!} y=${r.y - gap + o[1]!} width=${r.width + 2 * gap} height=${r.height + 2 * gap} fill="none"
        stroke="#1d4ed8" stroke-width=${2 / s} stroke-dasharray=${extra} data-mark=${extra ? 'focus' : 'selected'}></rect>`;
    };
    const marks: SVGTemplateResult[] = [];
    for (const id of this.selected) {
      const item = byId.get(id);
      if (item) marks.push(outline(item.absolute, 3 / s, '', id));
    }
    const focus = this.gestures.focusId ? byId.get(this.gestures.focusId) : undefined;
    if (focus) marks.push(outline(focus.absolute, 9 / s, `${6 / s} ${4 / s}`, focus.id));
    const b = this.gestures.band;
    if (b) marks.push(svg`<rect x=${b.x} y=${b.y} width=${b.width} height=${b.height} fill="#1d4ed8" fill-opacity="0.08" stroke="#1d4ed8" stroke-width=${1 / s} data-mark="band"></rect>`);
    return marks;
  }

  /** What a screen reader hears as the keyboard moves: the current sticky, its text, whether it is selected. */
  private focusText(): string {
    const id = this.gestures.focusId;
    if (id === null) return '';
    const stickies = readingOrder(this.items);
    const at = stickies.findIndex((i) => i.id === id);
    if (at < 0) return stickies.length === 0 ? st(this.lang, 'noStickies') : '';
    const key = this.selected.includes(id) ? 'focusSelected' : 'focus';
    return st(this.lang, key, { n: at + 1, total: stickies.length, text: plainText(stickies[at]!.content) });
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

customElements.define('sandbox-board', SandboxBoard);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-board': SandboxBoard;
  }
  interface HTMLElementEventMap {
    'viewport-change': ViewportChangeEvent;
    'board-select': CustomEvent<BoardEvents['board-select']>;
    'board-move': CustomEvent<BoardEvents['board-move']>;
    'board-write': CustomEvent<BoardEvents['board-write']>;
    'board-edit': CustomEvent<BoardEvents['board-edit']>;
    'board-delete': CustomEvent<BoardEvents['board-delete']>;
  }
}
