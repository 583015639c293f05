/**
 * The results frame of a vote round, laid out: the question, the ranked list as horizontal
 * bars (shapes whose width is proportional to the votes), each with its rank ("1." / "1st",
 * tied "delt 1." / "tied 1st"), its label and its count; "… and M more" past the top rows;
 * the date and the participation ("7 af 9 har stemt" / "7 of 9 voted"). The words come in
 * as `ResultsWords` (src/ui/i18n/board-words.ts), already in the reader's language.
 * Pure: plain data in, a frame-first list of planned items out, placed beside a given rect.
 */
import type { Point, Rect } from '../geometry.js';
import type { Lang } from '../lang.js';
import { textToHtml } from '../template/markup.js';
import { countLines, estimateTextHeight, GLYPH_WIDTH_EM } from './text-metrics.js';
import type { PlannedItem } from './types.js';
import { RESULTS_BESIDE_GAP, RESULTS_WIDTH } from './results-size.js';

export { RESULTS_BESIDE_GAP, RESULTS_WIDTH };

export const RESULTS_PADDING = 64;
export const RESULTS_MAX_ROWS = 10;
export const RESULTS_FILL = '#ffffff';
export const RESULTS_TEXT_COLOUR = '#1f2933';
/** Text beside the bars, not on them; the bar colour still stands out from white (≈ 5.9:1). */
export const RESULTS_BAR_FILL = '#2f6f8f';
export const QUESTION_FONT_SIZE = 36;
export const ROW_FONT_SIZE = 24;
export const FOOT_FONT_SIZE = 20;
export const BAR_HEIGHT = 44;
export const ROW_GAP = 24;
const RANK_W = 160;
const LABEL_W = 560;
const COUNT_W = 96;
const COL_GAP = 24;
/** A row's label is cut to this many lines. */
export const LABEL_MAX_LINES = 2;
/** Slack under every text: Miro sizes text itself, our estimate is only close. */
const TEXT_SLACK = 12;

export interface ResultsRow {
  /** Plain text: the note's text or the cluster's label. */
  label: string;
  votes: number;
  rank: number;
  tied: boolean;
}

/** What the frame says besides the question and the labels, in one language. */
export interface ResultsWords {
  /** The frame's title for the question (already shortened to fit). */
  title(question: string): string;
  rank(rank: number, tied: boolean): string;
  /** "… and M more" past the rows shown. */
  more(count: number): string;
  date(date: Date | number): string;
  /** n of N voted; N unknown: undefined. */
  participation(respondents: number, eligible: number | undefined): string;
}

export interface ResultsInput {
  question: string;
  /** Ranked, best first (as the tally gives them). */
  rows: readonly ResultsRow[];
  /** When the results were taken. */
  date: Date | number;
  /** Participants who voted (n) and who could (N); N unknown: omit or 0. */
  respondents: number;
  eligible?: number;
  lang: Lang;
  words: ResultsWords;
  /** Place the frame to the right of this rect (the template frame); else at `at`. */
  beside?: Rect;
  at?: Point;
  maxRows?: number;
}

export interface ResultsLayout {
  lang: Lang;
  frame: Rect;
  /** Frame first; element ids: frame, question, rank-i, label-i, bar-i, count-i, more, date, participation. */
  items: PlannedItem[];
  /** Rows drawn (≤ maxRows) and rows left out ("… and M more"). */
  shown: number;
  more: number;
}

/** The question as a frame title holds it: at most 60 characters. */
export function titleQuestion(question: string): string {
  return question.length > 60 ? `${question.slice(0, 59).trimEnd()}…` : question;
}

/** `text` cut at a word (with "…") so it takes at most `maxLines` lines at `fontSize` in `width`. */
export function fitLines(text: string, fontSize: number, width: number, maxLines: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (countLines(flat, fontSize, width) <= maxLines) return flat;
  const perLine = Math.max(1, Math.floor(width / (GLYPH_WIDTH_EM * fontSize)));
  let cut = Math.min(flat.length, perLine * maxLines);
  for (; cut > 0; cut--) {
    const head = flat.slice(0, cut);
    const atWord = cut === flat.length || flat[cut] === ' ' || !head.includes(' ');
    const candidate = `${head.trimEnd()}…`;
    if (atWord && countLines(candidate, fontSize, width) <= maxLines) return candidate;
  }
  return '…';
}

