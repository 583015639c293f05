/**
 * The template schema check, written by hand: untrusted JSON in, a Template out, or a
 * TemplateError that names the file and the JSON path of every fault. Everything Miro
 * would refuse (colours, sizes, content) is refused here, before anything is inserted.
 */
import { contains, type Rect } from '../geometry.js';
import {
  ALLOWED_CONTENT_TAGS,
  HEX_COLOUR,
  MAX_CONTENT_CHARS,
  MAX_ITEM_SIZE,
  MIN_FRAME_SIZE,
  MIN_ITEM_SIZE,
  STICKY_ASPECT,
  STICKY_SHAPES,
  isStickyColour,
} from '../miro-rules.js';
import { LANGS } from '../lang.js';
import { estimateTextHeight } from '../layout/text-metrics.js';
import { findForbiddenTag } from './markup.js';
import { deepFreeze, TEMPLATE_IDS } from './ids.js';
import type { Template, TemplateId } from './types.js';

export { TEMPLATE_IDS };
export const ELEMENT_KINDS = ['zone', 'card', 'text', 'shape'] as const;
export const SHAPE_KINDS = [
  'rectangle', 'round_rectangle', 'circle', 'triangle', 'rhombus', 'parallelogram', 'right_arrow', 'left_right_arrow',
] as const;
/** Readable on a board at normal zoom; a title may be large enough to read a whole frame. */
export const MIN_FONT_SIZE = 14;
export const MAX_FONT_SIZE = 96;
const ELEMENT_ID = /^[a-z0-9-]+$/;
const SOURCE_PATH = /^[a-z0-9_]+(\.[A-Za-z0-9_]+)*$/;

export interface TemplateIssue {
  path: string;
  problem: string;
}

export class TemplateError extends Error {
  constructor(
    readonly file: string,
    readonly issues: TemplateIssue[],
  ) {
    super(issues.map((i) => `${file}: ${i.path}: ${i.problem}`).join('\n'));
    this.name = 'TemplateError';
  }
}

type Json = Record<string, unknown>;

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Common keys of every element, then per kind: [required, optional]. */
const BASE_KEYS = ['id', 'kind', 'x', 'y', 'width'];
const KIND_KEYS: Record<(typeof ELEMENT_KINDS)[number], [string[], string[]]> = {
  zone: [['height', 'label', 'fill'], ['border', 'voteable', 'labelFontSize', 'source']],
  card: [['text', 'colour', 'shape'], ['zone', 'source']],
  text: [['text', 'fontSize'], ['colour', 'align', 'source']],
  shape: [['height', 'shape', 'fill'], ['text', 'textColour', 'fontSize', 'border', 'zone', 'source']],
};

class Checker {
  readonly issues: TemplateIssue[] = [];

  /** A missing required key is reported once, by keys(); undefined values are not re-reported. */
  fail(path: string, problem: string): void {
    if (!this.issues.some((i) => i.path === path)) this.issues.push({ path, problem });
  }

  /** Required and optional keys; anything else is a fault. Returns false if not an object. */
  keys(v: unknown, path: string, required: string[], optional: string[] = []): v is Json {
    if (!isObject(v)) {
      this.fail(path, `expected an object, got ${show(v)}`);
      return false;
    }
    for (const k of required) if (!(k in v) || v[k] === undefined) this.fail(`${path}.${k}`, 'is missing');
    for (const k of Object.keys(v)) {
      if (!required.includes(k) && !optional.includes(k)) this.fail(`${path}.${k}`, 'unknown key');
    }
    return true;
  }

