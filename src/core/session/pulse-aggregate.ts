/**
 * Edmondson's team psychological safety scale (1999): seven items answered on a 1–7 scale
 * (1 = strongly disagree … 7 = strongly agree); items 1, 3 and 5 are worded negatively and
 * scored 8 − x, so a higher score is always more safety. Pure functions: answers in,
 * aggregates out; nothing below k respondents, ever.
 *
 * Every aggregate is derived from the scored counts (item × score), the only form the sync
 * server publishes for a sealed pulse, so the doc path and the server path are one reading.
 */

export const PULSE_ITEMS = 7;
export const PULSE_SCALE = 7;
/** Item numbers (1-based) that are reverse-scored (seed/content.json, edmondson_scale). */
export const PULSE_REVERSED: readonly number[] = [1, 3, 5];
/** A pulse's default minimum of respondents: below it, a mean over a few people reveals them. */
export const PULSE_DEFAULT_K = 5;
/** The least k a pulse may have: with one or two respondents an item's mean is their answer. */
export const PULSE_MIN_K = 3;

/** One person's answers: seven whole numbers 1–7, item 1 first, as answered (not scored). */
export type PulseAnswers = readonly number[];

export const isPulseAnswers = (v: unknown): v is number[] =>
  Array.isArray(v) && v.length === PULSE_ITEMS && v.every((x) => Number.isInteger(x) && x >= 1 && x <= PULSE_SCALE);

/** An answer to item `item` (1-based) as scored: 8 − x for the reverse items. */
export const scoreOf = (item: number, answer: number): number => (PULSE_REVERSED.includes(item) ? PULSE_SCALE + 1 - answer : answer);

/** Scored counts, item-major: counts[(item − 1) × 7 + (score − 1)]. */
export function scoredCounts(answers: Iterable<PulseAnswers>): number[] {
  const counts = new Array<number>(PULSE_ITEMS * PULSE_SCALE).fill(0);
  for (const a of answers) {
    if (!isPulseAnswers(a)) continue;
    a.forEach((x, i) => counts[i * PULSE_SCALE + scoreOf(i + 1, x) - 1]!++);
  }
  return counts;
}

export interface PulseStat {
  /** mean score (after reversing), 1–7 */
  mean: number;
  /** how many answers scored 1, 2, … 7 */
  distribution: number[];
}

export interface PulseItemStat extends PulseStat {
  /** 1-based item number */
  item: number;
  reverse: boolean;
}

export interface PulseAggregate {
  respondents: number;
  items: PulseItemStat[];
  /** every item's scored answers together: the mean is the team's scale score */
  overall: PulseStat;
}

function stat(distribution: number[]): PulseStat {
  const n = distribution.reduce((a, b) => a + b, 0);
  const sum = distribution.reduce((a, c, i) => a + c * (i + 1), 0);
  return { mean: n === 0 ? 0 : sum / n, distribution };
}

/** The aggregate of scored counts from `respondents` people; null below k (or for counts that
 *  do not fit: each item must hold exactly one answer per respondent). */
export function aggregateCounts(counts: readonly number[], respondents: number, k: number): PulseAggregate | null {
  if (respondents < Math.max(1, k) || counts.length !== PULSE_ITEMS * PULSE_SCALE) return null;
  if (!counts.every((c) => Number.isInteger(c) && c >= 0)) return null;
  const items: PulseItemStat[] = [];
  const overall = new Array<number>(PULSE_SCALE).fill(0);
  for (let i = 0; i < PULSE_ITEMS; i++) {
    const d = counts.slice(i * PULSE_SCALE, (i + 1) * PULSE_SCALE);
    if (d.reduce((a, b) => a + b, 0) !== respondents) return null;
    d.forEach((c, s) => (overall[s]! += c));
    items.push({ item: i + 1, reverse: PULSE_REVERSED.includes(i + 1), ...stat(d) });
  }
  return { respondents, items, overall: stat(overall) };
}

/** The aggregate of complete answers; null below k. */
export function aggregatePulse(answers: readonly PulseAnswers[], k: number): PulseAggregate | null {
  const valid = answers.filter(isPulseAnswers);
  return aggregateCounts(scoredCounts(valid), valid.length, k);
}

export interface PulseChangeRow {
  /** 1-based item number, or 'overall' */
  item: number | 'overall';
  before: number;
  after: number;
  /** after − before, in scale points */
  change: number;
}

/** The change per item (and overall) from an earlier pulse's aggregate to a later one's. */
export function comparePulses(before: PulseAggregate, after: PulseAggregate): PulseChangeRow[] {
  const row = (item: number | 'overall', b: PulseStat, a: PulseStat): PulseChangeRow => ({ item, before: b.mean, after: a.mean, change: a.mean - b.mean });
  return [...after.items.map((a, i) => row(a.item, before.items[i]!, a)), row('overall', before.overall, after.overall)];
}
