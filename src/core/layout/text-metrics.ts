/**
 * A deliberately simple text measure: Miro sizes text on the board, we only need a safe
 * estimate to lay templates out without overlaps. Average glyph ≈ 0.55 em, line 1.4 em,
 * greedy word wrap per paragraph (a word longer than a line is broken).
 */
import { plainText } from '../template/markup.js';

export const GLYPH_WIDTH_EM = 0.55;
export const LINE_HEIGHT_EM = 1.4;
/** Inner padding Miro leaves around a shape's text, each side (board units). */
export const SHAPE_TEXT_PADDING = 16;
/** Zones show their label at the top in this size. */
export const ZONE_LABEL_FONT_SIZE = 20;

export function countLines(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (GLYPH_WIDTH_EM * fontSize)));
  let lines = 0;
  for (const paragraph of plainText(text).split('\n')) {
    let used = 0;
    let paragraphLines = 1;
    for (const word of paragraph.split(/\s+/).filter((w) => w.length > 0)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
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
