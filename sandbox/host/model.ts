/**
 * The stand-in's item records and the pure rules that turn create props and sync patches
 * into them (validated: see rules.ts). Coordinates as Miro: x/y are the centre; a child's
 * x/y are relative to its parent frame's top-left corner.
 */
import type { Json } from '@mirohq/websdk-types';
import { STICKY_ASPECT, type StickyShape } from '../../src/core/miro-rules.js';
import type { SdkItemType } from '../../src/board/sdk.js';
import type { Rect } from '../../src/core/geometry.js';
import { overlaps } from '../../src/core/geometry.js';
import { refuse } from './errors.js';
import {
  checkContent, checkFrameSize, checkHex, checkShapeName, checkSize, checkStickyColour, checkStickyShape,
  requireFiniteNumber, requireString,
} from './rules.js';

export type StyleValue = string | number;

/** One item as the host holds it (plain data). */
export interface ItemState {
  id: string;
  type: SdkItemType;
  /** Creation order, 1-based. */
  seq: number;
  createdBy: string;
  x: number;
  y: number;
  width: number;
  height: number;
  parentId: string | null;
  content: string;
  title: string;
  shape: string;
  style: Record<string, StyleValue>;
  /** Metadata per app id, then per key. */
  metadata: Record<string, Record<string, Json>>;
}

/** What a create call or a sync may set. */
export type ItemFields = Pick<ItemState, 'x' | 'y' | 'width' | 'height' | 'content' | 'title' | 'shape' | 'style'>;

/** Item as sent to an app instance (no metadata, no bookkeeping). */
export interface ItemData {
  id: string;
  type: SdkItemType;
  parentId: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  content?: string;
  title?: string;
  shape?: string;
  style: Record<string, StyleValue>;
  childrenIds?: string[];
}

const ALIGN = ['left', 'center', 'right'];
const VALIGN = ['top', 'middle', 'bottom'];
/** Miro's default sticky is 228 units tall whatever its shape. */
const STICKY_DEFAULT_HEIGHT = 228;

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse('INVALID_ARGUMENT', `Invalid ${what}: expected an object`);
  }
  return value as Record<string, unknown>;
}

function allowOnly(obj: Record<string, unknown>, keys: readonly string[], what: string): void {
  for (const k of Object.keys(obj)) {
    if (!keys.includes(k) && obj[k] !== undefined) {
      refuse('INVALID_ARGUMENT', `Invalid ${what}: unknown property "${k}"; expected ${keys.join(', ')}`);
    }
  }
}

function oneOf(value: unknown, allowed: readonly string[], field: string): string {
  if (typeof value !== 'string' || !allowed.includes(value)) {
    refuse('INVALID_ARGUMENT', `Invalid parameter "${field}": ${JSON.stringify(value)}; expected one of ${allowed.join(', ')}`);
  }
  return value;
}

function stickyStyle(raw: unknown, base: Record<string, StyleValue>): Record<string, StyleValue> {
  const s = raw === undefined ? {} : record(raw, 'style');
  allowOnly(s, ['fillColor', 'textAlign', 'textAlignVertical'], 'sticky note style');
  const style = { ...base };
  if (s.fillColor !== undefined) { checkStickyColour(s.fillColor); style.fillColor = s.fillColor as string; }
  if (s.textAlign !== undefined) style.textAlign = oneOf(s.textAlign, ALIGN, 'style.textAlign');
  if (s.textAlignVertical !== undefined) style.textAlignVertical = oneOf(s.textAlignVertical, VALIGN, 'style.textAlignVertical');
  return style;
}

function numberStyle(s: Record<string, unknown>, style: Record<string, StyleValue>, key: string, min: number, max: number): void {
  const v = s[key];
  if (v === undefined) return;
  requireFiniteNumber(v, `style.${key}`);
  if (v < min || v > max) refuse('INVALID_ARGUMENT', `Invalid parameter "style.${key}": ${v} is out of range [${min}, ${max}]`);
  style[key] = v;
}

function shapeStyle(raw: unknown, base: Record<string, StyleValue>): Record<string, StyleValue> {
  const s = raw === undefined ? {} : record(raw, 'style');
  allowOnly(s, ['fillColor', 'color', 'fontSize', 'borderColor', 'borderWidth', 'borderOpacity', 'fillOpacity', 'textAlign', 'textAlignVertical', 'fontFamily', 'borderStyle'], 'shape style');
  const style = { ...base };
  if (s.fillColor !== undefined) { checkHex(s.fillColor, 'style.fillColor', true); style.fillColor = s.fillColor as string; }
  if (s.color !== undefined) { checkHex(s.color, 'style.color'); style.color = s.color as string; }
  if (s.borderColor !== undefined) { checkHex(s.borderColor, 'style.borderColor', true); style.borderColor = s.borderColor as string; }
  numberStyle(s, style, 'fontSize', 10, 288);
  numberStyle(s, style, 'borderWidth', 1, 24);
  numberStyle(s, style, 'borderOpacity', 0, 1);
  numberStyle(s, style, 'fillOpacity', 0, 1);
  if (s.textAlign !== undefined) style.textAlign = oneOf(s.textAlign, ALIGN, 'style.textAlign');
  if (s.textAlignVertical !== undefined) style.textAlignVertical = oneOf(s.textAlignVertical, VALIGN, 'style.textAlignVertical');
  if (s.fontFamily !== undefined) { requireString(s.fontFamily, 'style.fontFamily'); style.fontFamily = s.fontFamily; }
  if (s.borderStyle !== undefined) style.borderStyle = oneOf(s.borderStyle, ['normal', 'dotted', 'dashed'], 'style.borderStyle');
  return style;
}

