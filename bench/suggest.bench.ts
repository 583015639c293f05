/**
 * Theme suggestion (issue 13), on the labelled wall in test/fixtures/suggest/notes.json:
 * - suggest.ari: adjusted Rand index of the suggested themes against the labels, all notes.  target ≥ 0.5
 * - suggest.ari-held-out: the same on the held-out third alone (settings never chosen on it).
 * - suggest.baseline-ari: exact-word Jaccard with the same clustering, at its own best
 *   threshold on the tuning notes (a generous baseline).
 * - suggest.category-accuracy: deck-item guesses right, of the notes labelled with one
 *   (no guess counts as wrong).                                                    target ≥ 0.7
 * - suggest.ms-1000: median time to suggest themes for 1,000 notes in Node.          target ≤ 100 ms
 * - suggest.cpu-ms-1000: the CPU time of that (median): on a machine shared with other work
 *   the wall time above waits for the CPU too; this does not.
 * - suggest.vs-baseline-1000: that time over the baseline's on the same notes.
 */
import type { BenchResult } from './types.js';
import { ari, categoryScore, isHeldOut, jaccardEngine, loadFixture } from './suggest-quality.js';
import { createLexicalEngine } from '../src/suggest/index.js';
import { mulberry32 } from '../src/core/random.js';
import type { SuggestNote, ThemeEngine } from '../src/suggest/index.js';

const BASELINE_THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.4];

/** 1,000 notes from the wall's, each with now and then a word of another note added. */
export function thousandNotes(): SuggestNote[] {
  const wall = loadFixture();
  const rand = mulberry32(13);
  return Array.from({ length: 1000 }, (_, i) => {
    const base = wall[Math.floor(rand() * wall.length)]!.text;
    const other = wall[Math.floor(rand() * wall.length)]!.text.split(' ');
    const extra = rand() < 0.5 ? ` ${other[Math.floor(rand() * other.length)]}` : '';
    return { id: `m${String(i).padStart(4, '0')}`, text: base + extra };
  });
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Median wall time, and median CPU time of this process (what a loaded machine's wall time hides). */
function medianMs(engine: ThemeEngine, notes: readonly SuggestNote[], runs: number): { wall: number; cpu: number } {
  engine.suggest(notes); // warm: stem caches, JIT
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c = process.cpuUsage();
    const t = performance.now();
    engine.suggest(notes);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const all = loadFixture();
  const tune = all.filter((n) => !isHeldOut(n));
  const held = all.filter(isHeldOut);
  const engine = createLexicalEngine();
  const baseT = BASELINE_THRESHOLDS.reduce((best, t) => (ari(jaccardEngine(t), tune) > ari(jaccardEngine(best), tune) ? t : best));
  const baseline = jaccardEngine(baseT);

  const lex = { all: ari(engine, all), tune: ari(engine, tune), held: ari(engine, held) };
  const base = { all: ari(baseline, all), tune: ari(baseline, tune), held: ari(baseline, held) };
  log(`${all.length} notes, ${new Set(all.map((n) => n.theme)).size} themes; ${held.length} held out`);
  log(`ARI lexical: all ${lex.all.toFixed(3)}, tuning ${lex.tune.toFixed(3)}, held out ${lex.held.toFixed(3)}`);
  log(`ARI Jaccard (threshold ${baseT}): all ${base.all.toFixed(3)}, tuning ${base.tune.toFixed(3)}, held out ${base.held.toFixed(3)}`);

  const cat = categoryScore(engine, all);
  const catTune = categoryScore(engine, tune);
  const catHeld = categoryScore(engine, held);
  const acc = (c: typeof cat) => c.correct / c.labelled;
  log(`categories: ${cat.correct}/${cat.labelled} right, ${cat.guessed} guessed (precision ${(cat.correct / cat.guessed).toFixed(3)}); tuning ${acc(catTune).toFixed(3)}, held out ${acc(catHeld).toFixed(3)}`);

  const notes = thousandNotes();
  const lexT = medianMs(engine, notes, 9);
  const baseT2 = medianMs(baseline, notes, 9);
  const ms = lexT.wall;
  const baseMs = baseT2.wall;
  log(`1,000 notes: lexical ${ms.toFixed(1)} ms (CPU ${lexT.cpu.toFixed(1)} ms), Jaccard ${baseMs.toFixed(1)} ms (CPU ${baseT2.cpu.toFixed(1)} ms)`);

  return [
    { name: 'suggest.ari', value: lex.all, unit: 'ARI', target: 0.5, better: 'higher' },
    { name: 'suggest.ari-held-out', value: lex.held, unit: 'ARI', target: 0.5, better: 'higher' },
    { name: 'suggest.baseline-ari', value: base.all, unit: 'ARI', target: 0, better: 'higher' },
    { name: 'suggest.category-accuracy', value: acc(cat), unit: 'share', target: 0.7, better: 'higher' },
    { name: 'suggest.category-accuracy-held-out', value: acc(catHeld), unit: 'share', target: 0.7, better: 'higher' },
    { name: 'suggest.ms-1000', value: ms, unit: 'ms', target: 100, better: 'lower' },
    { name: 'suggest.cpu-ms-1000', value: lexT.cpu, unit: 'ms', target: 100, better: 'lower' },
    { name: 'suggest.ms-1000-vs-baseline', value: ms / baseMs, unit: '×', target: 10, better: 'lower' },
  ];
}
