import { describe, expect, it } from 'vitest';
import { countLines, estimateTextHeight, shapeTextFits, zoneLabelHeight } from '../../../src/core/layout/text-metrics.js';
import { findForbiddenTag, plainText, textToHtml } from '../../../src/core/template/markup.js';

describe('estimateTextHeight', () => {
  // At 20 px a glyph is 11 wide: a 110-wide box holds 10 characters a line.
  it('wraps words greedily at 0.55 em per glyph, 1.4 em per line', () => {
    expect(countLines('abcd efgh', 20, 110)).toBe(1);
    expect(countLines('abcde fghij', 20, 110)).toBe(2);
    expect(estimateTextHeight('abcde fghij', 20, 110)).toBeCloseTo(2 * 28, 9);
  });

  it('breaks a word longer than a line and counts paragraphs', () => {
    expect(countLines('a'.repeat(25), 20, 110)).toBe(3);
    expect(countLines('one\ntwo\n', 20, 110)).toBe(3);
  });

  it('measures the visible text, not the tags', () => {
    expect(countLines('<strong>abcd</strong> <em>efgh</em>', 20, 110)).toBe(1);
    expect(countLines('ab<br>cd', 20, 110)).toBe(2);
  });

  it('is monotone: a wider box never needs more height', () => {
    const text = 'Hvad skal være på byggepladsen for at den er sund og sikker? Eksempler, situationer…';
    let last = Infinity;
    for (let w = 50; w < 2000; w += 37) {
      const h = estimateTextHeight(text, 24, w);
      expect(h).toBeLessThanOrEqual(last);
      last = h;
    }
  });

  it('checks shape fit with padding, a circle by its inscribed square', () => {
    expect(shapeTextFits('Klager', 24, 'rectangle', 200, 80)).toBe(true);
    expect(shapeTextFits('Klager', 24, 'rectangle', 200, 60)).toBe(false);
    expect(shapeTextFits('Klager og kritik', 24, 'circle', 160, 160)).toBe(false);
    expect(shapeTextFits('Klager og kritik', 24, 'rectangle', 300, 200)).toBe(true);
    expect(zoneLabelHeight('Zone', 400, 20)).toBeCloseTo(16 + 28, 9);
  });
});

describe('markup', () => {
  it('escapes the deck text and keeps Miro tags', () => {
    expect(textToHtml('Heiberg & Rasmussen <2024>')).toBe('<p>Heiberg &amp; Rasmussen &lt;2024&gt;</p>');
    expect(textToHtml('<strong>Titel</strong>\nTekst')).toBe('<p><strong>Titel</strong></p><p>Tekst</p>');
    expect(textToHtml('<a href="https://example.org">x</a>')).toBe('<p><a href="https://example.org">x</a></p>');
    expect(textToHtml('<script>x</script>')).toBe('<p>&lt;script&gt;x&lt;/script&gt;</p>');
  });

  it('finds tags Miro would strip', () => {
    expect(findForbiddenTag('a < b > c')).toBeNull();
    expect(findForbiddenTag('<em>ok</em><br/>')).toBeNull();
    expect(findForbiddenTag('<img src=x>')).toBe('<img src=x>');
    expect(findForbiddenTag('<a href="javascript:alert(1)">x</a>')).toBe('<a href="javascript:alert(1)">');
    expect(plainText('<b>fed</b> & <i>kursiv</i>')).toBe('fed & kursiv');
  });
});
