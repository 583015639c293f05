/**
 * The pulse's chart frame on the board: a heading, then one row per item and one for the
 * whole scale, each with its mean as a bar on the 1–7 scale and the number beside it; with an
 * earlier pulse, its bar (grey) sits above this one's, so the change per item reads side by
 * side. The words and numbers come in already written in the reader's language.
 * Pure: plain data in, a frame-first list of planned items out.
 */
import type { Point, Rect } from '../geometry.js';
import { textToHtml } from '../template/markup.js';
import { fitLines, FOOT_FONT_SIZE, QUESTION_FONT_SIZE, RESULTS_BAR_FILL, RESULTS_BESIDE_GAP, RESULTS_FILL, RESULTS_PADDING, RESULTS_TEXT_COLOUR, RESULTS_WIDTH, ROW_FONT_SIZE, ROW_GAP } from './results-frame.js';
import { estimateTextHeight } from './text-metrics.js';
import type { PlannedItem } from './types.js';

/** The earlier pulse's bars: grey, still ≥ 4.5:1 against white for the number beside it. */
export const PULSE_BEFORE_FILL = '#9aa5b1';
const LABEL_W = 640;
const VALUE_W = 120;
const BAR_H = 30;
const COL_GAP = 24;
const TEXT_SLACK = 12;
const SCALE_MAX = 7;

export interface PulseFrameRow {
  label: string;
  /** this pulse's mean, 1–7, and how it is written */
  after: number;
  afterText: string;
  /** the earlier pulse's, if one is shown beside it */
  before?: number;
  beforeText?: string;
}

export interface PulseFrameInput {
  title: string;
  heading: string;
  rows: readonly PulseFrameRow[];
  /** under the heading: what the bars are (the two pulses' names, the scale) */
  legend: string;
  footer: string;
  beside?: Rect;
  at?: Point;
}

export function layoutPulse(input: PulseFrameInput): { frame: Rect; items: PlannedItem[] } {
  const at = input.beside ? { x: input.beside.x + input.beside.width + RESULTS_BESIDE_GAP, y: input.beside.y } : (input.at ?? { x: 0, y: 0 });
  const inner = RESULTS_WIDTH - 2 * RESULTS_PADDING;
  const left = at.x + RESULTS_PADDING;
  const items: PlannedItem[] = [];
  const text = (elementId: string, content: string, x: number, y: number, width: number, fontSize: number) => {
    const height = Math.ceil(estimateTextHeight(content, fontSize, width)) + TEXT_SLACK;
    items.push({ kind: 'text', elementId, rect: { x, y, width, height }, content: textToHtml(content), fontSize, colour: RESULTS_TEXT_COLOUR, align: 'left' });
    return height;
  };
  const bar = (elementId: string, x: number, y: number, mean: number, fill: string) => {
    const width = Math.max(8, (barMax * Math.min(SCALE_MAX, Math.max(0, mean))) / SCALE_MAX);
    items.push({ kind: 'shape', elementId, shape: 'rectangle', content: '', rect: { x, y, width, height: BAR_H }, fill, textColour: RESULTS_TEXT_COLOUR, fontSize: ROW_FONT_SIZE });
    return width;
  };
  const barX = left + LABEL_W + COL_GAP;
  const barMax = left + inner - VALUE_W - COL_GAP - barX;

  let y = at.y + RESULTS_PADDING;
  y += text('heading', input.heading, left, y, inner, QUESTION_FONT_SIZE) + ROW_GAP;
  y += text('legend', input.legend, left, y, inner, FOOT_FONT_SIZE) + 2 * ROW_GAP;
  input.rows.forEach((row, i) => {
    const label = fitLines(row.label, ROW_FONT_SIZE, LABEL_W, 3);
    const labelH = Math.ceil(estimateTextHeight(label, ROW_FONT_SIZE, LABEL_W)) + TEXT_SLACK;
    const bars = row.before === undefined ? 1 : 2;
    const barsH = bars * BAR_H + (bars - 1) * 8;
    const rowH = Math.max(labelH, barsH);
    text(`label-${i}`, label, left, y, LABEL_W, ROW_FONT_SIZE);
    let by = y;
    if (row.before !== undefined) {
      const w = bar(`before-${i}`, barX, by, row.before, PULSE_BEFORE_FILL);
      text(`before-value-${i}`, row.beforeText ?? '', barX + w + COL_GAP, by - 4, VALUE_W, FOOT_FONT_SIZE);
      by += BAR_H + 8;
    }
    const w = bar(`after-${i}`, barX, by, row.after, RESULTS_BAR_FILL);
    text(`after-value-${i}`, row.afterText, barX + w + COL_GAP, by - 4, VALUE_W, FOOT_FONT_SIZE);
    y += rowH + ROW_GAP;
  });
  y += ROW_GAP;
  y += text('footer', input.footer, left, y, inner, FOOT_FONT_SIZE) + RESULTS_PADDING;
  const frame: Rect = { x: at.x, y: at.y, width: RESULTS_WIDTH, height: Math.max(100, Math.ceil(y - at.y)) };
  items.unshift({ kind: 'frame', elementId: 'frame', rect: frame, title: input.title, fill: RESULTS_FILL });
  return { frame, items };
}
