/**
 * Export a shown tally as CSV or Markdown: pure text in, text out, for the facilitator to
 * download. Labels come from the caller (note texts live on the board, cluster labels in
 * the doc), and so do the words of the headers (src/ui/i18n: core has none). Tied rows keep
 * their shared rank and say so, as on screen.
 */
import type { Lang } from '../lang.js';
import type { TallyResult } from '../session/voting.js';
import { csvTable } from './csv.js';
import { mdCell, mdRow } from './markdown.js';

/** The shared helpers, re-exported where they were first defined. */
export { csvField } from './csv.js';
export { mdCell } from './markdown.js';

export type VisibleTally = Extract<TallyResult, { visible: true }>;

export interface ExportInput {
  tally: VisibleTally;
  /** target id → plain-text label; a missing label falls back to the id */
  label: (targetId: string) => string | undefined;
  question?: string;
  /** The reader's language: it picks the CSV separator. */
  lang: Lang;
  words: TallyExportWords;
}

/** Column names and cell words, in the reader's language (src/ui/i18n/export-words.ts). */
export interface TallyExportWords {
  rank: string;
  tied: string;
  item: string;
  kind: string;
  votes: string;
  note: string;
  cluster: string;
  yes: string;
  no: string;
  respondents: string;
  total: string;
  tiedMark: string;
}

/** RFC 4180 in the language's separator (csvTable): a header row, CRLF line ends, fields quoted where they must be. */
export function tallyToCsv({ tally, label, lang, words: h }: ExportInput): string {
  const rows: (string | number)[][] = [[h.rank, h.tied, h.item, h.kind, h.votes]];
  for (const r of tally.rows) {
    rows.push([r.rank, r.tied ? h.yes : h.no, label(r.targetId) ?? r.targetId, r.kind === 'cluster' ? h.cluster : h.note, r.votes]);
  }
  return csvTable(rows, lang);
}

export function tallyToMarkdown({ tally, label, question, words: h }: ExportInput): string {
  const lines: string[] = [];
  if (question) lines.push(`## ${mdCell(question)}`, '');
  lines.push(`${h.respondents}: ${tally.respondents} · ${h.total}: ${tally.totalVotes}`, '');
  lines.push(mdRow([h.rank, h.item, h.kind, h.votes]), mdRow(['---:', '---', '---', '---:']));
  for (const r of tally.rows) {
    const rank = r.tied ? `${r.rank} (${h.tiedMark})` : String(r.rank);
    lines.push(mdRow([rank, mdCell(label(r.targetId) ?? r.targetId), r.kind === 'cluster' ? h.cluster : h.note, r.votes]));
  }
  return lines.join('\n') + '\n';
}
