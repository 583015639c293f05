/**
 * Helpers for the template generator: a grid (8-unit steps), a builder that places
 * elements and sizes text by the same estimate the layout uses, and the palette.
 */
import { LANGS, type Bilingual } from '../../src/core/lang.js';
import { STICKY_ASPECT, type StickyColour } from '../../src/core/miro-rules.js';
import { countLines, estimateTextHeight, GLYPH_WIDTH_EM, SHAPE_TEXT_PADDING, shapeTextBox, zoneLabelHeight, ZONE_LABEL_FONT_SIZE } from '../../src/core/layout/text-metrics.js';
import { plainText } from '../../src/core/template/markup.js';
import type { Template, TemplateElement, TemplateId, ShapeElement } from '../../src/core/template/types.js';
import { hyphenateWhereNeeded } from './hyphenate.js';

export const MARGIN = 80;
export const GUTTER = 40;
export const GAP = 16;
export const PAD = 24;
export const STICKY_W = 199;
export const STICKY_H = Math.round(STICKY_W * STICKY_ASPECT.square);

/**
 * One type scale for every template, sized for reading a whole frame on screen (a 2400–3200
 * wide frame is seen at roughly 0.35–0.5 zoom): a prompt of 44 reads as ~18–22 px.
 * Zone labels that carry the deck's own items use `note`; plain labels ("Måned 1") use `label`.
 */
export const TYPE = {
  title: 80,
  heading: 52,
  prompt: 44,
  note: 36,
  label: 32,
  body: 36,
} as const;

export const INK = '#1f2933';
export const MUTED = '#52606d';
export const WHITE = '#ffffff';
export const ZONE = { fill: '#f5f7fa', border: '#cbd2d9' };
export const TINT = {
  blue: '#e6eef8',
  green: '#e6f4ee',
  sand: '#f8efe4',
  rose: '#fbe9ec',
  lilac: '#eeeaf7',
  slate: '#e4e7eb',
};

/** Zone and card borders, one a tint. */
export const BORDER = { rose: '#e3b5bd', green: '#a9d3bf', sand: '#e0c9a6', blue: '#b6cbe6', slate: '#cbd2d9', lilac: '#c9bfe6' };

/** Darker ink for the two sides of a contrast (safe/unsafe, protections/strains). */
export const SIDE_INK = { good: '#2f6f4f', bad: '#9b2f48' };
/** A seed card as a wide sticky, its height rounded up: whole numbers keep the layout exact under translation. */
export const RECT_STEP = (w: number): number => Math.ceil(w * STICKY_ASPECT.rectangle);

export const up8 = (n: number): number => Math.ceil(n / 8) * 8;

/** Take only the two languages of a content.json entry (drops ids, notes, "ours"). */
export function bi(v: { da: string; en: string }): Bilingual {
  return { da: v.da, en: v.en };
}

export function textHeight(t: Bilingual, fontSize: number, width: number): number {
  return up8(Math.max(...LANGS.map((l) => estimateTextHeight(t[l], fontSize, width))));
}

/** Lines by characters alone, as the sandbox's stand-in counts them (it does not wrap words). */
function charLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * GLYPH_WIDTH_EM)));
  return plainText(text).split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/**
 * The board decides a text's height and places it by its centre, so a text whose line count
 * is ambiguous lands off its planned top. Take the widest width (at most `width`, at least
 * 80 % of it) at which word wrap and a plain character count agree in both languages.
 */
export function steadyTextWidth(t: Bilingual, fontSize: number, width: number): number {
  for (let w = width; w >= width * 0.8; w -= 8) {
    if (LANGS.every((l) => countLines(t[l], fontSize, w) === charLines(t[l], fontSize, w))) return w;
  }
  return width;
}

/** Height a text element will take when placed with Builder.text at `width`. */
export function textBoxHeight(t: Bilingual, fontSize: number, width: number): number {
  return textHeight(t, fontSize, steadyTextWidth(t, fontSize, width));
}

/** Height of a zone's label band, plus the gap before the first sticky. */
export function labelBand(label: Bilingual, width: number, fontSize = ZONE_LABEL_FONT_SIZE): number {
  return up8(Math.max(...LANGS.map((l) => zoneLabelHeight(l === 'da' ? label.da : label.en, width, fontSize))) + GAP);
}

