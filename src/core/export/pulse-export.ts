/**
 * A shown pulse's result as CSV, Markdown or JSON: aggregates only (respondents, per item and
 * overall the mean after reversing and the distribution of scores), never an answer; with an
 * earlier pulse, its mean and the change beside each item. The item texts come from the caller.
 */
import type { Lang } from '../lang.js';
import { comparePulses, type PulseAggregate } from '../session/pulse-aggregate.js';
import { csvTable } from './csv.js';
import { mdCell, mdRow } from './markdown.js';

export interface PulseExportInput {
  aggregate: PulseAggregate;
  k: number;
  /** the seven items' texts, in `lang` */
  items: readonly string[];
  /** the pulse's name (may be empty) */
  label: string;
  lang: Lang;
  words: PulseExportWords;
  before?: { aggregate: PulseAggregate; label: string };
}

/** Column names and cell words, in the reader's language (src/ui/i18n/pulse-export-words.ts). */
export interface PulseExportWords {
  item: string;
  text: string;
  reverse: string;
  mean: string;
  before: string;
  change: string;
  overall: string;
  yes: string;
  no: string;
  respondents: string;
  /** the seven score columns: how many answers scored 1, … 7 */
  scores: readonly string[];
  /** what the scale is and how it is scored (JSON's `scale`) */
  scale: string;
  /** the heading when the pulse has no name */
  unnamed: string;
}

const fix = (n: number) => Math.round(n * 100) / 100;

function rows(input: PulseExportInput) {
  const { aggregate: a, before } = input;
  const change = before ? comparePulses(before.aggregate, a) : null;
  return [
    ...a.items.map((it, i) => ({ item: String(it.item), text: input.items[i] ?? '', reverse: it.reverse, stat: it, change: change?.[i] })),
    { item: input.words.overall, text: '', reverse: null as boolean | null, stat: a.overall, change: change?.[7] },
  ];
}

export function pulseToCsv(input: PulseExportInput): string {
  const h = input.words;
  const head = [h.item, h.text, h.reverse, h.mean, ...h.scores, ...(input.before ? [h.before, h.change] : [])];
  return csvTable([
    [...head],
    ...rows(input).map((r) => [
      r.item, r.text, r.reverse === null ? '' : r.reverse ? h.yes : h.no, fix(r.stat.mean), ...r.stat.distribution,
      ...(r.change ? [fix(r.change.before), fix(r.change.change)] : []),
    ]),
  ], input.lang);
}

export function pulseToMarkdown(input: PulseExportInput): string {
  const h = input.words;
  const lines = [`## ${mdCell(input.label || h.unnamed)}`, '', `${h.respondents}: ${input.aggregate.respondents} (k = ${input.k})`, ''];
  const before = input.before ? [h.before, h.change] : [];
  lines.push(mdRow([h.item, h.text, h.mean, ...h.scores, ...before]), mdRow(['---:', '---', '---:', ...h.scores.map(() => '---:'), ...before.map(() => '---:')]));
  for (const r of rows(input)) {
    lines.push(mdRow([mdCell(r.item), mdCell(r.text), fix(r.stat.mean), ...r.stat.distribution, ...(r.change ? [fix(r.change.before), fix(r.change.change)] : [])]));
  }
  return lines.join('\n') + '\n';
}

export function pulseToJson(input: PulseExportInput): string {
  const { aggregate: a } = input;
  const out = {
    scale: input.words.scale,
    label: input.label,
    k: input.k,
    respondents: a.respondents,
    items: a.items.map((it, i) => ({ item: it.item, text: input.items[i] ?? '', reverse: it.reverse, mean: fix(it.mean), distribution: it.distribution })),
    overall: { mean: fix(a.overall.mean), distribution: a.overall.distribution },
    ...(input.before ? { before: { label: input.before.label, change: comparePulses(input.before.aggregate, a).map((c) => ({ ...c, before: fix(c.before), after: fix(c.after), change: fix(c.change) })) } } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
