/**
 * The sandbox's picture of the board: frames, shapes, stickies and text as the app created
 * them, in SVG, with pan (drag, arrow keys) and zoom (wheel, +/−, buttons). It reports the
 * visible rect so the stand-in's `viewport.get()` answers what the user sees, and `show(rect)`
 * moves the view (the stand-in's `viewport.zoomTo`).
 */
import { LitElement, css, html, svg, type SVGTemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Rect } from '../../src/core/geometry.js';
import type { Lang } from '../../src/core/lang.js';
import { STICKY_HEX } from '../../src/core/layout/preview.js';
import { t } from '../../src/ui/i18n/t.js';
import { contentToDom, stickyFontSize, textMeasure } from './content.js';
import type { ItemView } from '../host/stand-in.js';
import { boundsOf, drawOrder } from './drawn-item.js';

export type ViewportChangeEvent = CustomEvent<{ rect: Rect }>;

const MIN_SCALE = 0.01;
const MAX_SCALE = 4;

function str(v: string | number | undefined, fallback: string): string {
  return typeof v === 'string' && v !== '' ? v : fallback;
}
function num(v: string | number | undefined, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}
function visibleFill(v: string | number | undefined): string {
  const s = str(v, 'transparent');
  return s === 'transparent' || /^#[0-9a-f]{6}00$/i.test(s) ? 'none' : s;
}

export class SandboxBoard extends LitElement {
  static override properties = {
    items: { attribute: false },
    lang: { type: String },
    view: { state: true },
  };

  declare items: readonly ItemView[];
  declare lang: Lang;
  /** World point at the top-left of the screen, and screen pixels per board unit. */
  declare view: { x: number; y: number; scale: number };

  /** Content DOM per item, rebuilt only when its content or style changes. */
  private nodes = new Map<string, { key: string; node: HTMLElement }>();
  private drag: { px: number; py: number; vx: number; vy: number } | null = null;
  private resizeObserver = new ResizeObserver(() => this.reportViewport());

  constructor() {
    super();
    this.items = [];
    this.lang = 'en';
    this.view = { x: -600, y: -400, scale: 0.5 };
  }

  static override styles = css`
    :host {
      position: relative;
      display: block;
      overflow: hidden;
      background-color: #f2f3f5;
      background-image: radial-gradient(#d3d7dc 1px, transparent 1px);
      background-size: 24px 24px;
      touch-action: none;
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
  `;

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

  private setView(view: { x: number; y: number; scale: number }): void {
    this.view = view;
    this.reportViewport();
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

  private zoomCentre(factor: number): void {
    const { width, height } = this.getBoundingClientRect();
    this.zoomAt(factor, width / 2, height / 2);
  }

  private onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    const r = this.getBoundingClientRect();
    this.zoomAt(Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top);
  };

  private onPointerDown = (e: PointerEvent): void => {
    if (e.button !== 0) return;
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
    this.drag = { px: e.clientX, py: e.clientY, vx: this.view.x, vy: this.view.y };
  };

  private onPointerMove = (e: PointerEvent): void => {
    if (!this.drag) return;
    const s = this.view.scale;
    this.setView({ scale: s, x: this.drag.vx - (e.clientX - this.drag.px) / s, y: this.drag.vy - (e.clientY - this.drag.py) / s });
  };

  private onPointerUp = (): void => {
    this.drag = null;
  };

