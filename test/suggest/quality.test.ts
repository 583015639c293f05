/** The labelled wall and the measures the benchmark reports on it. */
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, categoryScore, isHeldOut, jaccardEngine, labelsOf, loadFixture } from '../../bench/suggest-quality.js';
import { categoriesOf } from '../../src/suggest/index.js';
import { getTemplate, isTemplateId } from '../../src/core/template/catalogue.js';

describe('the labelled wall (test/fixtures/suggest/notes.json)', () => {
  const wall = loadFixture();
  it('has at least 150 notes in Danish and English, each with a theme; categories are the template\'s items', () => {
    expect(wall.length).toBeGreaterThanOrEqual(150);
    expect(new Set(wall.map((n) => n.id)).size).toBe(wall.length);
    for (const n of wall) {
      expect(n.theme, n.id).toMatch(/\S/);
      if (n.category === undefined) continue;
      expect(isTemplateId(n.template!), n.id).toBe(true);
      expect(categoriesOf(getTemplate(n.template as never)).map((c) => c.id), n.id).toContain(n.category);
    }
    expect(wall.filter(isHeldOut).length).toBe(Math.floor(wall.length / 3));
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for the same grouping under other names, about 0 for an unrelated one, negative below chance', () => {
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).toBe(1);
    expect(adjustedRandIndex(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).toBeLessThan(0);
    // Worked example: ARI of {0,1,2}{3,4,5} vs {0,1}{2,3}{4,5} = (2 - 1.2) / (4.5 - 1.2).
    expect(adjustedRandIndex(['a', 'a', 'a', 'b', 'b', 'b'], ['x', 'x', 'y', 'y', 'z', 'z'])).toBeCloseTo(0.8 / 3.3, 12);
  });
  it('counts every note left alone as its own group', () => {
    expect(labelsOf([{ id: 'a' }, { id: 'b' }, { id: 'c' }], { themes: [{ name: '', ids: ['a', 'c'] }], alone: ['b'] })).toEqual(['theme-0', 'alone-b', 'theme-0']);
  });
  it('the Jaccard baseline groups notes that share exact words only', () => {
    const r = jaccardEngine(0.2).suggest([{ id: '1', text: 'for mange møder' }, { id: '2', text: 'møder hele dagen' }, { id: '3', text: 'meetings all day' }]);
    expect(r.themes).toEqual([{ name: '', ids: ['1', '2'] }]);
  });
  it('category score: a missing guess is a miss', () => {
    const s = categoryScore(jaccardEngine(0.2), [{ id: 'x', text: 'Tid', theme: 't', template: 'strain-protection', category: 'b1' }]);
    expect(s).toEqual({ labelled: 1, guessed: 0, correct: 0 });
  });
});
