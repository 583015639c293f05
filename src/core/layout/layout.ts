/**
 * The pure layout step: a validated template, a language and an anchor (the frame's
 * top-left on the board) in; the board items to create out, with absolute top-left rects,
 * in creation order (frame first, then back to front). No Miro, no DOM.
 */
import type { Point, Rect } from '../geometry.js';
import type { Lang } from '../lang.js';
import { STICKY_ASPECT } from '../miro-rules.js';
import { textToHtml } from '../template/markup.js';
import type { Template, TemplateElement } from '../template/types.js';
import { estimateTextHeight, shapeTextFits, ZONE_LABEL_FONT_SIZE } from './text-metrics.js';
import type { Layout, PlannedItem, PlannedZone } from './types.js';

/** Calm defaults for what a template leaves open. */
export const DEFAULT_TEXT_COLOUR = '#1f2933';
export const DEFAULT_SHAPE_FONT_SIZE = 20;

export class LayoutError extends Error {
  constructor(
    readonly templateId: string,
    readonly elementId: string,
    message: string,
  ) {
    super(`${templateId}: ${elementId}: ${message}`);
    this.name = 'LayoutError';
  }
}

function planElement(template: Template, e: TemplateElement, lang: Lang, at: Point): PlannedItem {
  const base = { elementId: e.id, x: at.x + e.x, y: at.y + e.y };
  const rect = (height: number): Rect => ({ x: base.x, y: base.y, width: e.width, height });
  switch (e.kind) {
    case 'zone':
      return {
        kind: 'shape',
        elementId: e.id,
        rect: rect(e.height),
        shape: 'rectangle',
        content: textToHtml(e.label[lang]),
        fill: e.fill,
        textColour: DEFAULT_TEXT_COLOUR,
        fontSize: e.labelFontSize ?? ZONE_LABEL_FONT_SIZE,
        ...(e.border === undefined ? {} : { border: e.border }),
        zone: true,
        verticalAlign: 'top',
      };
    case 'card':
      return {
        kind: 'sticky',
        elementId: e.id,
        rect: rect(e.width * STICKY_ASPECT[e.shape]),
        content: textToHtml(e.text[lang]),
        colour: e.colour,
        shape: e.shape,
      };
    case 'text':
      return {
        kind: 'text',
        elementId: e.id,
        rect: rect(estimateTextHeight(e.text[lang], e.fontSize, e.width)),
        content: textToHtml(e.text[lang]),
        fontSize: e.fontSize,
        colour: e.colour ?? DEFAULT_TEXT_COLOUR,
        align: e.align ?? 'left',
      };
    case 'shape': {
      const fontSize = e.fontSize ?? DEFAULT_SHAPE_FONT_SIZE;
      const text = e.text?.[lang] ?? '';
      if (text !== '' && !shapeTextFits(text, fontSize, e.shape, e.width, e.height)) {
        throw new LayoutError(template.id, e.id, `the ${lang} text does not fit a ${e.width}×${e.height} ${e.shape} at ${fontSize}`);
      }
      return {
        kind: 'shape',
        elementId: e.id,
        rect: rect(e.height),
        shape: e.shape,
        content: text === '' ? '' : textToHtml(text),
        fill: e.fill,
        textColour: e.textColour ?? DEFAULT_TEXT_COLOUR,
        fontSize,
        ...(e.border === undefined ? {} : { border: e.border }),
        verticalAlign: 'middle',
      };
    }
  }
}

export function layoutTemplate(template: Template, lang: Lang, anchor: Point): Layout {
  const frame: Rect = { x: anchor.x, y: anchor.y, width: template.frame.width, height: template.frame.height };
  const items: PlannedItem[] = [
    { kind: 'frame', elementId: 'frame', rect: frame, title: template.title[lang], fill: template.frame.fill },
  ];
  const zones: PlannedZone[] = [];
  for (const e of template.elements) {
    const item = planElement(template, e, lang, anchor);
    items.push(item);
    if (e.kind === 'zone') {
      zones.push({ elementId: e.id, rect: item.rect, label: e.label[lang], voteable: !template.private && (e.voteable ?? true) });
    }
  }
  return { templateId: template.id, lang, frame, items, zones };
}
