/**
 * What the layout step produces: the board items to create, with absolute positions
 * (top-left corner, board units) and sizes Miro accepts, in creation order (frame first).
 * The Board port turns these into SDK calls; the panel draws its previews from them.
 */
import type { Rect } from '../geometry.js';
import type { Lang } from '../lang.js';
import type { StickyColour, StickyShape } from '../miro-rules.js';
import type { TemplateId } from '../template/types.js';

interface PlannedBase {
  /** The template element id ("frame" for the frame itself). */
  elementId: string;
  rect: Rect;
}

export interface PlannedFrame extends PlannedBase {
  kind: 'frame';
  title: string;
  fill: string;
}

export interface PlannedSticky extends PlannedBase {
  kind: 'sticky';
  /** HTML limited to the tags Miro keeps. */
  content: string;
  colour: StickyColour;
  shape: StickyShape;
}

export interface PlannedShape extends PlannedBase {
  kind: 'shape';
  shape: string;
  content: string;
  fill: string;
  textColour: string;
  fontSize: number;
  border?: string;
  /** Zones are drawn as shapes; this marks them. */
  zone?: boolean;
  /** Where the text sits (Miro's textAlignVertical); zones put their label at the top. */
  verticalAlign?: 'top' | 'middle' | 'bottom';
}

export interface PlannedText extends PlannedBase {
  kind: 'text';
  content: string;
  fontSize: number;
  colour: string;
  align: 'left' | 'center' | 'right';
}

export type PlannedItem = PlannedFrame | PlannedSticky | PlannedShape | PlannedText;

export interface PlannedZone {
  elementId: string;
  rect: Rect;
  label: string;
  voteable: boolean;
}

export interface Layout {
  templateId: TemplateId;
  lang: Lang;
  frame: Rect;
  /** Frame first, then the children in drawing order (back to front). */
  items: PlannedItem[];
  zones: PlannedZone[];
}