/** Height a shape needs to hold its text (both languages), on the grid. */
export function shapeHeightFor(t: Bilingual, fontSize: number, width: number, shape = 'round_rectangle'): number {
  const inner = shapeTextBox(shape, width, 1000).width;
  return up8(textHeight(t, fontSize, inner) + 2 * SHAPE_TEXT_PADDING + GAP);
}

/** Width of a zone that holds `cols` stickies side by side, with padding. */
export const stickyCols = (cols: number): number => cols * STICKY_W + (cols - 1) * GAP + 2 * PAD;
/** Height of the sticky area for `rows` rows (without the label band); `h` for seed cards of another size. */
export const stickyRows = (rows: number, h = STICKY_H): number => rows * h + (rows - 1) * GAP + PAD;
/** Width of a zone that holds `cols` cards of width `w` side by side, with padding. */
export const cardCols = (cols: number, w: number): number => cols * w + (cols - 1) * GAP + 2 * PAD;

export class Builder {
  readonly elements: TemplateElement[] = [];
  private right = 0;
  private bottom = 0;

  private track(x: number, y: number, w: number, h: number): void {
    this.right = Math.max(this.right, x + w);
    this.bottom = Math.max(this.bottom, y + h);
  }

  /** Returns the height used (estimated for the larger language). */
  text(id: string, text: Bilingual, x: number, y: number, boxWidth: number, fontSize: number, opts: { source?: string; colour?: string; align?: 'left' | 'center' | 'right' } = {}): number {
    const width = steadyTextWidth(text, fontSize, boxWidth);
    // A narrower box keeps its alignment edge (or its centre) where it was.
    if (opts.align === 'center') x += (boxWidth - width) / 2;
    else if (opts.align === 'right') x += boxWidth - width;
    const h = textHeight(text, fontSize, width);
    this.elements.push({ kind: 'text', id, x, y, width, text, fontSize, ...(opts.colour ? { colour: opts.colour } : {}), ...(opts.align ? { align: opts.align } : {}), ...(opts.source ? { source: opts.source } : {}) });
    this.track(x, y, width, h);
    return h;
  }

  zone(id: string, label: Bilingual, x: number, y: number, width: number, height: number, opts: { fill?: string; border?: string; source?: string; voteable?: boolean; labelFontSize?: number } = {}): void {
    this.elements.push({
      kind: 'zone', id, x, y, width, height, label,
      fill: opts.fill ?? ZONE.fill,
      border: opts.border ?? ZONE.border,
      ...(opts.labelFontSize ? { labelFontSize: opts.labelFontSize } : {}),
      ...(opts.voteable === false ? { voteable: false } : {}),
      ...(opts.source ? { source: opts.source } : {}),
    });
    this.track(x, y, width, height);
  }

  card(id: string, text: Bilingual, x: number, y: number, colour: StickyColour, opts: { zone?: string; source?: string; width?: number; shape?: 'square' | 'rectangle' } = {}): number {
    const width = opts.width ?? STICKY_W;
    const shape = opts.shape ?? 'square';
    this.elements.push({ kind: 'card', id, x, y, width, text, colour, shape, ...(opts.zone ? { zone: opts.zone } : {}), ...(opts.source ? { source: opts.source } : {}) });
    const h = width * STICKY_ASPECT[shape];
    this.track(x, y, width, h);
    return h;
  }

  shape(id: string, x: number, y: number, width: number, height: number, fill: string, opts: Partial<Omit<ShapeElement, 'kind' | 'id' | 'x' | 'y' | 'width' | 'height' | 'fill'>> = {}): void {
    this.elements.push({ kind: 'shape', id, x, y, width, height, shape: opts.shape ?? 'round_rectangle', fill, ...opts });
    this.track(x, y, width, height);
  }

  template(head: { id: TemplateId; order: number; title: Bilingual; summary: Bilingual; private?: boolean }): Template {
    hyphenateWhereNeeded(head.id, this.elements);
    return {
      id: head.id,
      order: head.order,
      title: head.title,
      summary: head.summary,
      ...(head.private ? { private: true } : {}),
      frame: { width: up8(this.right + MARGIN), height: up8(this.bottom + MARGIN), fill: WHITE },
      elements: this.elements,
    };
  }
}
