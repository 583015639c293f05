/**
 * A theme's name: its most telling terms, in the words its notes use. A term tells when
 * many of the theme's notes have it and few others do (in-theme share × IDF). A concept
 * that most notes share while no single word does names the theme in the chosen language.
 */
import type { Lang } from '../core/lang.js';
import type { Concept } from './lexicon.js';
import { stemsFor } from './text.js';
import type { Analysed, BlockIndex } from './vectors.js';

const MAX_TERMS = 3;

function mostUsedForm(members: readonly Analysed[], stem: string): string {
  const forms = new Map<string, number>();
  for (const m of members) {
    for (const t of m.tokens) if (stemsFor(t, m.lang).includes(stem)) forms.set(t, (forms.get(t) ?? 0) + 1);
  }
  return [...forms].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0]![0];
}

function ranked(members: readonly Analysed[], pick: (a: Analysed) => Map<string, number>, index: BlockIndex): [string, number, number][] {
  const count = new Map<string, number>();
  for (const m of members) for (const k of pick(m).keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const out: [string, number, number][] = [];
  for (const [k, c] of count) {
    const id = index.ids.get(k);
    if (id === undefined) continue;
    out.push([k, (c / members.length) * index.idf[id]!, c]);
  }
  return out.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
}

export function nameTheme(
  members: readonly Analysed[],
  words: BlockIndex,
  concepts: BlockIndex,
  lexicon: readonly Concept[],
  lang: Lang,
): string {
  const half = members.length / 2;
  const terms = ranked(members, (m) => m.words, words);
  const shared = terms.filter(([, , c]) => c >= 2);
  const names: string[] = [];
  const topConcept = ranked(members, (m) => m.concepts, concepts)[0];
  if (topConcept && topConcept[2] > half && !terms.some(([, , c]) => c > half)) {
    names.push(lexicon[Number(topConcept[0])]!.label[lang]);
  }
  // Words no two notes share name nothing common; a concept's label then stands alone.
  const pool = shared.length > 0 || names.length > 0 ? shared : terms;
  const max = names.length > 0 ? 2 : MAX_TERMS;
  for (const [stem] of pool) {
    if (names.length >= max) break;
    if (names.some((n) => n.toLowerCase().includes(stem))) continue;
    names.push(mostUsedForm(members, stem));
  }
  return names.join(', ');
}
