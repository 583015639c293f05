/**
 * Export the P-IGLO plan as CSV or Markdown: pure text in, text out, for the facilitator to
 * download. Layers come in the template's order (P, O, L, G, I) whatever order the
 * initiatives are given in; within a layer, the given order is kept (listPlan: oldest first).
 * Layer headings and the column names Indsats / Hvem / Hvornår are the P-IGLO template's own,
 * so the file says what the board says; every other word comes from the caller (src/ui/i18n).
 */
import type { Bilingual, Lang } from '../lang.js';
import { PLAN_LAYERS, type InitiativeFields, type PlanLayer } from '../session/schema.js';
import { getTemplate } from '../template/catalogue.js';
import { csvTable } from './csv.js';
import { isoDate } from './filename.js';

export { isoDate };
import { mdCell, mdRow } from './markdown.js';

/** What an export needs of an initiative (an InitiativeView from listPlan fits). */
export type PlanRow = Pick<InitiativeFields, 'layer' | 'text' | 'owner' | 'when' | 'preparedness' | 'draft'>;

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

const COLUMNS = { initiative: templateText('column-initiative'), who: templateText('column-who'), when: templateText('column-when') };

/** The words that are not the template's, in the reader's language (src/ui/i18n/export-words.ts). */
export interface PlanExportWords {
  layer: string;
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


/** RFC 4180: a header row, then one row per initiative; each row names its layer. */
export function planToCsv(initiatives: readonly PlanRow[], lang: Lang, h: PlanExportWords): string {
  const rows: string[][] = [[h.layer, COLUMNS.initiative[lang], COLUMNS.who[lang], COLUMNS.when[lang], h.preparedness, h.draft]];
  for (const i of byLayer(initiatives)) {
    rows.push([PLAN_LAYER_HEADINGS[i.layer][lang], i.text, i.owner, i.when, i.preparedness ? h.yes : h.no, i.draft ? h.yes : h.no]);
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
    lines.push(mdRow([COLUMNS.initiative[lang], COLUMNS.who[lang], COLUMNS.when[lang], h.preparedness]), mdRow(['---', '---', '---', '---']));
    for (const i of items) {
      const text = i.draft ? `${mdCell(i.text)} _(${h.draftMark})_`.trim() : blank(i.text);
      lines.push(mdRow([text, blank(i.owner), blank(i.when), i.preparedness ? h.yes : h.no]));
    }
    lines.push('');
  }
  return lines.join('\n');
}
