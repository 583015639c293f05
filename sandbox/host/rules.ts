/**
 * What the stand-in refuses, as Miro would: each check throws an SdkError with a code.
 * The limits themselves live in src/core/miro-rules.ts (one source for app and sandbox).
 */
import {
  ALLOWED_CONTENT_TAGS,
  HEX_COLOUR,
  MAX_APP_DATA_BYTES,
  MAX_CONTENT_CHARS,
  MAX_ITEM_SIZE,
  MAX_METADATA_BYTES,
  MIN_FRAME_SIZE,
  MIN_ITEM_SIZE,
  STICKY_COLOURS,
  STICKY_SHAPES,
  isStickyColour,
} from '../../src/core/miro-rules.js';
import type { SdkShapeName } from '../../src/board/sdk.js';
import { refuse } from './errors.js';

/** Shape names Miro accepts; sdk-check.ts proves SdkShapeName equals Miro's enum, this list mirrors it. */
export const SHAPE_NAMES = [
  'rectangle', 'circle', 'triangle', 'wedge_round_rectangle_callout', 'round_rectangle', 'rhombus',
  'parallelogram', 'star', 'right_arrow', 'left_arrow', 'pentagon', 'hexagon', 'octagon', 'trapezoid',
  'flow_chart_predefined_process', 'left_right_arrow', 'cloud', 'left_brace', 'right_brace', 'cross', 'can',
] as const satisfies readonly SdkShapeName[];
// Exhaustiveness the other way: every SdkShapeName is in the list.
const _allShapes: Record<SdkShapeName, true> = Object.fromEntries(SHAPE_NAMES.map((s) => [s, true])) as Record<
  (typeof SHAPE_NAMES)[number],
  true
>;
void _allShapes;

/**
 * Realtime broadcast payload limit. Miro's docs do not state one for `events.broadcast`
 * (searched: developers.miro.com websdk-reference-events); we hold it to the 64 KB that
 * storage allows, so the app must chunk either way.
 */
export const MAX_BROADCAST_BYTES = 64 * 1024;
/** Storage: about 64 KB a key (JSON of the value, UTF-8). */
export const MAX_STORAGE_VALUE_BYTES = 64 * 1024;

const encoder = new TextEncoder();
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

export function isJson(value: unknown, depth = 0): boolean {
  if (depth > 100) return false;
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (Array.isArray(value)) return value.every((v) => isJson(v, depth + 1));
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.values(value as Record<string, unknown>).every((v) => isJson(v, depth + 1));
    }
    default:
      return false;
  }
}

export function requireJson(value: unknown, what: string): void {
  if (!isJson(value)) refuse('NOT_JSON', `Invalid ${what}: value must be JSON-serialisable (plain objects, arrays, strings, finite numbers, booleans, null)`);
}

export function requireFiniteNumber(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    refuse('INVALID_ARGUMENT', `Invalid parameter "${field}": expected a finite number, got ${JSON.stringify(value)}`);
  }
}

export function requireString(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') refuse('INVALID_ARGUMENT', `Invalid parameter "${field}": expected a string`);
}

export function checkSize(value: number, field: string, min = MIN_ITEM_SIZE): void {
  requireFiniteNumber(value, field);
  if (value < min || value > MAX_ITEM_SIZE) {
    refuse('INVALID_SIZE', `Invalid parameter "${field}": ${value} is out of range [${min}, ${MAX_ITEM_SIZE}]`);
  }
}

const TAG = /<\s*\/?\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/g;

/** Content is HTML limited to Miro's tags; Miro strips others, we refuse so the app cannot depend on stripping. */
export function checkContent(content: unknown, field = 'content'): string {
  requireString(content, field);
  if (content.length > MAX_CONTENT_CHARS) {
    refuse('CONTENT_TOO_LONG', `Invalid parameter "${field}": content must be at most ${MAX_CONTENT_CHARS} characters, got ${content.length}`);
  }
  for (const match of content.matchAll(TAG)) {
    const tag = (match[1] ?? '').toLowerCase();
    if (!(ALLOWED_CONTENT_TAGS as readonly string[]).includes(tag)) {
      refuse('CONTENT_TAG_NOT_ALLOWED', `Invalid parameter "${field}": tag <${tag}> is not supported; allowed tags are ${ALLOWED_CONTENT_TAGS.join(', ')}`);
    }
  }
  if (/<!--/.test(content)) refuse('CONTENT_TAG_NOT_ALLOWED', `Invalid parameter "${field}": HTML comments are not supported`);
  return content;
}

export function checkStickyColour(value: unknown): void {
  if (!isStickyColour(value)) {
    refuse('INVALID_STICKY_COLOR', `Invalid parameter "style.fillColor": ${JSON.stringify(value)} is not a sticky note color; expected one of ${STICKY_COLOURS.join(', ')}`);
  }
}

export function checkStickyShape(value: unknown): void {
  if (!(STICKY_SHAPES as readonly unknown[]).includes(value)) {
    refuse('INVALID_SHAPE', `Invalid parameter "shape": ${JSON.stringify(value)}; expected one of ${STICKY_SHAPES.join(', ')}`);
  }
}

export function checkShapeName(value: unknown): void {
  if (!(SHAPE_NAMES as readonly unknown[]).includes(value)) {
    refuse('INVALID_SHAPE', `Invalid parameter "shape": ${JSON.stringify(value)} is not a shape type`);
  }
}

/** Hex colours (#rrggbb); `transparent` only where Miro allows it (fills). */
export function checkHex(value: unknown, field: string, allowTransparent = false): void {
  if (allowTransparent && value === 'transparent') return;
  if (typeof value !== 'string' || !HEX_COLOUR.test(value)) {
    refuse('INVALID_COLOR', `Invalid parameter "${field}": ${JSON.stringify(value)} is not a valid color; expected a hex value like #1a1a1a`);
  }
}

export function checkFrameSize(width: number, height: number): void {
  requireFiniteNumber(width, 'width');
  requireFiniteNumber(height, 'height');
  if (width < MIN_FRAME_SIZE || height < MIN_FRAME_SIZE) {
    refuse('FRAME_TOO_SMALL', `Invalid frame size ${width}x${height}: a frame must be at least ${MIN_FRAME_SIZE}x${MIN_FRAME_SIZE}`);
  }
  checkSize(width, 'width', MIN_FRAME_SIZE);
  checkSize(height, 'height', MIN_FRAME_SIZE);
}

/**
 * Item metadata: one key with its value, JSON-serialised, at most MAX_METADATA_BYTES; all of
 * one app's metadata on one item together at most MAX_APP_DATA_BYTES.
 */
export function checkMetadata(key: unknown, value: unknown, allOfApp: Record<string, unknown>): void {
  requireString(key, 'key');
  if (key.length === 0) refuse('INVALID_ARGUMENT', 'Invalid parameter "key": must not be empty');
  requireJson(value, 'metadata value');
  const one = byteLength(JSON.stringify({ [key]: value }));
  if (one > MAX_METADATA_BYTES) {
    refuse('METADATA_TOO_LARGE', `Metadata for key "${key}" is ${one} bytes; the limit is ${MAX_METADATA_BYTES} bytes`);
  }
  const all = byteLength(JSON.stringify({ ...allOfApp, [key]: value }));
  if (all > MAX_APP_DATA_BYTES) {
    refuse('APP_DATA_TOO_LARGE', `App data on this item would be ${all} bytes; the limit is ${MAX_APP_DATA_BYTES} bytes`);
  }
}
