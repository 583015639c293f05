/**
 * Which deck item a note belongs to. Each item is a prototype: its Danish and English text
 * and the concepts the lexicon links to it. A note's scores over the items become a softmax
 * confidence; below the threshold there is no guess.
 */
import type { Template } from '../core/template/types.js';
import type { Lexicon } from './lexicon.js';
import type { Category, CategoryGuess } from './types.js';
import { analyse, cosine, indexBlock, weigh, type Analysed, type Weights } from './vectors.js';

/** The templates whose deck items are categories, and how their items are found. */
const CATEGORY_SOURCE = /^(strain_protection_map\.(strains|protections)|not_talked_about|warning_signs|safety_culture\.(safe_team|unsafe_team))\.items\.(?<item>[a-z]\d+)$/;

/** A template's deck items as categories (none for a template without them). */
export function categoriesOf(template: Template): Category[] {
  const out: Category[] = [];
  for (const e of template.elements) {
    const m = 'source' in e && e.source ? CATEGORY_SOURCE.exec(e.source) : null;
    const text = e.kind === 'zone' ? e.label : e.kind === 'card' ? e.text : undefined;
    if (m && text && !out.some((c) => c.id === m.groups!.item)) out.push({ id: m.groups!.item!, text: { da: text.da, en: text.en } });
  }
  return out;
}

export interface CategoryConfig {
  weights: Weights;
  /** Softmax temperature over the item scores. */
  temperature: number;
  threshold: number;
}

function prototype(c: Category, lexicon: Lexicon): Analysed {
  const da = analyse(c.text.da, lexicon);
  const en = analyse(c.text.en, lexicon);
  const merge = (x: Map<string, number>, y: Map<string, number>) => {
    const m = new Map(x);
    for (const [k, v] of y) m.set(k, (m.get(k) ?? 0) + v);
    return m;
  };
  const concepts = merge(da.concepts, en.concepts);
  lexicon.concepts.forEach((k, i) => {
    if (k.categories.includes(c.id)) concepts.set(String(i), (concepts.get(String(i)) ?? 0) + 1);
  });
  return { lang: 'mixed', words: merge(da.words, en.words), grams: merge(da.grams, en.grams), concepts, tokens: [] };
}

export function guessCategories(
  notes: readonly { id: string; a: Analysed }[],
  categories: readonly Category[],
  lexicon: Lexicon,
  config: CategoryConfig,
): Record<string, CategoryGuess> {
  const out: Record<string, CategoryGuess> = {};
  if (categories.length === 0) return out;
  const protos = categories.map((c) => prototype(c, lexicon));
  const all = [...notes.map((n) => n.a), ...protos];
  const blocks = (['words', 'grams', 'concepts'] as const).map((b) => {
    const index = indexBlock(all.map((a) => a[b]));
    return { b, w: config.weights[b], notes: notes.map((n) => weigh(n.a[b], index)), protos: protos.map((p) => weigh(p[b], index)) };
  });
  notes.forEach((n, i) => {
    let total = 0;
    const scores = categories.map((_, c) => {
      let s = 0;
      let d = 0;
      for (const blk of blocks) {
        if (blk.notes[i]!.ids.length === 0) continue; // nothing of this kind in the note
        d += blk.w;
        s += blk.w * cosine(blk.notes[i]!, blk.protos[c]!);
      }
      return d > 0 ? s / d : 0;
    });
    const exps = scores.map((s) => Math.exp(s / config.temperature));
    for (const e of exps) total += e;
    let best = 0;
    for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
    const confidence = exps[best]! / total;
    if (scores[best]! > 0 && confidence >= config.threshold) out[n.id] = { categoryId: categories[best]!.id, confidence };
  });
  return out;
}
