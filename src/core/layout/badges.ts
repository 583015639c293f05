/**
 * Vote badges: a small shape beside a voted note or cluster area, never over it (a note's text
 * may fill it to the corners): above its right end where that is free, else to its right, its
 * left or below, whichever first keeps clear of the other notes and badges near it.
 * One of the deck's areas (a zone, its label at its top) takes its badge inside its lower
 * corners instead: outside, it would sit in the narrow gutter or in the neighbouring area.
 * "3 · #1" (3 votes, rank 1) or, when tied, "3 · =1". Pure: rects in, rects out. Shapes,
 * not stickies, so the colours can be chosen for contrast (stickies have 16 named colours).
 */
import { overlaps, type Rect } from '../geometry.js';
import { textToHtml } from '../template/markup.js';
import { GLYPH_WIDTH_EM, LINE_HEIGHT_EM, SHAPE_TEXT_PADDING } from './text-metrics.js';

export const BADGE_FONT_SIZE = 16;
/** Dark fill, white text: contrast ≈ 14.6:1. */
export const BADGE_FILL = '#1f2933';
export const BADGE_TEXT_COLOUR = '#ffffff';
/** The space between a badge and its target. */
export const BADGE_GAP = 6;

export interface BadgeSpec {
  targetId: string;
  text: string;
  /** HTML for the shape's content. */
  content: string;
  /** Absolute, top-left. */
  rect: Rect;
  fill: string;
  textColour: string;
  fontSize: number;
}

/** "3 · #1", tied "3 · =1". */
export function badgeText(votes: number, rank: number, tied: boolean): string {
  return `${votes} · ${tied ? '=' : '#'}${rank}`;
}

/** Size of a one-line shape that holds `text` by the text-metrics estimate, with slack. */
export function badgeSize(text: string, fontSize = BADGE_FONT_SIZE): { width: number; height: number } {
  const textWidth = text.length * GLYPH_WIDTH_EM * fontSize;
  return {
    width: Math.ceil(textWidth + 2 * SHAPE_TEXT_PADDING + fontSize),
    height: Math.ceil(LINE_HEIGHT_EM * fontSize + 2 * SHAPE_TEXT_PADDING),
  };
}

/**
 * The badge rect for a target: beside it, never overlapping it. The first of above (right edges
 * flush), right, left and below (top or right edges flush) that overlaps none of `obstacles`
 * (other notes, other badges); above when none is free.
 */
export function badgeRect(target: Rect, text: string, obstacles: readonly Rect[] = [], fontSize = BADGE_FONT_SIZE): Rect {
  const { width, height } = badgeSize(text, fontSize);
  const right = target.x + target.width;
  const candidates: Rect[] = [
    { x: right - width, y: target.y - BADGE_GAP - height, width, height },
    { x: right + BADGE_GAP, y: target.y, width, height },
    { x: target.x - BADGE_GAP - width, y: target.y, width, height },
    { x: right - width, y: target.y + target.height + BADGE_GAP, width, height },
  ];
  return candidates.find((c) => !obstacles.some((o) => overlaps(c, o))) ?? candidates[0]!;
}

/**
 * The badge rect for an area whose label runs along its top: inside its lower right corner,
 * else its lower left, clear of the notes in it; beside it (badgeRect) when neither is free.
 */
export function badgeRectInside(area: Rect, text: string, obstacles: readonly Rect[] = [], fontSize = BADGE_FONT_SIZE): Rect {
  const { width, height } = badgeSize(text, fontSize);
  const y = area.y + area.height - BADGE_GAP - height;
  const candidates: Rect[] = [
    { x: area.x + area.width - BADGE_GAP - width, y, width, height },
    { x: area.x + BADGE_GAP, y, width, height },
  ];
  return candidates.find((c) => !obstacles.some((o) => overlaps(c, o))) ?? badgeRect(area, text, obstacles, fontSize);
}

export function planBadge(targetId: string, target: Rect, row: { votes: number; rank: number; tied: boolean }, obstacles: readonly Rect[] = [], area = false): BadgeSpec {
  const text = badgeText(row.votes, row.rank, row.tied);
  return {
    targetId,
    text,
    content: textToHtml(text),
    rect: area ? badgeRectInside(target, text, obstacles) : badgeRect(target, text, obstacles),
    fill: BADGE_FILL,
    textColour: BADGE_TEXT_COLOUR,
    fontSize: BADGE_FONT_SIZE,
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours (1..21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
