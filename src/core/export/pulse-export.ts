/**
 * A shown pulse's result as CSV, Markdown or JSON: aggregates only (respondents, per item and
 * overall the mean after reversing and the distribution of scores), never an answer; with an
 * earlier pulse, its mean and the change beside each item. The item texts come from the caller.
 */
import type { Lang } from '../lang.js';
import { comparePulses, PULSE_SCALE, type PulseAggregate } from '../session/pulse-aggregate.js';
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
  before?: { aggregate: PulseAggregate; label: string };
}

const HEAD = {
  da: { item: 'Udsagn', text: 'Tekst', reverse: 'Vendt', mean: 'Gennemsnit', before: 'Gennemsnit før', change: 'Ændring', overall: 'Samlet', yes: 'ja', no: 'nej', respondents: 'Har svaret', score: (s: number) => `Antal ${s}` },
  en: { item: 'Item', text: 'Text', reverse: 'Reverse-scored', mean: 'Mean', before: 'Mean before', change: 'Change', overall: 'Overall', yes: 'yes', no: 'no', respondents: 'Respondents', score: (s: number) => `Count ${s}` },
} as const;

const fix = (n: number) => Math.round(n * 100) / 100;
const scores = Array.from({ length: PULSE_SCALE }, (_, i) => i + 1);

function rows(input: PulseExportInput) {
  const { aggregate: a, before } = input;
  const change = before ? comparePulses(before.aggregate, a) : null;
  return [
    ...a.items.map((it, i) => ({ item: String(it.item), text: input.items[i] ?? '', reverse: it.reverse, stat: it, change: change?.[i] })),
    { item: HEAD[input.lang].overall, text: '', reverse: null as boolean | null, stat: a.overall, change: change?.[7] },
  ];
}

export function pulseToCsv(input: PulseExportInput): string {
  const h = HEAD[input.lang];
  const head = [h.item, h.text, h.reverse, h.mean, ...scores.map((s) => h.score(s)), ...(input.before ? [h.before, h.change] : [])];
  return csvTable([
    [...head],
    ...rows(input).map((r) => [
      r.item, r.text, r.reverse === null ? '' : r.reverse ? h.yes : h.no, fix(r.stat.mean), ...r.stat.distribution,
      ...(r.change ? [fix(r.change.before), fix(r.change.change)] : []),
    ]),
  ], input.lang);
}

export function pulseToMarkdown(input: PulseExportInput): string {
  const h = HEAD[input.lang];
  const lines = [`## ${mdCell(input.label || 'Edmondson')}`, '', `${h.respondents}: ${input.aggregate.respondents} (k = ${input.k})`, ''];
  const before = input.before ? [h.before, h.change] : [];
  lines.push(mdRow([h.item, h.text, h.mean, ...scores.map((s) => h.score(s)), ...before]), mdRow(['---:', '---', '---:', ...scores.map(() => '---:'), ...before.map(() => '---:')]));
  for (const r of rows(input)) {
    lines.push(mdRow([mdCell(r.item), mdCell(r.text), fix(r.stat.mean), ...r.stat.distribution, ...(r.change ? [fix(r.change.before), fix(r.change.change)] : [])]));
  }
  return lines.join('\n') + '\n';
}

export function pulseToJson(input: PulseExportInput): string {
  const { aggregate: a } = input;
  const out = {
    scale: 'Edmondson (1999), team psychological safety, 7 items, 1–7; items 1, 3, 5 scored 8 − x',
    label: input.label,
    k: input.k,
    respondents: a.respondents,
    items: a.items.map((it, i) => ({ item: it.item, text: input.items[i] ?? '', reverse: it.reverse, mean: fix(it.mean), distribution: it.distribution })),
    overall: { mean: fix(a.overall.mean), distribution: a.overall.distribution },
    ...(input.before ? { before: { label: input.before.label, change: comparePulses(input.before.aggregate, a).map((c) => ({ ...c, before: fix(c.before), after: fix(c.after), change: fix(c.change) })) } } : {}),
  };
  return JSON.stringify(out, null, 2) + '\n';
}
