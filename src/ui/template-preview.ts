/**
 * A small SVG picture of a template, drawn from core's preview data (the layout's own rects,
 * scaled): frame, dashed zones, shapes, sticky colours, and text as grey bars. The accessible
 * name says what it is a preview of; the detail is visual only.
 */
import { LitElement, css, html, svg, nothing, type SVGTemplateResult } from 'lit';
import type { Preview, PreviewRect } from '../core/layout/preview.js';
import { props, PROP } from './lit-kit.js';
import { svgBox } from './shared-styles.js';

/** Preview units per text line: a bar per line reads as text at thumbnail size. */
const LINE = 3.2;

export class TemplatePreview extends LitElement {
  static override properties = props({ preview: PROP, label: String });

  preview: Preview | undefined = undefined;
  label = '';

  static override styles = [
    svgBox,
    css`
      svg {
        border-radius: 6px;
        background: #eef1f4;
      }
    `,
  ];

  override render() {
    const p = this.preview;
    if (!p) return nothing;
    const m = 4;
    return html`<svg
      role="img"
      aria-label=${this.label}
      viewBox="${-m} ${-m} ${p.width + 2 * m} ${p.height + 2 * m}"
      preserveAspectRatio="xMidYMid meet"
    >
      ${p.rects.map((r) => drawRect(r))}
    </svg>`;
  }
}

function drawRect(r: PreviewRect): SVGTemplateResult {
  const { x, y, width: w, height: h } = r;
  switch (r.kind) {
    case 'frame':
      return svg`<rect x=${x} y=${y} width=${w} height=${h} fill=${r.fill || '#ffffff'} stroke="#c3c9d0" stroke-width="0.6"></rect>`;
    case 'zone':
      return svg`<rect x=${x} y=${y} width=${w} height=${h} rx="1.5" fill=${r.fill || 'none'}
        stroke="#8c959f" stroke-width="0.5" stroke-dasharray="2 1.5"></rect>`;
    case 'sticky':
      return svg`<rect x=${x} y=${y} width=${w} height=${h} fill=${r.fill} stroke="rgba(0,0,0,0.15)" stroke-width="0.4"></rect>`;
    case 'shape':
      return svg`<rect x=${x} y=${y} width=${w} height=${h} rx="1" fill=${r.fill || '#ffffff'}></rect>`;
    case 'text':
      return textBars(r);
  }
}

/** Text becomes a bar per line of its box; the last of several lines is shorter. */
function textBars(r: PreviewRect): SVGTemplateResult {
  const lines = Math.max(1, Math.min(8, Math.round(r.height / LINE)));
  const line = r.height / lines;
  const bars: SVGTemplateResult[] = [];
  for (let i = 0; i < lines; i++) {
    const w = i === lines - 1 && lines > 1 ? r.width * 0.6 : r.width;
    bars.push(svg`<rect x=${r.x} y=${r.y + i * line + line * 0.2} width=${w} height=${Math.max(0.8, line * 0.55)}
      rx="0.5" fill=${r.fill || '#1f2328'} opacity="0.4"></rect>`);
  }
  return svg`<g>${bars}</g>`;
}

customElements.define('template-preview', TemplatePreview);

declare global {
  interface HTMLElementTagNameMap {
    'template-preview': TemplatePreview;
  }
}
