/**
 * Where to put a new template: the spot nearest the view centre whose rect keeps `gap`
 * clear of every occupied rect. Candidates lie on a grid around the centre, tried in
 * order of distance (ties by angle), so the answer is deterministic; if the nearby grid
 * is full, the spot right of everything is free by construction.
 */
import { centre, overlaps, type Rect } from '../geometry.js';

const MAX_RING = 40;

function inflate(r: Rect, by: number): Rect {
  return { x: r.x - by, y: r.y - by, width: r.width + 2 * by, height: r.height + 2 * by };
}

/** Grid offsets within MAX_RING rings, nearest first; computed once. */
let offsets: Array<[number, number]> | null = null;
function gridOffsets(): Array<[number, number]> {
  if (offsets !== null) return offsets;
  const list: Array<[number, number, number, number]> = [];
  for (let i = -MAX_RING; i <= MAX_RING; i++) {
    for (let j = -MAX_RING; j <= MAX_RING; j++) list.push([i, j, i * i + j * j, Math.atan2(j, i)]);
  }
  list.sort((a, b) => a[2] - b[2] || a[3] - b[3]);
  offsets = list.map(([i, j]) => [i, j]);
  return offsets;
}

export function findFreeSpot(
  occupied: readonly Rect[],
  viewport: Rect,
  size: { width: number; height: number },
  gap = 200,
): Rect {
  const c = centre(viewport);
  const blocked = occupied.map((r) => inflate(r, gap));
  const step = Math.max(gap, Math.min(size.width, size.height) / 2, 1);
  for (const [i, j] of gridOffsets()) {
    const cand: Rect = { x: c.x - size.width / 2 + i * step, y: c.y - size.height / 2 + j * step, ...size };
    if (!blocked.some((b) => overlaps(b, cand))) return cand;
  }
  // Everything near is taken: go right of all occupied rects, at the view's height.
  const right = Math.max(...occupied.map((r) => r.x + r.width));
  return { x: Math.ceil(right + gap) + 1, y: c.y - size.height / 2, ...size };
}
