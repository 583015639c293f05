/** Axis-aligned rectangle by its top-left corner, in board units. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function contains(outer: Rect, inner: Rect, tolerance = 0): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}

/** Whether `inner`'s centre lies in `outer`: left and top edges in, right and bottom out, so
 *  a sticky on the border between two zones counts in one of them, never both. */
export function centreIn(outer: Rect, inner: Rect): boolean {
  const c = centre(inner);
  return c.x >= outer.x && c.x < outer.x + outer.width && c.y >= outer.y && c.y < outer.y + outer.height;
}
