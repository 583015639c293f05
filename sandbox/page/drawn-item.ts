/** Drawing order and extent of the stand-in's items (which carry their absolute rects). */
import type { Rect } from '../../src/core/geometry.js';
import type { ItemView } from '../host/stand-in.js';

/** Frames behind everything, then the rest in creation order (as Miro stacks them). */
export function drawOrder(items: readonly ItemView[]): ItemView[] {
  return [...items.filter((i) => i.type === 'frame'), ...items.filter((i) => i.type !== 'frame')];
}

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
