/**
 * The concept lexicon (lexicon.json): words that share nothing ("kalenderen er fyldt",
 * "no time to think") meet in a concept. Entries are stemmed once, when compiled; a note's
 * stems are looked up, and a Danish compound counts for its parts ("ledermøder" → møde).
 * A phrase ("no time", "sige nej") counts where its words stand together, stop words too.
 */
import data from './lexicon.json' with { type: 'json' };
import type { Bilingual } from '../core/lang.js';
import { isStopword, stemDanish, stemEnglish, tokenise, type NoteLang } from './text.js';

export interface Concept {
  id: string;
  label: Bilingual;
  /** Deck items (seed ids: b1, p3, a8, t12, s4, u8…) the concept speaks for. */
  categories: string[];
}

export interface LexiconData {
  concepts: Array<Concept & { da: string[]; en: string[] }>;
}

interface Phrase {
  concept: number;
  /** Stems of every word, stop words included, in order. */
  stems: string[];
}

export interface Lexicon {
  concepts: readonly Concept[];
  /** Concept indexes a note's tokens name, with the number of hits each. */
  match(tokens: readonly string[], lang: NoteLang): Map<number, number>;
}

/** A compound's head (its last part) carries the meaning in Danish, so it may be short. */
const MIN_SUFFIX = 3;
const MIN_PREFIX = 4;
const MIN_INFIX = 5;

function add(map: Map<string, number[]>, key: string, concept: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

export function compileLexicon(input: LexiconData): Lexicon {
  const da = new Map<string, number[]>();
  const en = new Map<string, number[]>();
  // Phrases by their first stem, per language.
  const phrasesDa = new Map<string, Phrase[]>();
  const phrasesEn = new Map<string, Phrase[]>();
  input.concepts.forEach((c, i) => {
    for (const [words, isDa] of [[c.da, true], [c.en, false]] as const) {
      const stem = isDa ? stemDanish : stemEnglish;
      for (const entry of words) {
        const tokens = tokenise(entry);
        if (tokens.length === 1) {
          if (!isStopword(tokens[0]!)) add(isDa ? da : en, stem(tokens[0]!), i);
        } else if (tokens.length > 1) {
          const stems = tokens.map(stem);
          const into = isDa ? phrasesDa : phrasesEn;
          const list = into.get(stems[0]!);
          if (list === undefined) into.set(stems[0]!, [{ concept: i, stems }]);
          else list.push({ concept: i, stems });
        }
      }
    }
  });
  const phrasesIn = (seq: readonly string[], index: Map<string, Phrase[]>, found: Set<number>) => {
    seq.forEach((s, at) => {
      for (const p of index.get(s) ?? []) {
        if (p.stems.every((x, k) => seq[at + k] === x)) found.add(p.concept);
      }
    });
  };

  const compoundCache = new Map<string, number[]>();
  /** The concepts named by the parts of a Danish compound stem. */
  const parts = (stem: string): number[] => {
    let found = compoundCache.get(stem);
    if (found !== undefined) return found;
    found = [];
    const n = stem.length;
    for (let i = 0; i < n; i++) {
      for (let j = n; j > i; j--) {
        const len = j - i;
        const min = j === n ? MIN_SUFFIX : i === 0 ? MIN_PREFIX : MIN_INFIX;
        if (len < min || len === n) continue;
        const hit = da.get(stem.slice(i, j));
        if (hit) for (const c of hit) if (!found.includes(c)) found.push(c);
      }
    }
    compoundCache.set(stem, found);
    return found;
  };

  return {
    concepts: input.concepts.map(({ id, label, categories }) => ({ id, label, categories })),
    match(tokens, lang) {
      const hits = new Map<number, number>();
      const bump = (c: number) => hits.set(c, (hits.get(c) ?? 0) + 1);
      for (const t of tokens) {
        if (isStopword(t)) continue;
        const d = stemDanish(t);
        const e = stemEnglish(t);
        const exact = new Set([...(lang !== 'en' ? da.get(d) ?? [] : []), ...(lang !== 'da' ? en.get(e) ?? [] : [])]);
        // An English note's words are not taken apart as Danish compounds ("presentation").
        if (exact.size === 0 && lang !== 'en') for (const c of parts(d)) exact.add(c);
        for (const c of exact) bump(c);
      }
      const found = new Set<number>();
      if (lang !== 'en') phrasesIn(tokens.map(stemDanish), phrasesDa, found);
      if (lang !== 'da') phrasesIn(tokens.map(stemEnglish), phrasesEn, found);
      for (const c of found) bump(c);
      return hits;
    },
  };
}

let compiled: Lexicon | null = null;

/** Ours, compiled once. */
export function workshopLexicon(): Lexicon {
  return (compiled ??= compileLexicon(data as LexiconData));
}