  number(v: unknown, path: string, min: number, max: number, what = 'a number'): v is number {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, `expected ${what}, got ${show(v)}`);
      return false;
    }
    if (v < min || v > max) {
      this.fail(path, `${v} is outside ${min}–${max}`);
      return false;
    }
    return true;
  }

  size(v: unknown, path: string, min = MIN_ITEM_SIZE): v is number {
    return this.number(v, path, min, MAX_ITEM_SIZE, 'a size in board units');
  }

  string(v: unknown, path: string): v is string {
    if (typeof v !== 'string') {
      this.fail(path, `expected a string, got ${show(v)}`);
      return false;
    }
    return true;
  }

  hex(v: unknown, path: string): void {
    if (this.string(v, path) && !HEX_COLOUR.test(v)) this.fail(path, `${show(v)} is not a hex colour like "#1f2933"`);
  }

  oneOf(v: unknown, path: string, allowed: readonly string[], what: string): void {
    if (!allowed.includes(v as string)) this.fail(path, `${show(v)} is not ${what} (${allowed.join(', ')})`);
  }

  /** User-facing text: non-empty in both languages, within Miro's content limits. */
  bilingual(v: unknown, path: string): void {
    if (!this.keys(v, path, [...LANGS])) return;
    for (const lang of LANGS) {
      const p = `${path}.${lang}`;
      const s = v[lang];
      if (!this.string(s, p)) continue;
      if (s.trim() === '') this.fail(p, 'is empty');
      else if (s.length > MAX_CONTENT_CHARS) this.fail(p, `is ${s.length} characters; Miro takes at most ${MAX_CONTENT_CHARS}`);
      const tag = findForbiddenTag(s);
      if (tag !== null) this.fail(p, `tag ${tag} is not allowed (only ${ALLOWED_CONTENT_TAGS.join(', ')}, without attributes)`);
    }
  }
}

function textOf(v: unknown): string[] {
  return isObject(v) ? LANGS.map((l) => v[l]).filter((s): s is string => typeof s === 'string') : [];
}

/** The element's rect if its geometry checked out (text height is the larger estimate). */
function elementRect(e: Json): Rect | null {
  const { x, y, width } = e;
  if (typeof x !== 'number' || typeof y !== 'number' || typeof width !== 'number') return null;
  let height: number;
  if (e.kind === 'card') {
    const aspect = STICKY_ASPECT[e.shape as keyof typeof STICKY_ASPECT];
    if (aspect === undefined) return null;
    height = width * aspect;
  } else if (e.kind === 'text') {
    if (typeof e.fontSize !== 'number') return null;
    const fontSize = e.fontSize;
    height = Math.max(0, ...textOf(e.text).map((t) => estimateTextHeight(t, fontSize, width)));
  } else {
    if (typeof e.height !== 'number') return null;
    height = e.height;
  }
  return { x, y, width, height };
}

function checkElement(c: Checker, e: unknown, path: string): void {
  if (!isObject(e)) {
    c.fail(path, `expected an object, got ${show(e)}`);
    return;
  }
  const kind = e.kind as (typeof ELEMENT_KINDS)[number];
  if (!ELEMENT_KINDS.includes(kind)) {
    c.fail(`${path}.kind`, `${show(e.kind)} is not a known kind (${ELEMENT_KINDS.join(', ')})`);
    return;
  }
  const [required, optional] = KIND_KEYS[kind];
  c.keys(e, path, [...BASE_KEYS, ...required], optional);
  if (c.string(e.id, `${path}.id`) && !ELEMENT_ID.test(e.id)) c.fail(`${path}.id`, `${show(e.id)} must match [a-z0-9-]+`);
  c.number(e.x, `${path}.x`, -MAX_ITEM_SIZE, MAX_ITEM_SIZE);
  c.number(e.y, `${path}.y`, -MAX_ITEM_SIZE, MAX_ITEM_SIZE);
  c.size(e.width, `${path}.width`);
  if ('height' in e) c.size(e.height, `${path}.height`);
  if ('source' in e && c.string(e.source, `${path}.source`) && !SOURCE_PATH.test(e.source)) {
    c.fail(`${path}.source`, `${show(e.source)} is not a dotted path into seed/content.json`);
  }
  if ('zone' in e) c.string(e.zone, `${path}.zone`);
  if ('fill' in e) c.hex(e.fill, `${path}.fill`);
  if ('border' in e) c.hex(e.border, `${path}.border`);
  switch (kind) {
    case 'zone':
      c.bilingual(e.label, `${path}.label`);
      if ('labelFontSize' in e) c.number(e.labelFontSize, `${path}.labelFontSize`, MIN_FONT_SIZE, MAX_FONT_SIZE, 'a font size');
      if ('voteable' in e && typeof e.voteable !== 'boolean') c.fail(`${path}.voteable`, `expected true or false, got ${show(e.voteable)}`);
      break;
    case 'card':
      c.bilingual(e.text, `${path}.text`);
      if (!isStickyColour(e.colour)) c.fail(`${path}.colour`, `${show(e.colour)} is not one of Miro's 16 sticky colours`);
      c.oneOf(e.shape, `${path}.shape`, STICKY_SHAPES, 'a sticky shape');
      if (typeof e.width === 'number' && typeof e.shape === 'string') {
        const aspect = STICKY_ASPECT[e.shape as keyof typeof STICKY_ASPECT];
        if (aspect !== undefined) c.size(e.width * aspect, `${path}.width`); // the height Miro derives
      }
      break;
    case 'text':
      c.bilingual(e.text, `${path}.text`);
      c.number(e.fontSize, `${path}.fontSize`, MIN_FONT_SIZE, MAX_FONT_SIZE, 'a font size');
      if ('colour' in e) c.hex(e.colour, `${path}.colour`);
      if ('align' in e) c.oneOf(e.align, `${path}.align`, ['left', 'center', 'right'], 'an alignment');
      break;
    case 'shape':
      c.oneOf(e.shape, `${path}.shape`, SHAPE_KINDS, 'a shape Miro draws');
      if ('text' in e) c.bilingual(e.text, `${path}.text`);
      if ('textColour' in e) c.hex(e.textColour, `${path}.textColour`);
      if ('fontSize' in e) c.number(e.fontSize, `${path}.fontSize`, MIN_FONT_SIZE, MAX_FONT_SIZE, 'a font size');
      break;
  }
}

