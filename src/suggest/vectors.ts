/**
 * From text to weighted vectors and their similarities. Three blocks per note: word stems,
 * character n-grams of the stems (spelling variants, compound parts) and lexicon concepts,
 * each weighed by TF-IDF over the notes at hand and normalised on its own, so a note with
 * no concept is compared by its words alone rather than marked down.
 */
import type { Lexicon } from './lexicon.js';
import { grams4, guessLang, isStopword, stemsFor, tokenise, type NoteLang } from './text.js';

export const BLOCKS = ['words', 'grams', 'concepts'] as const;
export type Block = (typeof BLOCKS)[number];

export interface Analysed {
  lang: NoteLang;
  /** Stem → count. */
  words: Map<string, number>;
  grams: Map<string, number>;
  /** Concept index (as a string key) → hits. */
  concepts: Map<string, number>;
  /** The note's words (stop words out), to name a theme in the words its notes use. */
  tokens: string[];
}

export function analyse(text: string, lexicon: Lexicon): Analysed {
  const tokens = tokenise(text);
  const lang = guessLang(tokens);
  const words = new Map<string, number>();
  const grams = new Map<string, number>();
  const kept: string[] = [];
  for (const t of tokens) {
    if (isStopword(t)) continue;
    kept.push(t);
    for (const s of stemsFor(t, lang)) {
      words.set(s, (words.get(s) ?? 0) + 1);
      for (const g of grams4(s)) grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  const concepts = new Map<string, number>();
  for (const [c, n] of lexicon.match(tokens, lang)) concepts.set(String(c), n);
  return { lang, words, grams, concepts, tokens: kept };
}

/** A sparse vector: feature ids ascending, unit length (or empty). */
export interface Sparse {
  ids: Int32Array;
  weights: Float64Array;
}

export interface Weights {
  words: number;
  grams: number;
  concepts: number;
}

export interface BlockIndex {
  /** Feature → id, ids given in sorted feature order so nothing depends on note order. */
  ids: Map<string, number>;
  df: Int32Array;
  idf: Float64Array;
}

/** n-grams in more than this share of the notes say little and cost much: dropped. */
export const MAX_GRAM_SHARE = 0.15;

export function indexBlock(counts: readonly Map<string, number>[], maxShare = 1): BlockIndex {
  const df = new Map<string, number>();
  for (const m of counts) for (const k of m.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = counts.length;
  const limit = Math.max(2, Math.floor(maxShare * n));
  const keys = [...df.keys()].filter((k) => maxShare >= 1 || df.get(k)! <= limit).sort();
  const ids = new Map(keys.map((k, i) => [k, i]));
  const dfs = new Int32Array(keys.length);
  const idf = new Float64Array(keys.length);
  keys.forEach((k, i) => {
    dfs[i] = df.get(k)!;
    idf[i] = Math.log(1 + n / dfs[i]!);
  });
  return { ids, df: dfs, idf };
}

/** TF-IDF (1 + ln tf) · ln(1 + N/df), unit length. Unknown features are skipped. */
export function weigh(counts: Map<string, number>, index: BlockIndex): Sparse {
  // id·64 + tf in one number: a typed sort orders by id without a comparator or tuples.
  const packed = new Float64Array(counts.size);
  let k = 0;
  for (const [key, tf] of counts) {
    const id = index.ids.get(key);
    if (id !== undefined) packed[k++] = id * 64 + Math.min(tf, 63);
  }
  const sorted = packed.subarray(0, k).sort();
  const ids = new Int32Array(k);
  const weights = new Float64Array(k);
  let norm = 0;
  for (let i = 0; i < k; i++) {
    const id = Math.floor(sorted[i]! / 64);
    const w = (1 + Math.log(sorted[i]! - id * 64)) * index.idf[id]!;
    ids[i] = id;
    weights[i] = w;
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  for (let i = 0; i < k; i++) weights[i]! /= norm;
  return { ids, weights };
}

export function cosine(a: Sparse, b: Sparse): number {
  let i = 0;
  let j = 0;
  let s = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) s += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return s;
}

/**
 * All pairwise similarities, n×n row-major: Σ weight·cosine over the blocks, divided by
 * the weights of the blocks either note has anything in. Accumulated through postings
 * lists (notes ascending, so a < b), so only notes that share a feature cost anything.
 */
export function similarityMatrix(vectors: readonly Record<Block, Sparse>[], weights: Weights, features: Record<Block, number>): Float64Array {
  const n = vectors.length;
  const s = new Float64Array(n * n);
  const masks = new Uint8Array(n);
  BLOCKS.forEach((block, bit) => {
    const w = weights[block];
    // Postings in one flat layout (start per feature, then note and weight per entry).
    const start = new Int32Array(features[block] + 1);
    vectors.forEach((v, doc) => {
      if (v[block].ids.length > 0) masks[doc]! |= 1 << bit;
      for (const id of v[block].ids) start[id + 1]!++;
    });
    for (let f = 0; f < features[block]; f++) start[f + 1]! += start[f]!;
    const fill = start.slice(0, -1);
    const docs = new Int32Array(start[features[block]]!);
    const ws = new Float64Array(docs.length);
    vectors.forEach((v, doc) => {
      const vb = v[block];
      for (let k = 0; k < vb.ids.length; k++) {
        const at = fill[vb.ids[k]!]!++;
        docs[at] = doc;
        ws[at] = vb.weights[k]!;
      }
    });
    for (let f = 0; f < features[block]; f++) {
      const end = start[f + 1]!;
      for (let x = start[f]!; x < end - 1; x++) {
        const row = docs[x]! * n;
        const wa = w * ws[x]!;
        for (let y = x + 1; y < end; y++) s[row + docs[y]!]! += wa * ws[y]!;
      }
    }
  });
  const denom = new Float64Array(8);
  for (let m = 0; m < 8; m++) BLOCKS.forEach((block, bit) => (denom[m]! += m & (1 << bit) ? weights[block] : 0));
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const d = denom[masks[a]! | masks[b]!]!;
      const v = d > 0 ? s[a * n + b]! / d : 0;
      s[a * n + b] = v;
      s[b * n + a] = v;
    }
  }
  return s;
}
