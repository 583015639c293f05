import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFilename, slug } from '../../../src/core/export/filename.js';

const DAY = new Date(2026, 10, 27, 12, 0);

describe('export file names', () => {
  it('say what and when, in the panel language, never an internal id', () => {
    expect(exportFilename('resultater', 'Hvad skal vi tale mere om?', DAY, 'csv')).toBe('tryghed-resultater-hvad-skal-vi-tale-mere-om-2026-11-27.csv');
    expect(exportFilename('results', 'What should we talk more about?', DAY, 'md')).toBe('tryghed-results-what-should-we-talk-more-about-2026-11-27.md');
    expect(exportFilename('handlingsplan', 'P-IGLO', DAY, 'json')).toBe('tryghed-handlingsplan-p-iglo-2026-11-27.json');
    expect(exportFilename('action plan', undefined, DAY, 'csv')).toBe('tryghed-action-plan-2026-11-27.csv');
    expect(exportFilename('resultater', '»?!«', DAY, 'csv')).toBe('tryghed-resultater-2026-11-27.csv');
  });

  it('spell out æ, ø, å and drop accents', () => {
    expect(slug('Særlige følelser på Café')).toBe('saerlige-foelelser-paa-cafe');
  });

  it('cut a long question at a word', () => {
    expect(slug('Hvilke af de mange belastninger i vores hverdag som ledere fylder allermest lige nu')).toBe('hvilke-af-de-mange-belastninger-i-vores-hverdag');
  });

  it('are safe for any question: only a-z, 0-9 and single hyphens, at most 48 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (q) => {
      const s = slug(q);
      expect(s).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*)?$/);
      expect(s.length).toBeLessThanOrEqual(48);
    }));
  });
});
