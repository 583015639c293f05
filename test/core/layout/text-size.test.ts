/**
 * Readable cards (issue 12): Miro shrinks a sticky's text until it fits, so a card with a long
 * compound can read at half its neighbours' size. On the laid-out board, in both languages,
 * no card's text is below 80 % of its neighbours' (the median of the cards of its width and
 * shape on the same template) nor below 24, and no text, shape or label is below 32.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/core/lang.js';
import { layoutTemplate } from '../../../src/core/layout/layout.js';
import { longestUnbreakable, stickyFontSize } from '../../../src/core/layout/text-metrics.js';
import type { Layout, PlannedSticky } from '../../../src/core/layout/types.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';

const textOf = (html: string): string =>
  html.replace(/<\/p><p>/g, '\n').replace(/<br\s*\/?>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const stickySize = (s: PlannedSticky): number => stickyFontSize(textOf(s.content), s.rect.width, s.rect.height);

/** The smallest size of anything with text on the layout: cards by Miro's fit, the rest as set. */
export function smallestText(layout: Layout): { size: number; id: string } {
  let best = { size: Infinity, id: '' };
  for (const item of layout.items) {
    const size = item.kind === 'sticky' ? stickySize(item) : item.kind === 'frame' || textOf(item.content) === '' ? Infinity : item.fontSize;
    if (size < best.size) best = { size, id: item.elementId };
  }
  return best;
}

const cases = TEMPLATES.flatMap((t) => LANGS.map((lang) => ({ id: t.id, lang, layout: layoutTemplate(t, lang, { x: 0, y: 0 }) })));

describe('the estimate of a sticky’s text size', () => {
  it('breaks a compound at its hyphen, so the hyphenated word reads larger', () => {
    expect(longestUnbreakable('Værdigheds-producerende handlinger')).toBe('producerende'.length);
    expect(longestUnbreakable('Dem/os retorik – »nej«')).toBe('retorik'.length);
    expect(stickyFontSize('Værdigheds-producerende handlinger', 480, 480)).toBeGreaterThan(stickyFontSize('Værdighedsproducerende handlinger', 480, 480) * 1.25);
  });
  it('grows no further than the largest size, and shrinks with more text', () => {
    expect(stickyFontSize('Ja', 480, 480)).toBe(48);
    expect(stickyFontSize('ord '.repeat(80), 480, 480)).toBeLessThan(stickyFontSize('ord '.repeat(10), 480, 480));
  });
});

describe.each(cases)('text size on $id ($lang)', ({ layout }) => {
  const stickies = layout.items.filter((i): i is PlannedSticky => i.kind === 'sticky');

  it('no card below 80 % of its neighbours, none below 24', () => {
    const families = new Map<string, PlannedSticky[]>();
    for (const s of stickies) families.set(`${s.rect.width}:${s.shape}`, [...(families.get(`${s.rect.width}:${s.shape}`) ?? []), s]);
    for (const family of families.values()) {
      const typical = median(family.map(stickySize));
      for (const s of family) {
        expect(stickySize(s), `${s.elementId}: "${textOf(s.content)}" against ${typical}`).toBeGreaterThanOrEqual(0.8 * typical);
        expect(stickySize(s), s.elementId).toBeGreaterThanOrEqual(24);
      }
    }
  });

  it('no text, shape text or zone label below 32', () => {
    for (const item of layout.items) {
      if (item.kind === 'frame' || item.kind === 'sticky' || textOf(item.content) === '') continue;
      expect(item.fontSize, item.elementId).toBeGreaterThanOrEqual(32);
    }
    expect(smallestText(layout).size).toBeGreaterThanOrEqual(24);
  });
});
