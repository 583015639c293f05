/**
 * Export the P-IGLO plan as CSV or Markdown: pure text in, text out, for the facilitator to
 * download. Layers come in the template's order (P, O, L, G, I) whatever order the
 * initiatives are given in; within a layer, the given order is kept (listPlan: oldest first).
 * Layer headings and the column names Indsats / Hvem / Hvornår are the P-IGLO template's own,
 * so the file says what the board says; every other word comes from the caller (src/ui/i18n).
 */
import type { Bilingual, Lang } from '../lang.js';
import { PLAN_LAYERS, type InitiativeFields, type PlanLayer, type PlanStatus } from '../session/schema.js';
import { getTemplate } from '../template/catalogue.js';
import { csvTable } from './csv.js';
import { isoDate } from './filename.js';

export { isoDate };
import { mdCell, mdRow } from './markdown.js';

/** What an export needs of an initiative (an InitiativeView from listPlan fits), and its source in words. */
export type PlanRow = Pick<
  InitiativeFields,
  'layer' | 'text' | 'problem' | 'owner' | 'when' | 'deadline' | 'followUpDate' | 'followUpMethod' | 'successCriterion' | 'status' | 'preparedness' | 'draft' | 'sourceRank'
> & { sourceRound?: string | null; /** the round's question, when it came from one */ source?: string };

export interface PlanMarkdownOptions {
  /** default: the P-IGLO template's title */
  title?: string;
  /** printed under the title as YYYY-MM-DD (a Date, in local time) or as given (a string) */
  date?: Date | string;
}

const PIGLO = getTemplate('p-iglo');

/** A text element of the P-IGLO template, by its stable id; a template without it is a bug. */
function templateText(id: string): Bilingual {
  const el = PIGLO.elements.find((e) => e.id === id);
  if (el?.kind !== 'text') throw new Error(`The P-IGLO template has no text "${id}"`);
  return el.text;
}

/** The layer headings as the template draws them, e.g. "P – Politisk niveau / omverden". */
export const PLAN_LAYER_HEADINGS: Readonly<Record<PlanLayer, Bilingual>> = Object.freeze(
  Object.fromEntries(PLAN_LAYERS.map((l) => [l, templateText(`layer-${l.toLowerCase()}`)])) as Record<PlanLayer, Bilingual>,
);

const COLUMNS = { initiative: templateText('column-initiative') };

/** The words that are not the template's, in the reader's language (src/ui/i18n/export-words.ts). */
export interface PlanExportWords {
  layer: string;
  problem: string;
  responsible: string;
  deadline: string;
  followUpDate: string;
  followUpMethod: string;
  success: string;
  status: string;
  statuses: Readonly<Record<PlanStatus, string>>;
  source: string;
  /** "{question} (rank {rank})" */
  sourceRank: (question: string, rank: number) => string;
  preparedness: string;
  draft: string;
  draftMark: string;
  yes: string;
  no: string;
  /** A layer with no initiative. */
  empty: string;
  date: string;
}

/** The initiatives in layer order; stable, so each layer keeps the order it was given in. */
function byLayer<T extends PlanRow>(initiatives: readonly T[]): T[] {
  return [...initiatives].sort((a, b) => PLAN_LAYERS.indexOf(a.layer) - PLAN_LAYERS.indexOf(b.layer));
}


/** The source cell: the round's question and the item's rank there, or nothing. */
function sourceText(i: PlanRow, h: PlanExportWords): string {
  if (!i.source) return '';
  return i.sourceRank ? h.sourceRank(i.source, i.sourceRank) : i.source;
}

/** A deadline is a date; a plan written before dates keeps its free text. */
const deadlineOf = (i: PlanRow): string => i.deadline || i.when;

/** RFC 4180: a header row, then one row per initiative, a handlingsplan's columns; each row names its layer. */
export function planToCsv(initiatives: readonly PlanRow[], lang: Lang, h: PlanExportWords): string {
  const rows: string[][] = [[
    h.layer, h.problem, COLUMNS.initiative[lang], h.responsible, h.deadline, h.followUpDate, h.followUpMethod, h.success, h.status, h.preparedness, h.source, h.draft,
  ]];
  for (const i of byLayer(initiatives)) {
    rows.push([
      PLAN_LAYER_HEADINGS[i.layer][lang], i.problem, i.text, i.owner, deadlineOf(i), i.followUpDate, i.followUpMethod, i.successCriterion,
      h.statuses[i.status], i.preparedness ? h.yes : h.no, sourceText(i, h), i.draft ? h.yes : h.no,
    ]);
  }
  return csvTable(rows, lang);
}

/** A title, the date if given, then one section per layer: a table, or `h.empty`. */
export function planToMarkdown(initiatives: readonly PlanRow[], lang: Lang, h: PlanExportWords, options: PlanMarkdownOptions = {}): string {
  const sorted = byLayer(initiatives);
  const lines = [`# ${mdCell(options.title ?? PIGLO.title[lang])}`, ''];
  if (options.date !== undefined) {
    lines.push(`${h.date}: ${mdCell(typeof options.date === 'string' ? options.date : isoDate(options.date))}`, '');
  }
  const blank = (s: string) => mdCell(s) || '–';
  for (const layer of PLAN_LAYERS) {
    lines.push(`## ${PLAN_LAYER_HEADINGS[layer][lang]}`, '');
    const items = sorted.filter((i) => i.layer === layer);
    if (items.length === 0) {
      lines.push(h.empty, '');
      continue;
    }
    const head = [h.problem, COLUMNS.initiative[lang], h.responsible, h.deadline, h.followUpDate, h.followUpMethod, h.success, h.status, h.preparedness, h.source];
    lines.push(mdRow(head), mdRow(head.map(() => '---')));
    for (const i of items) {
      const text = i.draft ? `${mdCell(i.text)} _(${h.draftMark})_`.trim() : blank(i.text);
      lines.push(mdRow([
        blank(i.problem), text, blank(i.owner), blank(deadlineOf(i)), blank(i.followUpDate), blank(i.followUpMethod), blank(i.successCriterion),
        h.statuses[i.status], i.preparedness ? h.yes : h.no, blank(sourceText(i, h)),
      ]));
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The plan as JSON for other tools: field names in English, values as stored, layers in P-IGLO order. */
export function planToJson(initiatives: readonly PlanRow[], options: { date?: Date } = {}): string {
  return JSON.stringify({
    kind: 'tryghed-action-plan',
    version: 1,
    ...(options.date ? { date: isoDate(options.date) } : {}),
    initiatives: byLayer(initiatives).map((i) => ({
      layer: i.layer,
      problem: i.problem,
      initiative: i.text,
      responsible: i.owner,
      deadline: deadlineOf(i),
      followUp: { date: i.followUpDate, method: i.followUpMethod },
      successCriterion: i.successCriterion,
      status: i.status,
      preparedness: i.preparedness,
      draft: i.draft,
      source: i.source || i.sourceRank ? { round: i.source ?? null, rank: i.sourceRank } : null,
    })),
  }, null, 2) + '\n';
}
