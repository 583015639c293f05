/**
 * Export a shown tally as CSV or Markdown: pure text in, text out, for the facilitator to
 * download. Labels come from the caller (note texts live on the board, cluster labels in
 * the doc). Tied rows keep their shared rank and say so, as on screen.
 */
import type { Lang } from '../lang.js';
import type { TallyResult } from '../session/voting.js';

export type VisibleTally = Extract<TallyResult, { visible: true }>;

export interface ExportInput {
  tally: VisibleTally;
  /** target id → plain-text label; a missing label falls back to the id */
  label: (targetId: string) => string | undefined;
  question?: string;
  lang: Lang;
}

const HEAD = {
  da: { rank: 'Placering', tied: 'Delt placering', item: 'Emne', kind: 'Type', votes: 'Stemmer', note: 'Seddel', cluster: 'Gruppe', yes: 'ja', no: 'nej', respondents: 'Har stemt', total: 'Stemmer i alt', tiedMark: 'delt' },
  en: { rank: 'Rank', tied: 'Tied', item: 'Item', kind: 'Kind', votes: 'Votes', note: 'Note', cluster: 'Cluster', yes: 'yes', no: 'no', respondents: 'Respondents', total: 'Total votes', tiedMark: 'tied' },
} as const;

/** Spreadsheets run a cell starting with one of these as a formula: prefix it with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: guarded against formula injection, then quoted per RFC 4180 if needed. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180: a header row, CRLF line ends, fields quoted where they must be. */
export function tallyToCsv({ tally, label, lang }: ExportInput): string {
  const h = HEAD[lang];
  const rows: (string | number)[][] = [[h.rank, h.tied, h.item, h.kind, h.votes]];
  for (const r of tally.rows) {
    rows.push([r.rank, r.tied ? h.yes : h.no, label(r.targetId) ?? r.targetId, r.kind === 'cluster' ? h.cluster : h.note, r.votes]);
  }
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A Markdown table cell: pipes and backslashes escaped, no line breaks, no raw HTML. */
export function mdCell(value: string | number): string {
  return String(value)
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .trim();
}

export function tallyToMarkdown({ tally, label, question, lang }: ExportInput): string {
  const h = HEAD[lang];
  const lines: string[] = [];
  if (question) lines.push(`## ${mdCell(question)}`, '');
  lines.push(`${h.respondents}: ${tally.respondents} · ${h.total}: ${tally.totalVotes}`, '');
  lines.push(`| ${h.rank} | ${h.item} | ${h.kind} | ${h.votes} |`, '|---:|---|---|---:|');
  for (const r of tally.rows) {
    const rank = r.tied ? `${r.rank} (${h.tiedMark})` : String(r.rank);
    lines.push(`| ${rank} | ${mdCell(label(r.targetId) ?? r.targetId)} | ${r.kind === 'cluster' ? h.cluster : h.note} | ${r.votes} |`);
  }
  return lines.join('\n') + '\n';
}
