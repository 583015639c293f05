/**
 * The lexical engine: tokens, stop words, stems, TF-IDF over stems, character n-grams and
 * lexicon concepts, cosine similarity, average-linkage clustering cut at a threshold.
 * Notes are sorted by id before anything else, so the order they come in never matters.
 */
import { guessCategories, type CategoryConfig } from './categories.js';
import { clusterByThreshold } from './cluster.js';
import { checkNotes } from './input.js';
import { workshopLexicon, type Lexicon } from './lexicon.js';
import { nameTheme } from './naming.js';
import type { SuggestedTheme, SuggestOptions, SuggestResult, ThemeEngine, SuggestNote } from './types.js';
import { analyse, indexBlock, MAX_GRAM_SHARE, similarityMatrix, weigh, type Weights } from './vectors.js';

export interface EngineConfig {
  weights: Weights;
  /** Average similarity at which two groups of notes become one theme. */
  threshold: number;
  category: CategoryConfig;
  lexicon: Lexicon;
}

export const DEFAULT_WEIGHTS: Weights = { words: 0.4, grams: 0.2, concepts: 0.4 };

export function defaultConfig(): EngineConfig {
  return {
    weights: DEFAULT_WEIGHTS,
    threshold: 0.2,
    category: { weights: DEFAULT_WEIGHTS, temperature: 0.1, threshold: 0.3 },
    lexicon: workshopLexicon(),
  };
}

const byId = (a: SuggestNote, b: SuggestNote) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createLexicalEngine(overrides: Partial<EngineConfig> = {}): ThemeEngine {
  const config = { ...defaultConfig(), ...overrides };
  return {
    suggest(input: readonly SuggestNote[], options: SuggestOptions = {}): SuggestResult {
      const notes = checkNotes(input).sort(byId);
      const n = notes.length;
      const analysed = notes.map((note) => analyse(note.text, config.lexicon));
      const words = indexBlock(analysed.map((a) => a.words));
      const grams = indexBlock(analysed.map((a) => a.grams), MAX_GRAM_SHARE);
      const concepts = indexBlock(analysed.map((a) => a.concepts));
      const vectors = analysed.map((a) => ({ words: weigh(a.words, words), grams: weigh(a.grams, grams), concepts: weigh(a.concepts, concepts) }));
      const sizes = { words: words.df.length, grams: grams.df.length, concepts: concepts.df.length };
      const sim = similarityMatrix(vectors, config.weights, sizes);
      const groups = clusterByThreshold(sim, n, config.threshold);

      const themes: SuggestedTheme[] = [];
      const alone: string[] = [];
      for (const g of groups) {
        if (g.length === 1) {
          alone.push(notes[g[0]!]!.id);
          continue;
        }
        const members = g.map((i) => analysed[i]!);
        themes.push({ name: nameTheme(members, words, concepts, config.lexicon.concepts, options.lang ?? 'da'), ids: g.map((i) => notes[i]!.id) });
      }
      themes.sort((a, b) => b.ids.length - a.ids.length || (a.ids[0]! < b.ids[0]! ? -1 : 1));
      const categories = options.categories && options.categories.length > 0
        ? guessCategories(notes.map((note, i) => ({ id: note.id, a: analysed[i]! })), options.categories, config.lexicon, config.category)
        : {};
      return { themes, alone, categories };
    },
  };
}
