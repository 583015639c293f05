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
import { cardNeighbours, lowestCardShare, median, plannedText as textOf, smallestText, stickyTextSize as stickySize } from '../../../src/core/layout/text-size.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';

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
  it('no card below 80 % of its neighbours, none below 24', () => {
    for (const family of cardNeighbours(layout)) {
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
    expect(lowestCardShare(layout)?.share ?? 1).toBeGreaterThanOrEqual(0.8);
  });
});