  private onKey = (e: KeyboardEvent): void => {
    const step = 80 / this.view.scale;
    const { x, y, scale } = this.view;
    const moves: Record<string, () => void> = {
      ArrowLeft: () => this.setView({ scale, x: x - step, y }),
      ArrowRight: () => this.setView({ scale, x: x + step, y }),
      ArrowUp: () => this.setView({ scale, x, y: y - step }),
      ArrowDown: () => this.setView({ scale, x, y: y + step }),
      '+': () => this.zoomCentre(1.25),
      '=': () => this.zoomCentre(1.25),
      '-': () => this.zoomCentre(0.8),
      '0': () => this.showAll(),
    };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      move();
    }
  };

  override render() {
    const { x, y, scale } = this.view;
    const drawn = drawOrder(this.items);
    this.forgetRemoved(drawn);
    return html`<svg
        role="img"
        tabindex="0"
        aria-label=${t(this.lang, 'sandbox.items', { count: this.items.length })}
        class=${this.drag ? 'dragging' : ''}
        @wheel=${this.onWheel}
        @pointerdown=${this.onPointerDown}
        @pointermove=${this.onPointerMove}
        @pointerup=${this.onPointerUp}
        @pointercancel=${this.onPointerUp}
        @keydown=${this.onKey}
      >
        <defs>
          <filter id="sticky-shadow" x="-10%" y="-10%" width="130%" height="130%">
            <feDropShadow dx="0" dy="2" stdDeviation="3" flood-color="#000" flood-opacity="0.18"></feDropShadow>
          </filter>
        </defs>
        <g transform="scale(${scale}) translate(${-x} ${-y})">
          ${repeat(drawn, (i) => i.id, (i) => this.drawItem(i))}
        </g>
      </svg>
      <div class="controls">
        <button type="button" aria-label=${t(this.lang, 'sandbox.zoomOut')} title=${t(this.lang, 'sandbox.zoomOut')} @click=${() => this.zoomCentre(0.8)}>−</button>
        <span class="zoom" aria-live="off">${Math.round(scale * 100)}%</span>
        <button type="button" aria-label=${t(this.lang, 'sandbox.zoomIn')} title=${t(this.lang, 'sandbox.zoomIn')} @click=${() => this.zoomCentre(1.25)}>+</button>
        <button type="button" aria-label=${t(this.lang, 'sandbox.zoomFit')} title=${t(this.lang, 'sandbox.zoomFit')} @click=${() => this.showAll()}>⤢</button>
      </div>`;
  }

  private drawItem(item: ItemView): SVGTemplateResult {
    const { x, y, width: w, height: h } = item.absolute;
    const s = item.style;
    switch (item.type) {
      case 'frame': {
        const titleSize = 14 / this.view.scale;
        return svg`<g data-id=${item.id} data-type="frame">
          <rect x=${x} y=${y} width=${w} height=${h} fill=${visibleFill(s.fillColor) === 'none' ? '#ffffff' : str(s.fillColor, '#ffffff')}
            stroke="#c3c9d0" stroke-width=${1 / this.view.scale}></rect>
          <text x=${x} y=${y - titleSize * 0.6} font-size=${titleSize} fill="#4f5862"
            font-family="system-ui, sans-serif">${item.title}</text>
        </g>`;
      }
      case 'sticky_note': {
        const fill = (STICKY_HEX as Record<string, string>)[str(s.fillColor, 'light_yellow')] ?? STICKY_HEX.light_yellow;
        const fontSize = stickyFontSize(textMeasure(item.content), w, h);
        const dark = str(s.fillColor, '') === 'black';
        return svg`<g data-id=${item.id} data-type="sticky_note">
          <rect x=${x} y=${y} width=${w} height=${h} fill=${fill} filter="url(#sticky-shadow)"></rect>
          <foreignObject x=${x} y=${y} width=${w} height=${h}>${this.contentNode(item, {
            fontSize,
            colour: dark ? '#ffffff' : '#1f2328',
            align: str(s.textAlign, 'center'),
            valign: str(s.textAlignVertical, 'middle'),
            padding: w * 0.08,
          })}</foreignObject>
        </g>`;
      }
      case 'shape': {
        const fill = visibleFill(s.fillColor);
        const fillOpacity = num(s.fillOpacity, 1);
        const stroke = visibleFill(s.borderColor);
        const sw = num(s.borderWidth, 2);
        const dash = s.borderStyle === 'dashed' ? `${sw * 4} ${sw * 3}` : s.borderStyle === 'dotted' ? `${sw} ${sw * 2}` : '';
        return svg`<g data-id=${item.id} data-type="shape">
          ${shapeOutline(item.shape || 'rectangle', x, y, w, h, fill, fillOpacity, stroke, sw, dash)}
          <foreignObject x=${x} y=${y} width=${w} height=${h}>${this.contentNode(item, {
            fontSize: num(s.fontSize, 14),
            colour: str(s.color, '#1a1a1a'),
            align: str(s.textAlign, 'center'),
            valign: str(s.textAlignVertical, 'middle'),
            padding: 16,
          })}</foreignObject>
        </g>`;
      }
      case 'text': {
        const bg = visibleFill(s.fillColor);
        return svg`<g data-id=${item.id} data-type="text">
          ${bg === 'none' ? '' : svg`<rect x=${x} y=${y} width=${w} height=${h} fill=${bg}></rect>`}
          <foreignObject x=${x} y=${y} width=${w} height=${h} style="overflow: visible">${this.contentNode(item, {
            fontSize: num(s.fontSize, 14),
            colour: str(s.color, '#1a1a1a'),
            align: str(s.textAlign, 'left'),
            valign: 'top',
            padding: 0,
            overflow: 'visible',
          })}</foreignObject>
        </g>`;
      }
      default:
        return svg`<rect data-id=${item.id} x=${x} y=${y} width=${w} height=${h} fill="#e6e8eb" stroke="#8c959f"></rect>`;
    }
  }

  private contentNode(
    item: ItemView,
    look: { fontSize: number; colour: string; align: string; valign: string; padding: number; overflow?: string },
  ): HTMLElement {
    const key = JSON.stringify([item.content, look]);
    const cached = this.nodes.get(item.id);
    if (cached && cached.key === key) return cached.node;
    const node = document.createElement('div');
    node.className = 'content';
    const justify = look.valign === 'top' ? 'flex-start' : look.valign === 'bottom' ? 'flex-end' : 'center';
    node.style.cssText = `font-size:${look.fontSize}px;color:${look.colour};text-align:${look.align};justify-content:${justify};padding:${look.padding}px;overflow:${look.overflow ?? 'hidden'}`;
    node.append(contentToDom(item.content));
    this.nodes.set(item.id, { key, node });
    return node;
  }

  private forgetRemoved(drawn: readonly ItemView[]): void {
    if (this.nodes.size <= drawn.length) return;
    const live = new Set(drawn.map((i) => i.id));
    for (const id of this.nodes.keys()) if (!live.has(id)) this.nodes.delete(id);
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function shapeOutline(
  shape: string, x: number, y: number, w: number, h: number,
  fill: string, fillOpacity: number, stroke: string, sw: number, dash: string,
): SVGTemplateResult {
  const paint = { fill, 'fill-opacity': fillOpacity, stroke, 'stroke-width': stroke === 'none' ? 0 : sw };
  switch (shape) {
    case 'circle':
      return svg`<ellipse cx=${x + w / 2} cy=${y + h / 2} rx=${w / 2} ry=${h / 2} fill=${paint.fill} fill-opacity=${paint['fill-opacity']}
        stroke=${paint.stroke} stroke-width=${paint['stroke-width']} stroke-dasharray=${dash}></ellipse>`;
    case 'triangle':
    case 'rhombus':
    case 'parallelogram':
    case 'right_arrow':
    case 'left_right_arrow': {
      const points = polygon(shape, x, y, w, h);
      return svg`<polygon points=${points} fill=${paint.fill} fill-opacity=${paint['fill-opacity']}
        stroke=${paint.stroke} stroke-width=${paint['stroke-width']} stroke-dasharray=${dash}></polygon>`;
    }
    default: {
      const r = shape === 'round_rectangle' ? Math.min(w, h) * 0.1 : 0;
      return svg`<rect x=${x} y=${y} width=${w} height=${h} rx=${r} fill=${paint.fill} fill-opacity=${paint['fill-opacity']}
        stroke=${paint.stroke} stroke-width=${paint['stroke-width']} stroke-dasharray=${dash}></rect>`;
    }
  }
}

function polygon(shape: string, x: number, y: number, w: number, h: number): string {
  const pts: Array<[number, number]> =
    shape === 'triangle' ? [[0.5, 0], [1, 1], [0, 1]]
    : shape === 'rhombus' ? [[0.5, 0], [1, 0.5], [0.5, 1], [0, 0.5]]
    : shape === 'parallelogram' ? [[0.2, 0], [1, 0], [0.8, 1], [0, 1]]
    : shape === 'right_arrow' ? [[0, 0.25], [0.7, 0.25], [0.7, 0], [1, 0.5], [0.7, 1], [0.7, 0.75], [0, 0.75]]
    : [[0, 0.5], [0.25, 0], [0.25, 0.25], [0.75, 0.25], [0.75, 0], [1, 0.5], [0.75, 1], [0.75, 0.75], [0.25, 0.75], [0.25, 1]];
  return pts.map(([px, py]) => `${x + px * w},${y + py * h}`).join(' ');
}

customElements.define('sandbox-board', SandboxBoard);

declare global {
  interface HTMLElementTagNameMap {
    'sandbox-board': SandboxBoard;
  }
  interface HTMLElementEventMap {
    'viewport-change': ViewportChangeEvent;
  }
}
