import { describe, expect, it } from 'vitest';
import { workshopLexicon } from '../../src/suggest/lexicon.js';
import { analyse, cosine, indexBlock, similarityMatrix, weigh } from '../../src/suggest/vectors.js';

const counts = (...words: string[]) => {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
};

describe('weights (TF-IDF)', () => {
  const docs = [counts('møde', 'tid'), counts('møde', 'ensom'), counts('møde', 'tid', 'tid')];
  const index = indexBlock(docs);
  it('a rare term weighs more than a common one; vectors have unit length', () => {
    const v = weigh(docs[1]!, index); // møde in 3 notes, ensom in 1
    const w = Object.fromEntries([...index.ids].map(([k, id]) => [k, v.weights[v.ids.indexOf(id)] ?? 0]));
    expect(w.ensom).toBeGreaterThan(w.møde!);
    expect(Math.hypot(...v.weights)).toBeCloseTo(1, 12);
    expect(index.idf[index.ids.get('møde')!]).toBeCloseTo(Math.log(2), 12);
  });
  it('a repeated term weighs 1 + ln(tf) times more', () => {
    const v = weigh(docs[2]!, index);
    const at = (k: string) => v.weights[v.ids.indexOf(index.ids.get(k)!)]!;
    const idf = (k: string) => index.idf[index.ids.get(k)!]!;
    expect(at('tid') / at('møde')).toBeCloseTo(((1 + Math.log(2)) * idf('tid')) / idf('møde'), 12);
  });
  it('cosine of a vector with itself is 1, with a disjoint one 0', () => {
    const a = weigh(docs[0]!, index);
    expect(cosine(a, a)).toBeCloseTo(1, 12);
    expect(cosine(weigh(counts('ensom'), index), weigh(counts('tid'), index))).toBe(0);
  });
  it('frequent n-grams can be left out', () => {
    const many = Array.from({ length: 10 }, (_, i) => counts('common', `rare${i}`));
    expect(indexBlock(many, 0.2).ids.has('common')).toBe(false);
    expect(indexBlock(many).ids.has('common')).toBe(true);
  });
});

describe('similarity', () => {
  const lex = workshopLexicon();
  const texts = ['Kalenderen er fyldt', 'Kalenderen er fyldt', 'No time to think', 'Vi griner sammen'];
  const an = texts.map((t) => analyse(t, lex));
  const idx = { words: indexBlock(an.map((a) => a.words)), grams: indexBlock(an.map((a) => a.grams)), concepts: indexBlock(an.map((a) => a.concepts)) };
  const vectors = an.map((a) => ({ words: weigh(a.words, idx.words), grams: weigh(a.grams, idx.grams), concepts: weigh(a.concepts, idx.concepts) }));
  const s = similarityMatrix(vectors, { words: 0.4, grams: 0.2, concepts: 0.4 }, { words: idx.words.df.length, grams: idx.grams.df.length, concepts: idx.concepts.df.length });
  it('is symmetric; twins are 1; a shared concept alone makes notes near; strangers are 0', () => {
    const at = (a: number, b: number) => s[a * 4 + b]!;
    expect(at(0, 1)).toBeCloseTo(1, 12);
    expect(at(0, 2)).toBe(at(2, 0));
    expect(at(0, 2)).toBeGreaterThan(0.2); // only the workload concept in common
    expect(at(0, 3)).toBe(0);
  });
});