export function layoutResults(input: ResultsInput): ResultsLayout {
  const { lang, words } = input;
  const maxRows = Math.max(1, input.maxRows ?? RESULTS_MAX_ROWS);
  const at = input.beside ? { x: input.beside.x + input.beside.width + RESULTS_BESIDE_GAP, y: input.beside.y } : (input.at ?? { x: 0, y: 0 });
  const inner = RESULTS_WIDTH - 2 * RESULTS_PADDING;
  const left = at.x + RESULTS_PADDING;
  const items: PlannedItem[] = [];
  const text = (elementId: string, content: string, x: number, y: number, width: number, fontSize: number, align: 'left' | 'right' = 'left') => {
    const height = Math.ceil(estimateTextHeight(content, fontSize, width)) + TEXT_SLACK;
    items.push({ kind: 'text', elementId, rect: { x, y, width, height }, content: textToHtml(content), fontSize, colour: RESULTS_TEXT_COLOUR, align });
    return height;
  };

  let y = at.y + RESULTS_PADDING;
  y += text('question', input.question.replace(/\s+/g, ' ').trim(), left, y, inner, QUESTION_FONT_SIZE) + 2 * ROW_GAP;

  const rows = input.rows.slice(0, maxRows);
  const more = input.rows.length - rows.length;
  const maxVotes = Math.max(1, ...input.rows.map((r) => r.votes));
  const barX = left + RANK_W + COL_GAP + LABEL_W + COL_GAP;
  const barMax = left + inner - COUNT_W - COL_GAP - barX;
  const rowTextH = Math.ceil(LABEL_MAX_LINES * 1.4 * ROW_FONT_SIZE) + TEXT_SLACK;
  rows.forEach((row, i) => {
    const label = fitLines(row.label, ROW_FONT_SIZE, LABEL_W, LABEL_MAX_LINES);
    const labelH = Math.ceil(estimateTextHeight(label, ROW_FONT_SIZE, LABEL_W)) + TEXT_SLACK;
    const rowH = Math.max(BAR_HEIGHT, labelH, rowTextH);
    const mid = y + rowH / 2;
    const lineH = Math.ceil(1.4 * ROW_FONT_SIZE) + TEXT_SLACK;
    text(`rank-${i}`, words.rank(row.rank, row.tied), left, mid - lineH / 2, RANK_W, ROW_FONT_SIZE);
    text(`label-${i}`, label, left + RANK_W + COL_GAP, mid - labelH / 2, LABEL_W, ROW_FONT_SIZE);
    // Proportional to the votes; a zero-vote row keeps a sliver (Miro's smallest size) so the row reads as a bar.
    const barW = Math.max(8, (barMax * row.votes) / maxVotes);
    items.push({
      kind: 'shape', elementId: `bar-${i}`, shape: 'rectangle', content: '',
      rect: { x: barX, y: mid - BAR_HEIGHT / 2, width: barW, height: BAR_HEIGHT },
      fill: RESULTS_BAR_FILL, textColour: RESULTS_TEXT_COLOUR, fontSize: ROW_FONT_SIZE,
    });
    text(`count-${i}`, String(row.votes), barX + barW + COL_GAP, mid - lineH / 2, COUNT_W, ROW_FONT_SIZE);
    y += rowH + ROW_GAP;
  });
  if (more > 0) y += text('more', words.more(more), left + RANK_W + COL_GAP, y, LABEL_W, ROW_FONT_SIZE) + ROW_GAP;

  y += ROW_GAP;
  const footW = inner / 2 - COL_GAP;
  const dateH = text('date', words.date(input.date), left, y, footW, FOOT_FONT_SIZE);
  const partH = text('participation', words.participation(input.respondents, input.eligible), left + inner - footW, y, footW, FOOT_FONT_SIZE, 'right');
  y += Math.max(dateH, partH) + RESULTS_PADDING;

  const frame: Rect = { x: at.x, y: at.y, width: RESULTS_WIDTH, height: Math.max(100, Math.ceil(y - at.y)) };
  items.unshift({ kind: 'frame', elementId: 'frame', rect: frame, title: words.title(titleQuestion(input.question)), fill: RESULTS_FILL });
  return { lang, frame, items, shown: rows.length, more };
}
