/**
 * Where a sticky counts, for vote rounds and clusters: the zones of a template a round may
 * target (labelled for the panel), which templates are private (the plate: its notes are
 * never voted on, grouped or tallied), and whether a note sits in a frame. Pure data: the
 * board layer supplies rects and parent ids.
 */
import { centreIn, type Rect } from '../geometry.js';
import type { Lang } from '../lang.js';
import { plainText } from './markup.js';
import { TEMPLATE_INDEX } from './template-index.js';
import type { Template, TemplateElement, ZoneElement } from './types.js';

const PRIVATE = new Set<string>(TEMPLATE_INDEX.filter((t) => t.private).map((t) => t.id));

/** A personal template (the plate): nothing written on it becomes a vote target or a cluster. */
export function isPrivateTemplate(id: string): boolean {
  return PRIVATE.has(id);
}

export interface ZoneChoice {
  /** The zone's element id (stable across versions; the marker's `e`). */
  id: string;
  label: string;
}

/**
 * The deck's own items on a template, as element ids: what a round "over the deck's items"
 * votes on, so nobody copies them onto stickies first. The rule: every seed card (the deck's
 * text on a sticky: the behaviours of the safe and unsafe team, the warning signs, the
 * self-talk), and every zone whose `source` is one entry of an item list in the deck's content
 * (`….items.<key>`: the eight areas of »Det vi ikke taler nok om«, the strains and protections
 * of the building site). A zone labelled with a question or prompt (`preparedness.questions.0`,
 * `opening.checkin_question`) or with no source ("Other", "Our examples") is a place to write
 * in, not an item; text and tile shapes are read, not voted on.
 */
export function deckItemIds(template: Template): ReadonlySet<string> {
  if (template.private === true) return new Set();
  return new Set(template.elements.filter((e) => e.kind === 'card' || (e.kind === 'zone' && DECK_ITEM_SOURCE.test(e.source ?? ''))).map((e) => e.id));
}
const DECK_ITEM_SOURCE = /\.items\.[^.]+$/;

/** Headings longer than this are cut (with …) so an option stays one line. */
const HEADING_MAX = 48;

/**
 * The zones of `template` a round may target, in template order, labelled in `lang`; none
 * for a private template. Zones that share a label (the sixteen "Our examples", the rows of
 * "Hvad står vi overfor?") are named after what heads them: the nearest card or text to their
 * left whose top lies within the zone's height ("Kritik › Hvad står vi overfor?"), else the
 * nearest one right above them ("Constructive disagreement › Our examples").
 */
export function voteableZones(template: Template, lang: Lang): ZoneChoice[] {
  if (template.private === true) return [];
  const zones = template.elements.filter((e): e is ZoneElement => e.kind === 'zone' && e.voteable !== false);
  const count = new Map<string, number>();
  for (const z of zones) count.set(z.label[lang], (count.get(z.label[lang]) ?? 0) + 1);
  return zones.map((z) => {
    const label = z.label[lang];
    if (count.get(label) === 1) return { id: z.id, label };
    const heading = rowHeading(template.elements, z, lang);
    return { id: z.id, label: heading ? `${heading} › ${label}` : `${label} (${z.id})` };
  });
}

function rowHeading(elements: readonly TemplateElement[], zone: ZoneElement, lang: Lang): string | null {
  let left: { right: number; text: string } | null = null;
  let above: { y: number; text: string } | null = null;
  for (const e of elements) {
    if (e.kind === 'zone' || !('text' in e) || !e.text) continue;
    const right = e.x + e.width;
    const centre = e.x + e.width / 2;
    if (right <= zone.x && e.y >= zone.y - 40 && e.y < zone.y + zone.height) {
      if (!left || right > left.right) left = { right, text: e.text[lang] };
    } else if (centre > zone.x && centre < zone.x + zone.width && e.y < zone.y) {
      if (!above || e.y > above.y) above = { y: e.y, text: e.text[lang] };
    }
  }
  const best = left ?? above;
  if (!best) return null;
  const line = plainText(best.text).split('\n')[0]!.trim();
  return line.length > HEADING_MAX ? `${line.slice(0, HEADING_MAX - 1).trimEnd()}…` : line;
}

/** Where a note is on the board: absolute rect, and the frame it is a child of. */
export interface PlacedNote {
  rect: Rect;
  parentId: string | null;
}

/** Whether the note sits in the frame: a child of it, or its centre inside it (a sticky laid
 *  over a frame without being attached still reads as written on it). */
export function sitsIn(note: PlacedNote, frame: { id: string; rect: Rect }): boolean {
  return note.parentId === frame.id || centreIn(frame.rect, note.rect);
}
