/**
 * A board template as data (templates/*.json). Positions and sizes are in board units,
 * relative to the template frame's top-left corner; every element has an id that is
 * stable across versions so later features (clustering, voting) can find it on the board.
 *
 * The schema check (schema.ts) turns untrusted JSON into this type or fails with the
 * file and the JSON path of the fault.
 */
import type { Bilingual } from '../lang.js';
import type { StickyColour, StickyShape } from '../miro-rules.js';

export type TemplateId =
  | 'opening'
  | 'strain-protection'
  | 'preparedness'
  | 'warning-signs'
  | 'plate'
  | 'special-about-the-job'
  | 'emotions'
  | 'safe-unsafe-team'
  | 'not-talked-about'
  | 'p-iglo'
  | 'practice'
  | 'takeaways';

export interface Template {
  id: TemplateId;
  /** Position in the workshop (1 = first). */
  order: number;
  title: Bilingual;
  /** One line for the panel's list. */
  summary: Bilingual;
  /** Personal reflection: its stickies are never tallied or voted on (the plate). */
  private?: boolean;
  frame: { width: number; height: number; fill: string };
  elements: TemplateElement[];
}

interface ElementBase {
  /** Unique within the template, stable: [a-z0-9-]+ */
  id: string;
  x: number;
  y: number;
  width: number;
}

/** A labelled area where participants put their stickies. Drawn as a shape. */
export interface ZoneElement extends ElementBase {
  kind: 'zone';
  height: number;
  label: Bilingual;
  fill: string;
  border?: string;
  /** Stickies in this zone can be voted on. Default true. */
  voteable?: boolean;
  /** Label size (default ZONE_LABEL_FONT_SIZE): a zone labelled with a question may say it louder. */
  labelFontSize?: number;
  /** Where the label comes from in seed/content.json, when it is the deck's text. */
  source?: string;
}

/** A seed card: a sticky note with the deck's text. */
export interface CardElement extends ElementBase {
  kind: 'card';
  text: Bilingual;
  colour: StickyColour;
  shape: StickyShape;
  /** The zone this card belongs to, if any (an element id of kind zone). */
  zone?: string;
  /** Where the text comes from in seed/content.json, e.g. "safety_culture.safe_team.items.s1". */
  source?: string;
}

/** Free text: titles, prompts, quotes. Height is automatic on the board; the layout estimates it. */
export interface TextElement extends ElementBase {
  kind: 'text';
  text: Bilingual;
  fontSize: number;
  colour?: string;
  align?: 'left' | 'center' | 'right';
  source?: string;
}

/** A shape with optional text: definition cards, banners, layer bands. */
export interface ShapeElement extends ElementBase {
  kind: 'shape';
  height: number;
  shape: 'rectangle' | 'round_rectangle' | 'circle' | 'triangle' | 'rhombus' | 'parallelogram' | 'right_arrow' | 'left_right_arrow';
  fill: string;
  text?: Bilingual;
  textColour?: string;
  fontSize?: number;
  border?: string;
  zone?: string;
  source?: string;
}

export type TemplateElement = ZoneElement | CardElement | TextElement | ShapeElement;
