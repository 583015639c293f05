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

/** A part of a compound is a whole Danish entry (as written, or its stem) of 4+ letters;
 *  what is left is 3+ letters, so "står" is not s + tår(er) and "lederrollen" not rol(ig). */
const MIN_PART = 4;
const MIN_REST = 3;
/** Words remembered per language before the cache starts again. */
const CACHE_LIMIT = 50_000;

function add(map: Map<string, number[]>, key: string, concept: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [concept]);
  else if (!list.includes(concept)) list.push(concept);
}

export function compileLexicon(input: LexiconData): Lexicon {
  const da = new Map<string, number[]>();
  /** Danish single words as written and as stems, for the parts of compounds. */
  const daParts = new Map<string, number[]>();
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
          if (isStopword(tokens[0]!)) continue;
          add(isDa ? da : en, stem(tokens[0]!), i);
          if (isDa) for (const part of [tokens[0]!, stem(tokens[0]!)]) if (part.length >= MIN_PART) add(daParts, part, i);
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
  /** The concepts named by the parts of a Danish compound (searched as written and as stem). */
  const parts = (token: string): number[] => {
    let found = compoundCache.get(token);
    if (found !== undefined) return found;
    found = [];
    for (const word of new Set([token, stemDanish(token)])) {
      const n = word.length;
      for (let i = 0; i <= n - MIN_PART; i++) {
        if (i > 0 && i < MIN_REST) continue;
        for (let j = i + MIN_PART; j <= n; j++) {
          if ((j < n && n - j < MIN_REST) || j - i === n) continue;
          for (const c of daParts.get(word.slice(i, j)) ?? []) if (!found.includes(c)) found.push(c);
        }
      }
    }
    compoundCache.set(token, found);
    return found;
  };

  const cache = { da: new Map<string, number[]>(), en: new Map<string, number[]>(), mixed: new Map<string, number[]>() };
  /** The concepts one word names in a note of that language (cached: a wall repeats its words). */
  const conceptsOf = (t: string, lang: NoteLang): number[] => {
    let out = cache[lang].get(t);
    if (out !== undefined) return out;
    const exact = new Set([...(lang !== 'en' ? da.get(stemDanish(t)) ?? [] : []), ...(lang !== 'da' ? en.get(stemEnglish(t)) ?? [] : [])]);
    // An English note's words are not taken apart as Danish compounds ("presentation").
    if (exact.size === 0 && lang !== 'en') for (const c of parts(t)) exact.add(c);
    out = [...exact];
    if (cache[lang].size > CACHE_LIMIT) cache[lang].clear();
    cache[lang].set(t, out);
    return out;
  };

  return {
    concepts: input.concepts.map(({ id, label, categories }) => ({ id, label, categories })),
    match(tokens, lang) {
      const hits = new Map<number, number>();
      const bump = (c: number) => hits.set(c, (hits.get(c) ?? 0) + 1);
      for (const t of tokens) {
        if (isStopword(t)) continue;
        for (const c of conceptsOf(t, lang)) bump(c);
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
