import { describe, expect, it } from 'vitest';
import { categoriesOf, checkNotes, createLexicalEngine, SuggestInputError } from '../../src/suggest/index.js';
import { getTemplate } from '../../src/core/template/catalogue.js';

const engine = createLexicalEngine();
const wall = [
  'Kalenderen er fyldt', 'No time to think', 'Arbejdsmængden er for stor', 'mængden af arbejde er urealistisk',
  'Ensomhed i lederrollen', 'Lonely at the top', 'Jeg står alene med beslutningerne',
  'Vi griner meget sammen', 'Humor og fredagsbar', 'Laughter before meetings start',
  'Parkeringspladsen er for lille',
].map((text, i) => ({ id: `n${i}`, text }));

describe('the lexical engine', () => {
  const r = engine.suggest(wall);
  it('groups notes by meaning across Danish and English, and leaves the odd one alone', () => {
    const themeOf = (id: string) => r.themes.findIndex((t) => t.ids.includes(id));
    expect(new Set(['n0', 'n1', 'n2', 'n3'].map(themeOf)).size).toBe(1);
    expect(new Set(['n4', 'n5', 'n6'].map(themeOf)).size).toBe(1);
    expect(new Set(['n7', 'n8', 'n9'].map(themeOf)).size).toBe(1);
    expect(themeOf('n0')).not.toBe(themeOf('n4'));
    expect(r.alone).toEqual(['n10']);
  });
  it('names each theme from its telling terms, in the chosen language where a concept names it', () => {
    const named = (lang: 'da' | 'en') => engine.suggest(wall, { lang }).themes.find((t) => t.ids.includes('n1'))!.name;
    expect(named('da')).toMatch(/arbejdsmængde/i);
    expect(named('en')).toMatch(/workload/i);
    for (const t of r.themes) expect(t.name.length).toBeGreaterThan(0);
  });
  it('lists themes largest first, ids sorted', () => {
    expect(r.themes.map((t) => t.ids.length)).toEqual([...r.themes.map((t) => t.ids.length)].sort((a, b) => b - a));
    for (const t of r.themes) expect(t.ids).toEqual([...t.ids].sort());
  });
  it('no notes: nothing suggested; one note: alone', () => {
    expect(engine.suggest([])).toEqual({ themes: [], alone: [], categories: {} });
    expect(engine.suggest([{ id: 'x', text: 'Tid' }])).toEqual({ themes: [], alone: ['x'], categories: {} });
  });
});

describe('deck-item guesses', () => {
  const categories = categoriesOf(getTemplate('strain-protection'));
  it('finds the template\'s items (strains and protections of Byggepladsen)', () => {
    expect(categories.map((c) => c.id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(categoriesOf(getTemplate('opening'))).toEqual([]);
  });
  it('guesses with a confidence; below the threshold, no guess', () => {
    const notes = [
      { id: 'a', text: 'Kalenderen er fyldt hver dag' },
      { id: 'b', text: 'Min chef bakker mig op' },
      { id: 'c', text: 'Pauser og søvn' },
      { id: 'd', text: 'Parkeringspladsen er for lille' },
    ];
    const { categories: got } = engine.suggest(notes, { categories });
    expect(got.a?.categoryId).toBe('b1');
    expect(got.b?.categoryId).toBe('p2');
    expect(got.c?.categoryId).toBe('p5');
    expect(got.d).toBeUndefined();
    for (const g of Object.values(got)) expect(g.confidence).toBeGreaterThanOrEqual(0.3);
    for (const g of Object.values(got)) expect(g.confidence).toBeLessThanOrEqual(1);
  });
});

describe('bad input', () => {
  it('names the entry at fault', () => {
    const err = (v: unknown) => {
      try {
        checkNotes(v);
      } catch (e) {
        expect(e).toBeInstanceOf(SuggestInputError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(err({ id: 'a' })).toMatch(/^\$: expected an array/);
    expect(err([{ id: 'a', text: 'x' }, 'y'])).toMatch(/^\[1\]: expected an object/);
    expect(err([{ id: '', text: 'x' }])).toMatch(/^\[0\]\.id: expected a non-empty string/);
    expect(err([{ id: 'a', text: null }])).toMatch(/^\[0\]\.text: expected a string, got null \(note "a"\)/);
    expect(err([{ id: 'a', text: 'x' }, { id: 'a', text: 'y' }])).toMatch(/^\[1\]\.id: "a" is also the id of \[0\]/);
    expect(err([{ id: 'a', text: 'x'.repeat(6001) }])).toMatch(/^\[0\]\.text: 6001 characters/);
    expect(() => engine.suggest([{ id: 'a', text: 5 } as never])).toThrow(SuggestInputError);
  });
});
