/**
 * How well theme suggestions agree with a person's grouping: the fixture's labels, the
 * adjusted Rand index, the exact-word Jaccard baseline, category accuracy. Shared by
 * bench/suggest.bench.ts and its test.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clusterByThreshold } from '../src/suggest/cluster.js';
import { isStopword, tokenise } from '../src/suggest/text.js';
import { categoriesOf, type SuggestNote, type Suggestion, type ThemeEngine } from '../src/suggest/index.js';
import { getTemplate, isTemplateId } from '../src/core/template/catalogue.js';

export interface LabelledNote extends SuggestNote {
  theme: string;
  template?: string;
  category?: string;
}

const here = dirname(fileURLToPath(import.meta.url));

export function loadFixture(): LabelledNote[] {
  const raw = JSON.parse(readFileSync(join(here, '../test/fixtures/suggest/notes.json'), 'utf8')) as { notes: LabelledNote[] };
  return raw.notes;
}

/** Every third note is held out: settings are chosen on the others only. */
export function isHeldOut(note: { id: string }): boolean {
  return Number(note.id.slice(1)) % 3 === 0;
}

const choose2 = (x: number) => (x * (x - 1)) / 2;

/** Hubert & Arabie's adjusted Rand index of two labelings of the same items. */
export function adjustedRandIndex(a: readonly string[], b: readonly string[]): number {
  if (a.length !== b.length) throw new Error('labelings differ in length');
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<string, number>();
  const cols = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}\u0000${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  let index = 0;
  for (const v of table.values()) index += choose2(v);
  let sa = 0;
  for (const v of rows.values()) sa += choose2(v);
  let sb = 0;
  for (const v of cols.values()) sb += choose2(v);
  const expected = (sa * sb) / choose2(n);
  const max = (sa + sb) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}

/** Each note's suggested group: its theme's index, or its own id when alone. */
export function labelsOf(notes: readonly { id: string }[], s: Suggestion): string[] {
  const of = new Map<string, string>();
  s.themes.forEach((t, i) => t.ids.forEach((id) => of.set(id, `theme-${i}`)));
  return notes.map((n) => of.get(n.id) ?? `alone-${n.id}`);
}

export function ari(engine: ThemeEngine, notes: readonly LabelledNote[]): number {
  return adjustedRandIndex(notes.map((n) => n.theme), labelsOf(notes, engine.suggest(notes)));
}

/** The baseline: exact words (stop words out, no stems, no n-grams, no lexicon), Jaccard
 *  similarity, the same clustering. */
export function jaccardEngine(threshold: number): ThemeEngine {
  return {
    suggest(input) {
      const notes = [...input].sort((a, b) => (a.id < b.id ? -1 : 1));
      const sets = notes.map((n) => new Set(tokenise(n.text).filter((t) => !isStopword(t))));
      const n = notes.length;
      const sim = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let inter = 0;
          for (const w of sets[i]!) if (sets[j]!.has(w)) inter++;
          const union = sets[i]!.size + sets[j]!.size - inter;
          sim[i * n + j] = sim[j * n + i] = union > 0 ? inter / union : 0;
        }
      }
      const groups = clusterByThreshold(sim, n, threshold);
      return {
        themes: groups.filter((g) => g.length > 1).map((g) => ({ name: '', ids: g.map((i) => notes[i]!.id) })),
        alone: groups.filter((g) => g.length === 1).map((g) => notes[g[0]!]!.id),
        categories: {},
      };
    },
  };
}

export interface CategoryScore {
  labelled: number;
  guessed: number;
  correct: number;
}

/** Category guesses per template, against the labels; no guess counts as a miss. */
export function categoryScore(engine: ThemeEngine, notes: readonly LabelledNote[]): CategoryScore {
  const score = { labelled: 0, guessed: 0, correct: 0 };
  const byTemplate = new Map<string, LabelledNote[]>();
  for (const n of notes) {
    if (n.template === undefined || n.category === undefined) continue;
    byTemplate.set(n.template, [...(byTemplate.get(n.template) ?? []), n]);
  }
  for (const [id, group] of [...byTemplate].sort()) {
    if (!isTemplateId(id)) throw new Error(`fixture names an unknown template: ${id}`);
    const { categories } = engine.suggest(group, { categories: categoriesOf(getTemplate(id)) });
    for (const n of group) {
      score.labelled++;
      const g = categories[n.id];
      if (g) score.guessed++;
      if (g?.categoryId === n.category) score.correct++;
    }
  }
  return score;
}
