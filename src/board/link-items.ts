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
import type { MiroSdk, SdkBaseItem } from './sdk.js';
import type { Rect } from '../core/geometry.js';
import type { PlannedShape } from '../core/layout/types.js';
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

export type BoardLinkOp = 'group' | 'tidy' | 'ungroup' | 'merge' | 'relabel' | 'badges' | 'results' | 'share' | 'plan';
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
export function linked(signal?: AbortSignal): { stop: AbortController; done: () => void } {
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

// ---- geometry and content of SDK items ------------------------------------------------------

export { absRect, isBase, near, sizeOf, union, type AnyItem } from './item-rects.js';

export { contentText } from './content-text.js';

export function shapeCall(elementId: string, spec: { rect: Rect; content: string; fill: string; textColour: string; fontSize: number }, shape = 'rectangle') {
  const planned: PlannedShape = { kind: 'shape', elementId, shape, ...spec, verticalAlign: 'middle' };
  return createCall(planned, spec.rect);
}
