/**
 * Data for a template thumbnail: the layout's rects scaled into a small box, with kind
 * and a fill colour. The UI draws it (SVG); this stays pure.
 */
import type { StickyColour } from '../miro-rules.js';
import type { Layout } from './types.js';

/** Approximate screen colours of Miro's named sticky colours. */
export const STICKY_HEX: Record<StickyColour, string> = {
  gray: '#e6e6e6', light_yellow: '#fff9b1', yellow: '#f5d128', orange: '#ff9d48',
  light_green: '#d5f692', green: '#c9df56', dark_green: '#93d275', cyan: '#67c6c0',
  light_pink: '#ffcee0', pink: '#ea94bb', violet: '#be88c7', red: '#f24726',
  light_blue: '#a6ccf5', blue: '#6cd8fa', dark_blue: '#9ea9ff', black: '#000000',
};

export interface PreviewRect {
  kind: 'frame' | 'zone' | 'sticky' | 'shape' | 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
}

export interface Preview {
  width: number;
  height: number;
  rects: PreviewRect[];
}

/** Scale the layout to fit maxWidth × maxHeight (aspect kept), frame at the origin. */
export function previewOf(layout: Layout, maxWidth = 240, maxHeight = 160): Preview {
  const f = layout.frame;
  const scale = Math.min(maxWidth / f.width, maxHeight / f.height);
  const r2 = (n: number): number => Math.round(n * 100) / 100;
  const rects = layout.items.map((item): PreviewRect => {
    const fill =
      item.kind === 'sticky' ? STICKY_HEX[item.colour]
      : item.kind === 'text' ? item.colour
      : item.fill;
    const kind = item.kind === 'shape' && item.zone === true ? 'zone' : item.kind;
    return {
      kind,
      x: r2((item.rect.x - f.x) * scale),
      y: r2((item.rect.y - f.y) * scale),
      width: r2(item.rect.width * scale),
      height: r2(item.rect.height * scale),
      fill,
    };
  });
  return { width: r2(f.width * scale), height: r2(f.height * scale), rects };
}
