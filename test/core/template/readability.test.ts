/**
 * The templates must read when a facilitator zooms out to see a whole frame: one type scale
 * that is large for the frame, landscape frames, and seed cards wide enough for their words.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/core/lang.js';
import { ZONE_LABEL_FONT_SIZE } from '../../../src/core/layout/text-metrics.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';
import { plainText } from '../../../src/core/template/markup.js';

/** A laptop screen's board area in CSS pixels. */
const SCREEN = { width: 1600, height: 1000 };
const MIN_SIZE = 32;
/** One long word is measured wider than running text (its letters cannot borrow from spaces). */
const WORD_GLYPH_EM = 0.62;

const fontSizes = (t: (typeof TEMPLATES)[number]): Array<[string, number]> =>
  t.elements.flatMap((e): Array<[string, number]> => {
    if (e.kind === 'text') return [[e.id, e.fontSize]];
    if (e.kind === 'zone') return [[e.id, e.labelFontSize ?? ZONE_LABEL_FONT_SIZE]];
    if (e.kind === 'shape' && e.text !== undefined) return [[e.id, e.fontSize ?? 0]];
    return [];
  });

describe.each(TEMPLATES)('$id reads at whole-frame zoom', (t) => {
  it(`sets every text, label and shape text at ${MIN_SIZE} or more`, () => {
    for (const [id, size] of fontSizes(t)) expect(size, id).toBeGreaterThanOrEqual(MIN_SIZE);
  });

  it('keeps the smallest text at 12 px or more when the whole frame fits the screen', () => {
    const zoom = Math.min(SCREEN.width / t.frame.width, SCREEN.height / t.frame.height);
    const smallest = Math.min(...fontSizes(t).map(([, s]) => s));
    expect(smallest * zoom).toBeGreaterThanOrEqual(12);
  });

  it('gives every seed card room for its longest word at 24 or more (Miro shrinks text to fit)', () => {
    for (const e of t.elements) {
      if (e.kind !== 'card') continue;
      for (const lang of LANGS) {
        const longest = Math.max(...plainText(e.text[lang]).split(/[\s-]+/).map((w) => w.length));
        const fit = (e.width * 0.84) / (longest * WORD_GLYPH_EM); // the sticky keeps ~8 % padding a side
        expect(fit, `${e.id} (${lang})`).toBeGreaterThanOrEqual(24);
      }
    }
  });
});
