/**
 * The small metadata marker every item Tryghed inserts carries (item metadata, key 'tryghed'),
 * so later features find their items: which template, which element, which insertion.
 * Item metadata holds 256 bytes at most; `encodeMarker` refuses anything bigger.
 */
import { MAX_METADATA_BYTES } from '../core/miro-rules.js';
import type { TemplateId } from '../core/template/types.js';

export const MARKER_KEY = 'tryghed';
export const MARKER_VERSION = 1;

export interface TryghedMarker {
  /** Template id. */
  t: TemplateId;
  /** Template element id ("frame" for the frame). */
  e: string;
  /** Insertion id: one per insert, shared by the frame and its children. */
  i: string;
  v: typeof MARKER_VERSION;
}

export function markerBytes(marker: TryghedMarker): number {
  return new TextEncoder().encode(JSON.stringify(marker)).length;
}

/** The marker as the plain JSON object setMetadata takes; throws if it would not fit. */
export function encodeMarker(marker: TryghedMarker): { t: string; e: string; i: string; v: number } {
  const bytes = markerBytes(marker);
  if (bytes > MAX_METADATA_BYTES) {
    throw new RangeError(`Marker for element "${marker.e}" is ${bytes} bytes; item metadata holds ${MAX_METADATA_BYTES}`);
  }
  return { t: marker.t, e: marker.e, i: marker.i, v: marker.v };
}

/** Reads a marker back from getMetadata's answer; anything else (another app's, a stale shape) is null. */
export function decodeMarker(value: unknown): TryghedMarker | null {
  if (typeof value !== 'object' || value === null) return null;
  const { t, e, i, v } = value as Record<string, unknown>;
  if (typeof t !== 'string' || typeof e !== 'string' || typeof i !== 'string' || v !== MARKER_VERSION) return null;
  return { t: t as TemplateId, e, i, v };
}

/** A short random insertion id (base36), unique enough per board. */
export function newInsertionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}