function checkTemplate(c: Checker, json: unknown): void {
  if (!c.keys(json, '$', ['id', 'order', 'title', 'summary', 'frame', 'elements'], ['private'])) return;
  c.oneOf(json.id, '$.id', TEMPLATE_IDS, 'a template id');
  if (c.number(json.order, '$.order', 1, 1000, 'a position') && !Number.isInteger(json.order)) c.fail('$.order', 'must be a whole number');
  c.bilingual(json.title, '$.title');
  c.bilingual(json.summary, '$.summary');
  if ('private' in json && typeof json.private !== 'boolean') c.fail('$.private', `expected true or false, got ${show(json.private)}`);

  let frame: Rect | null = null;
  if (c.keys(json.frame, '$.frame', ['width', 'height', 'fill'])) {
    const okW = c.size(json.frame.width, '$.frame.width', MIN_FRAME_SIZE);
    const okH = c.size(json.frame.height, '$.frame.height', MIN_FRAME_SIZE);
    c.hex(json.frame.fill, '$.frame.fill');
    if (okW && okH) frame = { x: 0, y: 0, width: json.frame.width as number, height: json.frame.height as number };
  }

  if (!Array.isArray(json.elements)) {
    c.fail('$.elements', `expected an array, got ${show(json.elements)}`);
    return;
  }
  const elements: unknown[] = json.elements;
  elements.forEach((e, i) => checkElement(c, e, `$.elements[${i}]`));
  if (c.issues.length > 0) return; // references and geometry only make sense on well-typed elements

  const byId = new Map<string, Json>();
  elements.forEach((raw, i) => {
    const e = raw as Json;
    const id = e.id as string;
    if (id === 'frame') c.fail(`$.elements[${i}].id`, '"frame" is reserved for the template frame');
    else if (byId.has(id)) c.fail(`$.elements[${i}].id`, `duplicate id ${show(id)}`);
    else byId.set(id, e);
  });
  elements.forEach((raw, i) => {
    const e = raw as Json;
    const rect = elementRect(e);
    if (frame !== null && rect !== null && !contains(frame, rect)) {
      c.fail(`$.elements[${i}]`, `${show(e.id)} lies outside the ${frame.width}×${frame.height} frame`);
    }
    if (typeof e.zone !== 'string') return;
    const zone = byId.get(e.zone);
    if (zone === undefined || zone.kind !== 'zone') {
      c.fail(`$.elements[${i}].zone`, `${show(e.zone)} names no zone element`);
      return;
    }
    const zoneRect = elementRect(zone);
    if (rect !== null && zoneRect !== null && !contains(zoneRect, rect)) {
      c.fail(`$.elements[${i}]`, `${show(e.id)} lies outside its zone ${show(e.zone)}`);
    }
  });
}

/** Validate untrusted JSON as a template; `file` only names it in errors. */
export function parseTemplate(json: unknown, file: string): Template {
  const c = new Checker();
  checkTemplate(c, json);
  if (c.issues.length > 0) throw new TemplateError(file, c.issues);
  return deepFreeze(structuredClone(json) as Template);
}

/** The same from a file's text: malformed JSON is a TemplateError too. */
export function parseTemplateText(text: string, file: string): Template {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new TemplateError(file, [{ path: '$', problem: `invalid JSON: ${(err as Error).message}` }]);
  }
  return parseTemplate(json, file);
}
