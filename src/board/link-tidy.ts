/**
 * What tidying a cluster does on the board beside creating its label: where the tidy may go
 * (tidyContext) and moving the notes there, undone on failure (moveAll). Only grouping needs
 * it (session-board-clusters.ts, loaded when someone first groups), so it is apart from
 * link-items.ts, which the session loads as it opens.
 */
import type { Rect } from '../core/geometry.js';
import { zoneLabelHeight } from '../core/layout/text-metrics.js';
import { BatchFailure, linked, type LinkMarker } from './link-items.js';
import { absRect, isBase, near, union, type AnyItem } from './item-rects.js';
import type { SdkGate } from './gate.js';
import type { SdkBaseItem } from './sdk.js';

/**
 * Moves items to new centres (Miro's x/y: a child's are relative to its frame) and syncs them.
 * On the first failure (or abort) the items already moved go back before BatchFailure.
 */
export async function moveAll(
  gate: SdkGate,
  moves: ReadonlyArray<{ item: SdkBaseItem; x: number; y: number }>,
  signal?: AbortSignal,
): Promise<void> {
  const { stop, done } = linked(signal);
  const moved: Array<{ item: SdkBaseItem; x: number; y: number }> = [];
  let cause: unknown = null;
  try {
    await Promise.all(
      moves.map(async ({ item, x, y }) => {
        const was = { item, x: item.x, y: item.y };
        try {
          if (stop.signal.aborted) throw stop.signal.reason;
          item.x = x;
          item.y = y;
          await gate.run(() => item.sync(), stop.signal);
          moved.push(was);
        } catch (e) {
          item.x = was.x;
          item.y = was.y;
          if (!stop.signal.aborted) cause = e;
          stop.abort(e);
        }
      }),
    );
  } finally {
    done();
  }
  if (!stop.signal.aborted) return;
  const leftBehind: string[] = [];
  await Promise.all(
    moved.map(async ({ item, x, y }) => {
      item.x = x;
      item.y = y;
      try {
        await gate.run(() => item.sync());
      } catch {
        leftBehind.push(item.id);
      }
    }),
  );
  throw new BatchFailure(cause ?? stop.signal.reason, leftBehind);
}

/** Obstacles further than this from the notes do not matter to a tidy. */
const NEAR = 4000;

/**
 * Where a tidy of `notes` may go, read from every item on the board: zones and frames the
 * notes sit in are ground, not obstacles, and the smallest that holds them all (below a
 * zone's label) bounds the tidy; everything else nearby is an obstacle. Our badges are
 * neither (they follow on the next sync); our cluster labels are always obstacles.
 */
export function tidyContext(
  all: readonly AnyItem[],
  notes: ReadonlyArray<{ id: string; rect: Rect }>,
  ourKind: (id: string) => LinkMarker['k'] | undefined,
): { bounds: Rect | null; obstacles: Rect[] } {
  const selected = new Set(notes.map((n) => n.id));
  const byId = new Map<string, AnyItem>(all.map((i) => [i.id, i]));
  const box = union(notes.map((n) => n.rect));
  const centres = notes.map((n) => ({ x: n.rect.x + n.rect.width / 2, y: n.rect.y + n.rect.height / 2 }));
  const inside = (r: Rect) => (c: { x: number; y: number }) => c.x >= r.x && c.x <= r.x + r.width && c.y >= r.y && c.y <= r.y + r.height;
  let bounds: Rect | null = null;
  const obstacles: Rect[] = [];
  for (const item of all) {
    if (!isBase(item) || selected.has(item.id)) continue;
    const kind = ourKind(item.id);
    if (kind === 'badge') continue;
    const r = absRect(item, byId);
    const ground = item.type === 'frame' || (item.type === 'shape' && kind !== 'cluster-label' && centres.some(inside(r)));
    if (ground) {
      if (!centres.every(inside(r))) continue;
      const top = item.type === 'shape' ? zoneLabelHeight(item.content, r.width) : 0;
      const inner = { x: r.x + 8, y: r.y + top + 8, width: r.width - 16, height: r.height - top - 16 };
      if (inner.width > 0 && inner.height > 0 && (!bounds || inner.width * inner.height < bounds.width * bounds.height)) bounds = inner;
    } else if (near(r, box, NEAR)) {
      obstacles.push(r);
    }
  }
  return { bounds, obstacles };
}
