/**
 * The size text will have on the board, read from a layout: what a card's text shrinks to
 * (Miro fits a sticky's text to the sticky), and what every other text is set at. For the
 * readability tests and the "smallest text size per template" table
 * (npx tsx scripts/templates/text-sizes.ts).
 */
import { stickyFontSize } from './text-metrics.js';
import type { Layout, PlannedItem, PlannedSticky } from './types.js';

/** The plain text of planned content (our paragraphs and tags removed, entities read). */
export const plannedText = (html: string): string =>
  html.replace(/<\/p><p>/g, '\n').replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export const stickyTextSize = (s: PlannedSticky): number => stickyFontSize(plannedText(s.content), s.rect.width, s.rect.height);

/** An item's text size; null for the frame and for items without text. */
export function itemTextSize(item: PlannedItem): number | null {
  if (item.kind === 'frame' || plannedText(item.content) === '') return null;
  return item.kind === 'sticky' ? stickyTextSize(item) : item.fontSize;
}

/** The smallest size of anything with text on the layout: cards by Miro's fit, the rest as set. */
export function smallestText(layout: Layout): { size: number; id: string } {
  let best = { size: Infinity, id: '' };
  for (const item of layout.items) {
    const size = itemTextSize(item);
    if (size !== null && size < best.size) best = { size, id: item.elementId };
  }
  return best;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Cards of one kind (same width and shape) are each other's neighbours. */
export function cardNeighbours(layout: Layout): PlannedSticky[][] {
  const families = new Map<string, PlannedSticky[]>();
  for (const s of layout.items) {
    if (s.kind !== 'sticky') continue;
    const key = `${s.rect.width}:${s.shape}`;
    families.set(key, [...(families.get(key) ?? []), s]);
  }
  return [...families.values()];
}

/** The card whose text reads smallest against its neighbours' typical (median) size; null without cards. */
export function lowestCardShare(layout: Layout): { share: number; size: number; id: string } | null {
  let best: { share: number; size: number; id: string } | null = null;
  for (const family of cardNeighbours(layout)) {
    const typical = median(family.map(stickyTextSize));
    for (const s of family) {
      const size = stickyTextSize(s);
      if (best === null || size / typical < best.share) best = { share: size / typical, size, id: s.elementId };
    }
  }
  return best;
}
