import { describe, expect, it } from 'vitest';
import { contains, overlaps, type Rect } from '../../../src/core/geometry.js';
import { LANGS } from '../../../src/core/lang.js';
import { layoutTemplate, LayoutError } from '../../../src/core/layout/layout.js';
import { SHAPE_TEXT_PADDING, zoneLabelHeight } from '../../../src/core/layout/text-metrics.js';
import type { PlannedItem } from '../../../src/core/layout/types.js';
import {
  ALLOWED_CONTENT_TAGS, HEX_COLOUR, isStickyColour, MAX_CONTENT_CHARS, MAX_ITEM_SIZE, MIN_FRAME_SIZE, MIN_ITEM_SIZE, STICKY_ASPECT,
} from '../../../src/core/miro-rules.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';
import { parseTemplate } from '../../../src/core/template/schema.js';

const ANCHOR = { x: -1234, y: 5678 };
const cases = TEMPLATES.flatMap((t) => LANGS.map((lang) => ({ t, lang, layout: layoutTemplate(t, lang, ANCHOR) })));

/** Plain text of a content string (our own tags removed). */
const textOf = (html: string): string => html.replace(/<\/p><p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The least height any font needs for `text`, independent of the layout's own estimate: every
 * paragraph at a narrow 0.45 em a glyph, lines 1.2 em apart; its longest word must fit the width.
 */
function minTextHeight(text: string, fontSize: number, width: number): number {
  const longest = Math.max(...text.split(/\s+/).map((w) => w.length));
  expect(longest * 0.45 * fontSize, `the longest word of "${text.slice(0, 30)}…"`).toBeLessThanOrEqual(width);
  const lines = text.split('\n').reduce((n, p) => n + Math.max(1, Math.ceil((p.length * 0.45 * fontSize) / width)), 0);
  return lines * 1.2 * fontSize;
}

/** A zone, or a shape without text: something others may sit on. */
const isBackground = (item: PlannedItem): boolean => item.kind === 'shape' && (item.zone === true || item.content === '');

describe.each(cases)('layout of $t.id ($lang)', ({ t, lang, layout }) => {
  const children = layout.items.slice(1);

  it('creates the frame first, at the anchor, at the template size', () => {
    expect(layout.items[0]).toMatchObject({ kind: 'frame', elementId: 'frame', title: t.title[lang] });
    expect(layout.frame).toEqual({ ...ANCHOR, width: t.frame.width, height: t.frame.height });
    expect(layout.items.filter((i) => i.kind === 'frame')).toHaveLength(1);
  });

  it('plans one item per element, with its stable element id', () => {
    expect(children.map((i) => i.elementId)).toEqual(t.elements.map((e) => e.id));
    expect(new Set(children.map((i) => i.elementId)).size).toBe(children.length);
    const other = layoutTemplate(t, lang === 'da' ? 'en' : 'da', ANCHOR);
    expect(other.items.map((i) => i.elementId)).toEqual(layout.items.map((i) => i.elementId));
  });

  it('keeps every child inside its frame', () => {
    for (const item of children) expect(contains(layout.frame, item.rect), item.elementId).toBe(true);
  });

  it('overlaps only where a zone or background shape holds an item drawn after it', () => {
    for (let i = 0; i < children.length; i++) {
      for (let j = i + 1; j < children.length; j++) {
        const a = children[i]!;
        const b = children[j]!;
        if (!overlaps(a.rect, b.rect)) continue;
        const ok = isBackground(a) && contains(a.rect, b.rect);
        expect(ok, `${a.elementId} overlaps ${b.elementId}`).toBe(true);
      }
    }
  });

  it('puts every card, shape and text in exactly the zones it belongs to (none, or its own), below the label', () => {
    const byId = new Map(children.map((i) => [i.elementId, i]));
    const zoneIds = layout.zones.map((z) => z.elementId);
    let checked = 0;
    for (const e of t.elements) {
      if ((e.kind !== 'card' && e.kind !== 'shape' && e.kind !== 'text') || zoneIds.includes(e.id)) continue;
      const item = byId.get(e.id)!;
      const holding = zoneIds.filter((z) => contains(byId.get(z)!.rect, item.rect));
      const own = 'zone' in e ? e.zone : undefined;
      expect(holding, e.id).toEqual(own === undefined ? [] : [own]);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // Nothing sits on a zone's label.
    for (const zone of layout.zones) {
      const band: Rect = { ...zone.rect, height: zoneLabelHeight(zone.label, zone.rect.width, (byId.get(zone.elementId) as { fontSize: number }).fontSize) };
      for (const item of children) {
        if (item.elementId !== zone.elementId && contains(zone.rect, item.rect)) {
          expect(overlaps(band, item.rect), `${item.elementId} covers the label of ${zone.elementId}`).toBe(false);
        }
      }
    }
  });

  it('gives text room by the estimate: text boxes, shape text, zone labels', () => {
    for (const item of children) {
      const text = textOf(item.kind === 'frame' ? '' : item.content);
      if (item.kind === 'text') {
        expect(item.rect.height, item.elementId).toBeGreaterThanOrEqual(minTextHeight(text, item.fontSize, item.rect.width));
      } else if (item.kind === 'shape' && item.zone === true) {
        expect(zoneLabelHeight(text, item.rect.width, item.fontSize)).toBeLessThan(item.rect.height / 2);
      } else if (item.kind === 'shape' && text !== '') {
        expect(item.rect.height - 2 * SHAPE_TEXT_PADDING, item.elementId).toBeGreaterThanOrEqual(minTextHeight(text, item.fontSize, item.rect.width - 2 * SHAPE_TEXT_PADDING));
      }
    }
  });

  it('plans only what Miro accepts', () => {
    expect(layout.frame.width).toBeGreaterThanOrEqual(MIN_FRAME_SIZE);
    expect(layout.frame.height).toBeGreaterThanOrEqual(MIN_FRAME_SIZE);
    for (const item of layout.items) {
      for (const size of [item.rect.width, item.rect.height]) {
        expect(size, item.elementId).toBeGreaterThanOrEqual(MIN_ITEM_SIZE);
        expect(size, item.elementId).toBeLessThanOrEqual(MAX_ITEM_SIZE);
      }
      if (item.kind === 'frame') {
        expect(item.fill).toMatch(HEX_COLOUR);
        continue;
      }
      expect(item.content.length).toBeLessThanOrEqual(MAX_CONTENT_CHARS);
      for (const [, name] of item.content.matchAll(/<\/?([a-z]+)[^>]*>/g)) {
        expect(ALLOWED_CONTENT_TAGS).toContain(name);
      }
      if (item.kind === 'sticky') {
        expect(isStickyColour(item.colour)).toBe(true);
        expect(item.rect.height).toBeCloseTo(item.rect.width * STICKY_ASPECT[item.shape], 9);
        expect(item.content).not.toBe('');
      } else if (item.kind === 'shape') {
        expect(item.fill).toMatch(HEX_COLOUR);
        expect(item.textColour).toMatch(HEX_COLOUR);
        if (item.border !== undefined) expect(item.border).toMatch(HEX_COLOUR);
      } else {
        expect(item.colour).toMatch(HEX_COLOUR);
        expect(item.fontSize).toBeGreaterThanOrEqual(14);
      }
    }
  });

  it('lists its zones with labels in the language, voteable unless private', () => {
    const zoneItems = children.filter((i) => i.kind === 'shape' && i.zone === true);
    expect(layout.zones.map((z) => z.elementId)).toEqual(zoneItems.map((i) => i.elementId));
    for (const z of layout.zones) {
      const e = t.elements.find((el) => el.id === z.elementId);
      expect(e?.kind === 'zone' && z.label === e.label[lang]).toBe(true);
      if (t.private) expect(z.voteable).toBe(false);
    }
    expect(layout.zones.length).toBeGreaterThan(0);
  });

  it('is a pure translation of the anchor', () => {
    const atOrigin = layoutTemplate(t, lang, { x: 0, y: 0 });
    atOrigin.items.forEach((item, i) => {
      const moved = layout.items[i]!;
      expect({ ...moved, rect: { ...moved.rect, x: moved.rect.x - ANCHOR.x, y: moved.rect.y - ANCHOR.y } }).toEqual(item);
    });
  });
});

describe('layoutTemplate', () => {
  const base = {
    id: 'practice', order: 10, title: { da: 'T', en: 'T' }, summary: { da: 'S', en: 'S' },
    frame: { width: 1000, height: 1000, fill: '#ffffff' },
  };

  it('escapes &, < and > and keeps allowed tags', () => {
    const t = parseTemplate({
      ...base,
      elements: [{ kind: 'text', id: 'a', x: 0, y: 0, width: 900, fontSize: 20, text: { da: 'A & B < C > D\n<strong>fed</strong>', en: 'x' } }],
    }, 'inline');
    const item = layoutTemplate(t, 'da', { x: 0, y: 0 }).items[1]!;
    expect(item.kind === 'text' && item.content).toBe('<p>A &amp; B &lt; C &gt; D</p><p><strong>fed</strong></p>');
  });

  it('refuses a shape whose text does not fit', () => {
    const t = parseTemplate({
      ...base,
      elements: [{ kind: 'shape', id: 'tight', x: 0, y: 0, width: 120, height: 80, shape: 'rectangle', fill: '#ffffff', fontSize: 24, text: { da: 'Alt for meget tekst til en lille kasse', en: 'ok' } }],
    }, 'inline');
    expect(() => layoutTemplate(t, 'da', { x: 0, y: 0 })).toThrow(LayoutError);
    expect(() => layoutTemplate(t, 'da', { x: 0, y: 0 })).toThrow(/practice: tight: the da text does not fit/);
    expect(() => layoutTemplate(t, 'en', { x: 0, y: 0 })).not.toThrow();
  });
});
