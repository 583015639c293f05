/**
 * How one stand-in item looks on the sandbox board, in SVG: frames (with a title that is their
 * handle), stickies (Miro's colours, text shrunk to fit), shapes, text. Each item's content DOM
 * is built once per content and look (the board redraws on every pan).
 */
import { svg, type SVGTemplateResult } from 'lit';
import { STICKY_HEX } from '../../src/core/layout/preview.js';
import type { ItemView } from '../host/stand-in.js';
import { contentToDom, stickyFontSize, textMeasure } from './content.js';

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

export class ItemPainter {
  /** Content DOM per item, rebuilt only when its content or style changes. */
  private nodes = new Map<string, { key: string; node: HTMLElement }>();

  draw(item: ItemView, scale: number): SVGTemplateResult {
    const { x, y, width: w, height: h } = item.absolute;
    const s = item.style;
    switch (item.type) {
      case 'frame': {
        const titleSize = 14 / scale;
        return svg`<g data-id=${item.id} data-type="frame">
          <rect data-part="body" x=${x} y=${y} width=${w} height=${h} fill=${visibleFill(s.fillColor) === 'none' ? '#ffffff' : str(s.fillColor, '#ffffff')}
            stroke="#c3c9d0" stroke-width=${1 / scale}></rect>
          <text data-part="title" class="handle" x=${x} y=${y - titleSize * 0.6} font-size=${titleSize} fill="#4f5862"
            font-family="system-ui, sans-serif">${item.title}</text>
        </g>`;
      }
      case 'sticky_note': {
        const fill = (STICKY_HEX as Record<string, string>)[str(s.fillColor, 'light_yellow')] ?? STICKY_HEX.light_yellow;
        const fontSize = stickyFontSize(textMeasure(item.content), w, h);
        const dark = str(s.fillColor, '') === 'black';
        return svg`<g data-id=${item.id} data-type="sticky_note" class="handle">
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
        return svg`<g data-id=${item.id} data-type="shape" class="handle">
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
        return svg`<g data-id=${item.id} data-type="text" class="handle">
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

  forgetRemoved(drawn: readonly ItemView[]): void {
    if (this.nodes.size <= drawn.length) return;
    const live = new Set(drawn.map((i) => i.id));
    for (const id of this.nodes.keys()) if (!live.has(id)) this.nodes.delete(id);
  }
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
