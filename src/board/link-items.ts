/**
 * What the session's board link (session-board.ts) needs beside the insertion engine: the
 * markers of its items, its error, two all-or-nothing batches through the SdkGate
 * (create-and-mark several loose items; move several items, undone on failure), and the
 * geometry of SDK items (absolute rects, where a tidy may go).
 *
 * Markers live under the same metadata key as the template marker ('tryghed'), told apart
 * by `k`: {k:'badge', r: roundId, x: targetId}, {k:'results', r: roundId, e: elementId},
 * {k:'cluster-label', c: clusterId}. A template marker has no `k`, so neither decoder
 * mistakes the other's items for its own.
 */
import { MAX_METADATA_BYTES } from '../core/miro-rules.js';
import { abortReason, isAbortError } from './clock.js';
import type { CreateCall } from './convert.js';
import { isRateLimitError, type SdkGate } from './gate.js';
import { createItem, rollback } from './insert.js';
import { InsertionError } from './insertion-error.js';
import { MARKER_KEY } from './marker.js';
import { absRect, isBase, near, union, type AnyItem } from './item-rects.js';
import type { MiroSdk, SdkBaseItem } from './sdk.js';
import type { Rect } from '../core/geometry.js';
import type { PlannedShape } from '../core/layout/types.js';
import { plainText } from '../core/template/markup.js';
import { zoneLabelHeight } from '../core/layout/text-metrics.js';
import { createCall } from './convert.js';

export const LINK_MARKER_VERSION = 1;

export type LinkMarker =
  | { k: 'badge'; r: string; x: string; v: typeof LINK_MARKER_VERSION }
  | { k: 'results'; r: string; e: string; v: typeof LINK_MARKER_VERSION }
  | { k: 'cluster-label'; c: string; v: typeof LINK_MARKER_VERSION };

type Plain = { [key: string]: string | number };

/** The marker as setMetadata takes it; throws if it would not fit item metadata. */
export function encodeLinkMarker(m: LinkMarker): Plain {
  const bytes = new TextEncoder().encode(JSON.stringify(m)).length;
  if (bytes > MAX_METADATA_BYTES) throw new RangeError(`Marker ${m.k} is ${bytes} bytes; item metadata holds ${MAX_METADATA_BYTES}`);
  return { ...m };
}

export function decodeLinkMarker(value: unknown): LinkMarker | null {
  if (typeof value !== 'object' || value === null) return null;
  const o = value as Record<string, unknown>;
  if (o.v !== LINK_MARKER_VERSION) return null;
  const s = (k: string) => typeof o[k] === 'string';
  if (o.k === 'badge' && s('r') && s('x')) return { k: 'badge', r: o.r as string, x: o.x as string, v: 1 };
  if (o.k === 'results' && s('r') && s('e')) return { k: 'results', r: o.r as string, e: o.e as string, v: 1 };
  if (o.k === 'cluster-label' && s('c')) return { k: 'cluster-label', c: o.c as string, v: 1 };
  return null;
}

// ---- errors ------------------------------------------------------------------------------

export type BoardLinkOp = 'group' | 'tidy' | 'ungroup' | 'merge' | 'relabel' | 'badges' | 'results' | 'share';
import type { BoardLinkErrorCode, ClusterError } from '../core/failures.js';

export type { BoardLinkErrorCode } from '../core/failures.js';

/** What the UI words a BoardLinkError with (src/ui/i18n/board-words.ts). */
export interface BoardLinkErrorParams {
  /** Items the undo could not remove or put back. */
  leftBehind: number;
  /** For 'invalid': the session model's error code; '' when none. */
  reason: ClusterError | '';
}

export class BoardLinkError extends Error {
  override readonly name = 'BoardLinkError';
  constructor(
    readonly code: BoardLinkErrorCode,
    readonly op: BoardLinkOp,
    override readonly cause: unknown = null,
    /** Ids of items the undo could not remove or put back. */
    readonly leftBehind: readonly string[] = [],
    /** For 'invalid': the session model's error code. */
    readonly reason: ClusterError | '' = '',
  ) {
    super(`${op}: ${code}${reason ? `: ${reason}` : ''}${cause instanceof Error ? `: ${cause.message}` : ''}`);
  }

  get params(): BoardLinkErrorParams {
    return { leftBehind: this.leftBehind.length, reason: this.reason };
  }

  /** The error for a failed board call (or an InsertionError from the engine). */
  static from(op: BoardLinkOp, e: unknown, leftBehind: readonly string[] = []): BoardLinkError {
    if (e instanceof BoardLinkError) return e;
    if (e instanceof InsertionError) {
      const code = e.code === 'rate-limited' || e.code === 'aborted' ? e.code : 'refused';
      return new BoardLinkError(code, op, e.cause, [...e.leftBehind, ...leftBehind]);
    }
    const code = isRateLimitError(e) ? 'rate-limited' : isAbortError(e) ? 'aborted' : 'refused';
    return new BoardLinkError(code, op, e, leftBehind);
  }
}

// ---- all-or-nothing batches ---------------------------------------------------------------

/** Thrown by the batches after undoing what they did. */
export class BatchFailure extends Error {
  constructor(
    override readonly cause: unknown,
    readonly leftBehind: string[],
  ) {
    super('batch failed');
  }
}

/** A controller that stops on the caller's abort too; `done()` unhooks it. */
function linked(signal?: AbortSignal): { stop: AbortController; done: () => void } {
  const stop = new AbortController();
  const onAbort = () => stop.abort(abortReason(signal!));
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return { stop, done: () => signal?.removeEventListener('abort', onAbort) };
}

/**
 * Creates and marks every item, as many at a time as the gate allows. On the first failure
 * (or abort) nothing new starts and everything created is removed before BatchFailure.
 */
export async function createMarked(
  sdk: MiroSdk,
  gate: SdkGate,
  creates: ReadonlyArray<{ call: CreateCall; marker: LinkMarker }>,
  signal?: AbortSignal,
): Promise<SdkBaseItem[]> {
  const { stop, done } = linked(signal);
  const out: SdkBaseItem[] = new Array(creates.length);
  const created: SdkBaseItem[] = [];
  let cause: unknown = null;
  try {
    await Promise.all(
      creates.map(async (c, i) => {
        try {
          const marker = encodeLinkMarker(c.marker);
          const item = await gate.run(() => createItem(sdk, c.call), stop.signal);
          created.push(item);
          await gate.run(() => item.setMetadata(MARKER_KEY, marker), stop.signal);
          out[i] = item;
        } catch (e) {
          if (!stop.signal.aborted) cause = e;
          stop.abort(e);
        }
      }),
    );
  } finally {
    done();
  }
  if (!stop.signal.aborted) return out;
  const { leftBehind } = await rollback(gate, sdk, created);
  throw new BatchFailure(cause ?? stop.signal.reason, leftBehind);
}

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

// ---- geometry and content of SDK items ------------------------------------------------------

export { absRect, isBase, near, sizeOf, union, type AnyItem } from './item-rects.js';

/** What a reader sees of Miro content. */
export function contentText(html: string): string {
  return plainText(html.replace(/<\/p>\s*<p>/g, '\n').replace(/<br\s*\/?>/g, '\n'))
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .trim();
}

export function shapeCall(elementId: string, spec: { rect: Rect; content: string; fill: string; textColour: string; fontSize: number }, shape = 'rectangle') {
  const planned: PlannedShape = { kind: 'shape', elementId, shape, ...spec, verticalAlign: 'middle' };
  return createCall(planned, spec.rect);
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