function textStyle(raw: unknown, base: Record<string, StyleValue>): Record<string, StyleValue> {
  const s = raw === undefined ? {} : record(raw, 'style');
  allowOnly(s, ['color', 'fontSize', 'textAlign', 'fillColor', 'fillOpacity', 'fontFamily'], 'text style');
  const style = { ...base };
  if (s.color !== undefined) { checkHex(s.color, 'style.color'); style.color = s.color as string; }
  if (s.fillColor !== undefined) { checkHex(s.fillColor, 'style.fillColor', true); style.fillColor = s.fillColor as string; }
  numberStyle(s, style, 'fontSize', 1, 288);
  numberStyle(s, style, 'fillOpacity', 0, 1);
  if (s.textAlign !== undefined) style.textAlign = oneOf(s.textAlign, ALIGN, 'style.textAlign');
  if (s.fontFamily !== undefined) { requireString(s.fontFamily, 'style.fontFamily'); style.fontFamily = s.fontFamily; }
  return style;
}

function frameStyle(raw: unknown, base: Record<string, StyleValue>): Record<string, StyleValue> {
  const s = raw === undefined ? {} : record(raw, 'style');
  allowOnly(s, ['fillColor'], 'frame style');
  const style = { ...base };
  if (s.fillColor !== undefined) { checkHex(s.fillColor, 'style.fillColor', true); style.fillColor = s.fillColor as string; }
  return style;
}

/** Text has automatic height: an estimate from characters per line (good enough to draw and to avoid). */
export function textHeight(content: string, width: number, fontSize: number): number {
  const plain = content.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]*>/g, '');
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.55)));
  const lines = plain.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
  return Math.round(lines * fontSize * 1.4 + 8);
}

const EMPTY: ItemFields = { x: 0, y: 0, width: 0, height: 0, content: '', title: '', shape: '', style: {} };

/** Validate create props for `type` into item fields. */
export function fieldsFromProps(type: SdkItemType, raw: unknown): ItemFields {
  const p = record(raw, 'props');
  requireFiniteNumber(p.x, 'x');
  requireFiniteNumber(p.y, 'y');
  const f: ItemFields = { ...EMPTY, x: p.x, y: p.y };
  switch (type) {
    case 'sticky_note': {
      allowOnly(p, ['content', 'x', 'y', 'width', 'height', 'shape', 'style'], 'sticky note props');
      f.content = checkContent(p.content ?? '');
      const shape = (p.shape ?? 'square') as StickyShape;
      checkStickyShape(shape);
      f.shape = shape;
      if (p.width !== undefined && p.height !== undefined) {
        refuse('INVALID_STICKY_SIZE', 'Invalid sticky note size: set either width or height, not both (the other follows from the shape)');
      }
      [f.width, f.height] = stickySize(shape, p.width, p.height);
      f.style = stickyStyle(p.style, { fillColor: 'light_yellow', textAlign: 'center', textAlignVertical: 'middle' });
      return f;
    }
    case 'shape': {
      allowOnly(p, ['content', 'shape', 'x', 'y', 'width', 'height', 'style'], 'shape props');
      f.content = checkContent(p.content ?? '');
      const shape = p.shape ?? 'rectangle';
      checkShapeName(shape);
      f.shape = shape as string;
      checkSize(p.width as number, 'width');
      checkSize(p.height as number, 'height');
      f.width = p.width as number;
      f.height = p.height as number;
      f.style = shapeStyle(p.style, {
        fillColor: '#ffffff', color: '#1a1a1a', fontSize: 14, borderColor: '#1a1a1a', borderWidth: 2,
        borderOpacity: 1, fillOpacity: 1, textAlign: 'center', textAlignVertical: 'middle',
      });
      return f;
    }
    case 'text': {
      allowOnly(p, ['content', 'x', 'y', 'width', 'style'], 'text props');
      f.content = checkContent(p.content ?? '');
      f.style = textStyle(p.style, { color: '#1a1a1a', fontSize: 14, textAlign: 'left', fillColor: 'transparent' });
      const fontSize = f.style.fontSize as number;
      if (p.width !== undefined) checkSize(p.width as number, 'width');
      f.width = (p.width as number | undefined) ?? Math.max(8, Math.min(f.content.length * fontSize * 0.55, 600));
      f.height = textHeight(f.content, f.width, fontSize);
      return f;
    }
    case 'frame': {
      allowOnly(p, ['title', 'x', 'y', 'width', 'height', 'style'], 'frame props');
      if (p.title !== undefined) requireString(p.title, 'title');
      f.title = (p.title as string | undefined) ?? '';
      checkFrameSize(p.width as number, p.height as number);
      f.width = p.width as number;
      f.height = p.height as number;
      f.style = frameStyle(p.style, { fillColor: '#ffffff' });
      return f;
    }
  }
}

