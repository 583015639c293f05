/**
 * A deliberately simple text measure: Miro sizes text on the board, we only need a safe
 * estimate to lay templates out without overlaps. Average glyph ≈ 0.55 em, line 1.4 em,
 * greedy word wrap per paragraph (a line may also break after a hyphen inside a word, as
 * browsers and Miro do; a word longer than a line is broken).
 */
import { plainText } from '../template/markup.js';

export const GLYPH_WIDTH_EM = 0.55;
export const LINE_HEIGHT_EM = 1.4;
/** Inner padding Miro leaves around a shape's text, each side (board units). */
export const SHAPE_TEXT_PADDING = 16;
/** Zones show their label at the top in this size. */
export const ZONE_LABEL_FONT_SIZE = 20;

/** The pieces a line can break between: words, and the parts of a word after each hyphen ("Mikro-", "aggressioner"). */
export function breakPieces(paragraph: string): Array<{ piece: string; joined: boolean }> {
  return paragraph
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => w.split(/(?<=\p{L}-)(?=\p{L})/u).map((piece, i) => ({ piece, joined: i > 0 })));
}

/** The longest piece that cannot be broken (a word, or a compound's part up to its hyphen). */
export function longestUnbreakable(text: string): number {
  return Math.max(0, ...plainText(text).split('\n').flatMap((p) => breakPieces(p).map((b) => b.piece.length)));
}

export function countLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (GLYPH_WIDTH_EM * fontSize)));
  let lines = 0;
  for (const paragraph of plainText(text).split('\n')) {
    let used = 0;
    let paragraphLines = 1;
    for (const { piece: word, joined } of breakPieces(paragraph)) {
      const need = used === 0 ? word.length : used + (joined ? 0 : 1) + word.length;
      if (need <= perLine) {
        used = need;
        continue;
      }
      if (used > 0) paragraphLines++;
      // A word longer than a line wraps onto as many lines as it needs.
      paragraphLines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
    lines += paragraphLines;
  }
  return lines;
}

export function estimateTextHeight(text: string, fontSize: number, width: number): number {
  return countLines(text, fontSize, width) * LINE_HEIGHT_EM * fontSize;
}

/** Width and height available for text inside a shape (a circle keeps its inscribed square). */
export function shapeTextBox(shape: string, width: number, height: number): { width: number; height: number } {
  const scale = shape === 'circle' || shape === 'rhombus' ? Math.SQRT1_2 : 1;
  return {
    width: Math.max(1, width * scale - 2 * SHAPE_TEXT_PADDING),
    height: Math.max(1, height * scale - 2 * SHAPE_TEXT_PADDING),
  };
}

export function shapeTextFits(text: string, fontSize: number, shape: string, width: number, height: number): boolean {
  const box = shapeTextBox(shape, width, height);
  return estimateTextHeight(text, fontSize, box.width) <= box.height;
}

/** Height at the top of a zone taken by its label; cards and stickies go below it. */
export function zoneLabelHeight(label: string, zoneWidth: number, fontSize = ZONE_LABEL_FONT_SIZE): number {
  const box = zoneWidth - 2 * SHAPE_TEXT_PADDING;
  return SHAPE_TEXT_PADDING + estimateTextHeight(label, fontSize, box);
}

/** The largest size our estimate gives a sticky's text (Miro's auto-size grows short texts no further on our stickies). */
export const STICKY_MAX_FONT = 48;
/** A single long word is measured wider than running text (its letters cannot borrow from spaces). */
export const WORD_GLYPH_EM = 0.62;
/** Miro keeps about 8 % of a sticky's size free on each side. */
const STICKY_INNER = 0.84;

/**
 * The size Miro's auto-size gives a sticky's text, estimated: it shrinks the text until it
 * fits by area (0.55 em glyphs, 1.4 em lines, 15 % for ragged lines) and until the longest
 * piece it cannot break fits a line. A compound that breaks at a hyphen fits larger.
 */
export function stickyFontSize(text: string, width: number, height: number): number {
  const plain = plainText(text);
  const chars = plain.length;
  const w = width * STICKY_INNER;
  const h = height * STICKY_INNER;
  if (chars === 0) return 24;
  const byArea = Math.sqrt((w * h) / (chars * GLYPH_WIDTH_EM * LINE_HEIGHT_EM * 1.15));
  const byWord = w / (Math.max(1, longestUnbreakable(plain)) * WORD_GLYPH_EM);
  return Math.max(4, Math.min(Math.floor(byArea), Math.floor(byWord), STICKY_MAX_FONT, Math.floor(h / LINE_HEIGHT_EM)));
}
