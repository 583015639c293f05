/**
 * The same notes give the same suggestion whatever their order; a note written twice
 * (another id, the same words) always lands in one theme with its twin.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLexicalEngine } from '../../src/suggest/index.js';
import { loadFixture } from '../../bench/suggest-quality.js';

const engine = createLexicalEngine();
const texts = loadFixture().map((n) => n.text);
const noteSet = fc.uniqueArray(fc.nat(texts.length - 1), { minLength: 1, maxLength: 40 }).map((picks) =>
  picks.map((p, i) => ({ id: `id-${(i * 7919) % 1000}-${p}`, text: texts[p]! })));

describe('suggestion properties', () => {
  it('order of notes does not change the result', () => {
    fc.assert(
      fc.property(noteSet, fc.infiniteStream(fc.nat()), (notes, rand) => {
        const shuffled = [...notes];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rand.next().value % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(engine.suggest(shuffled)).toEqual(engine.suggest(notes));
      }),
      { numRuns: 60 },
    );
  });
  it('a duplicated note joins its twin', () => {
    fc.assert(
      fc.property(noteSet, fc.nat(), (notes, k) => {
        const twin = notes[k % notes.length]!;
        const r = engine.suggest([...notes, { id: `${twin.id}-twin`, text: twin.text }]);
        const theme = r.themes.find((t) => t.ids.includes(twin.id));
        expect(theme?.ids).toContain(`${twin.id}-twin`);
      }),
      { numRuns: 60 },
    );
  });
});
