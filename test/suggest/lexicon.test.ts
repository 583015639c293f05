import { describe, expect, it } from 'vitest';
import { compileLexicon, workshopLexicon } from '../../src/suggest/lexicon.js';
import { guessLang, tokenise } from '../../src/suggest/text.js';

const lex = workshopLexicon();
const concepts = (text: string) => {
  const tokens = tokenise(text);
  return [...lex.match(tokens, guessLang(tokens)).keys()].map((i) => lex.concepts[i]!.id).sort();
};

describe('the concept lexicon', () => {
  it('covers every deck category of the four category templates', () => {
    const ids = new Set(lex.concepts.flatMap((c) => c.categories));
    const deck = ['b1', 'b2', 'b3', 'b4', 'b5', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8',
      ...Array.from({ length: 14 }, (_, i) => `t${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `s${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `u${i + 1}`)];
    expect(deck.filter((id) => !ids.has(id))).toEqual([]);
  });
  it('words that share nothing meet in one concept, in both languages', () => {
    expect(concepts('Kalenderen er fyldt')).toContain('workload');
    expect(concepts('No time to think')).toContain('workload');
    expect(concepts('Ensomhed')).toEqual(['loneliness']);
    expect(concepts('lonely at the top')).toEqual(['loneliness']);
  });
  it('a Danish compound counts for its parts', () => {
    expect(concepts('Ledermøder hele ugen')).toContain('meetings');
    expect(concepts('budgetkampe')).toContain('silos');
  });
  it('an English word is not taken apart as a Danish compound', () => {
    expect(concepts('the presentation went well')).not.toContain('workload');
  });
  it('a phrase counts only where its words stand together, in order', () => {
    const l = compileLexicon({ concepts: [{ id: 'x', label: { da: 'x', en: 'x' }, categories: [], da: [], en: ['time off'] }] });
    expect([...l.match(tokenise('some time off please'), 'en').keys()]).toEqual([0]);
    expect([...l.match(tokenise('off work, no time'), 'en').keys()]).toEqual([]);
  });
});
