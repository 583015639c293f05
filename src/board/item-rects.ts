/**
 * The geometry of SDK items: absolute rects (a child's centre is relative to its parent),
 * their union, nearness. The board's item index needs it with the first paint; the rest of
 * link-items.ts (the session's batches, markers and errors) loads with the session.
 */
import type { Rect } from '../core/geometry.js';
import type { SdkItem, SdkOtherItem } from './sdk.js';

export type AnyItem = SdkItem | SdkOtherItem;
export const isBase = (i: AnyItem): i is SdkItem => 'x' in i && 'getMetadata' in i;
export const sizeOf = (i: SdkItem) => ({ width: 'width' in i ? i.width : 0, height: 'height' in i ? i.height : 0 });

/** Absolute top-left rect; a child's centre is relative to its parent's top-left. */
export function absRect(item: SdkItem, byId: ReadonlyMap<string, AnyItem>): Rect {
  const { width, height } = sizeOf(item);
  let cx = item.x;
  let cy = item.y;
  const parent = item.parentId ? byId.get(item.parentId) : undefined;
  if (parent && isBase(parent)) {
    const p = absRect(parent, byId);
    cx += p.x;
    cy += p.y;
  }
  return { x: cx - width / 2, y: cy - height / 2, width, height };
}

export function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

export const near = (a: Rect, b: Rect, by: number) => a.x < b.x + b.width + by && b.x < a.x + a.width + by && a.y < b.y + b.height + by && b.y < a.y + a.height + by;