function stickySize(shape: StickyShape, width: unknown, height: unknown): [number, number] {
  const aspect = STICKY_ASPECT[shape];
  if (width !== undefined) {
    checkSize(width as number, 'width');
    return [width as number, (width as number) * aspect];
  }
  if (height !== undefined) {
    checkSize(height as number, 'height');
    return [(height as number) / aspect, height as number];
  }
  return [STICKY_DEFAULT_HEIGHT / aspect, STICKY_DEFAULT_HEIGHT];
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Validate a sync of `raw` (the item object's mutable fields) against the current state. */
export function fieldsFromSync(state: ItemState, raw: unknown): ItemFields {
  const p = record(raw, 'item');
  const x = p.x ?? state.x;
  const y = p.y ?? state.y;
  requireFiniteNumber(x, 'x');
  requireFiniteNumber(y, 'y');
  const f: ItemFields = { x, y, width: state.width, height: state.height, content: state.content, title: state.title, shape: state.shape, style: state.style };
  const width = p.width ?? state.width;
  const height = p.height ?? state.height;
  switch (state.type) {
    case 'sticky_note': {
      f.content = checkContent(p.content ?? state.content);
      const shape = (p.shape ?? state.shape) as StickyShape;
      checkStickyShape(shape);
      f.shape = shape;
      const wChanged = !near(width as number, state.width);
      const hChanged = !near(height as number, state.height);
      if (wChanged && hChanged && !near((width as number) * STICKY_ASPECT[shape], height as number)) {
        refuse('INVALID_STICKY_SIZE', 'Invalid sticky note size: change either width or height, not both (the other follows from the shape)');
      }
      // Keep the stored size when neither side changed: recomputing it drifts by float error.
      if (wChanged || hChanged || shape !== state.shape) {
        [f.width, f.height] = hChanged && !wChanged ? stickySize(shape, undefined, height) : stickySize(shape, width, undefined);
      }
      f.style = stickyStyle(p.style ?? {}, state.style);
      return f;
    }
    case 'shape':
      f.content = checkContent(p.content ?? state.content);
      checkShapeName(p.shape ?? state.shape);
      f.shape = (p.shape ?? state.shape) as string;
      checkSize(width as number, 'width');
      checkSize(height as number, 'height');
      f.width = width as number;
      f.height = height as number;
      f.style = shapeStyle(p.style ?? {}, state.style);
      return f;
    case 'text':
      f.content = checkContent(p.content ?? state.content);
      checkSize(width as number, 'width');
      f.width = width as number;
      f.style = textStyle(p.style ?? {}, state.style);
      f.height = textHeight(f.content, f.width, f.style.fontSize as number);
      return f;
    case 'frame':
      if (p.title !== undefined) requireString(p.title, 'title');
      f.title = (p.title as string | undefined) ?? state.title;
      checkFrameSize(width as number, height as number);
      f.width = width as number;
      f.height = height as number;
      f.style = frameStyle(p.style ?? {}, state.style);
      return f;
  }
}

/**
 * Miro's findEmptySpace: the free spot nearest the requested centre where a rect of the given
 * size, with `offset` clearance, overlaps nothing. Rings of candidate centres grow outwards
 * on a grid of half the smaller side (at least 10 units) until one is free.
 */
export function findEmptySpace(occupied: readonly Rect[], want: { x: number; y: number; width: number; height: number; offset?: number }): Rect {
  const offset = want.offset ?? 0;
  const step = Math.max(10, Math.min(want.width, want.height) / 2);
  const free = (cx: number, cy: number) => {
    const r = { x: cx - want.width / 2 - offset, y: cy - want.height / 2 - offset, width: want.width + 2 * offset, height: want.height + 2 * offset };
    return !occupied.some((o) => overlaps(r, o));
  };
  for (let ring = 0; ring < 100_000; ring++) {
    let best: { x: number; y: number; d: number } | null = null;
    for (let i = -ring; i <= ring; i++) {
      for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]] as const) {
        const cx = want.x + dx * step;
        const cy = want.y + dy * step;
        const d = Math.hypot(dx, dy);
        if ((!best || d < best.d) && free(cx, cy)) best = { x: cx, y: cy, d };
      }
    }
    if (best) return { x: best.x, y: best.y, width: want.width, height: want.height };
  }
  refuse('INVALID_ARGUMENT', 'findEmptySpace: no free space found');
}
