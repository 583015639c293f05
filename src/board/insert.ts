/**
 * The insertion engine: turns a Layout into board items through the SdkGate, as many calls
 * in flight as the gate allows, and all or nothing. Per child: create (inside the frame's
 * bounds, absolute centre), frame.add, setMetadata(marker). An item is created only after
 * the earlier items it overlaps, so the stacking order is the layout's. When a call fails
 * for good, or the caller aborts, nothing new starts, the calls in flight settle, and every
 * item created so far is removed (children, then the frame) before the InsertionError is thrown.
 */
import { contains } from '../core/geometry.js';
import type { Layout, PlannedItem } from '../core/layout/types.js';
import { createCall, shiftRect, stackingDependencies, type CreateCall } from './convert.js';
import { isRateLimitError, type SdkGate } from './gate.js';
import { InsertionError, type InsertionPhase } from './insertion-error.js';
import { encodeMarker, MARKER_KEY, MARKER_VERSION } from './marker.js';
import { MAX_METADATA_BYTES } from '../core/miro-rules.js';
import type { InsertOptions, InsertionResult } from './port.js';
import type { MiroSdk, SdkBaseItem, SdkFrame } from './sdk.js';

const FAILED = Symbol('failed');

export interface InsertionOutcome extends Omit<InsertionResult, 'zoomed'> {
  frameItem: SdkFrame;
}

export function createItem(sdk: MiroSdk, call: CreateCall): Promise<SdkBaseItem> {
  switch (call.kind) {
    case 'frame':
      return sdk.board.createFrame(call.props);
    case 'sticky':
      return sdk.board.createStickyNote(call.props);
    case 'shape':
      return sdk.board.createShape(call.props);
    case 'text':
      return sdk.board.createText(call.props);
  }
}

/** What the engine needs of a layout; `templateId` is only read by the default (template) marker. */
export type InsertableLayout = Pick<Layout, 'frame' | 'items'> & Partial<Pick<Layout, 'templateId'>>;

/** The metadata each item carries under MARKER_KEY. By default the template marker {t, e, i, v};
 *  other features (results frames: session-board.ts) give their own. */
export type MarkerOf = (item: PlannedItem) => { [key: string]: string | number };

function templateMarkerOf(layout: InsertableLayout, insertionId: string): MarkerOf {
  return (item) => {
    if (!layout.templateId) throw new Error('a layout without a templateId needs its own marker');
    return encodeMarker({ t: layout.templateId, e: item.elementId, i: insertionId, v: MARKER_VERSION });
  };
}

/** Checks what can be checked before any call: the frame first, unique ids, children inside, markers fit. */
export function validateLayout(layout: InsertableLayout, insertionId: string, markerOf: MarkerOf = templateMarkerOf(layout, insertionId)): void {
  const bad = (elementId: string | null, why: string): never => {
    throw new InsertionError('invalid-layout', 'validate', insertionId, elementId, new Error(why));
  };
  const [first, ...children] = layout.items;
  if (!first || first.kind !== 'frame') bad(first?.elementId ?? null, 'the first planned item must be the frame');
  const seen = new Set<string>();
  for (const item of layout.items) {
    if (seen.has(item.elementId)) bad(item.elementId, 'duplicate element id');
    seen.add(item.elementId);
    try {
      const bytes = new TextEncoder().encode(JSON.stringify(markerOf(item))).length;
      if (bytes > MAX_METADATA_BYTES) throw new RangeError(`Marker for element "${item.elementId}" is ${bytes} bytes; item metadata holds ${MAX_METADATA_BYTES}`);
    } catch (e) {
      bad(item.elementId, (e as Error).message);
    }
  }
  for (const item of children) {
    if (item.kind === 'frame') bad(item.elementId, 'only one frame per layout');
    if (!contains(first!.rect, item.rect, 0.5)) bad(item.elementId, 'lies outside the frame');
  }
}

/**
 * Inserts `layout` with its frame's top-left at `at`. Resolves with the ids of what it
 * created; rejects with an InsertionError after rolling back.
 */
export async function insertLayoutItems(
  sdk: MiroSdk,
  gate: SdkGate,
  layout: InsertableLayout,
  at: { x: number; y: number },
  insertionId: string,
  options: Pick<InsertOptions, 'onProgress' | 'signal'> & { marker?: MarkerOf } = {},
): Promise<InsertionOutcome> {
  const marker = options.marker ?? templateMarkerOf(layout, insertionId);
  validateLayout(layout, insertionId, marker);
  const dx = at.x - layout.frame.x;
  const dy = at.y - layout.frame.y;
  const items = layout.items;
  const total = items.length;
  const rects = items.map((it) => shiftRect(it.rect, dx, dy));

  // One controller stops everything: the caller's abort or the first failure for good.
  const stop = new AbortController();
  const onUserAbort = () => stop.abort(options.signal!.reason);
  if (options.signal?.aborted) onUserAbort();
  else options.signal?.addEventListener('abort', onUserAbort, { once: true });

  let failure: { phase: InsertionPhase; elementId: string; error: unknown } | null = null;
  const created: SdkBaseItem[] = [];
  const ids: Record<string, string> = {};
  let done = 0;
  const progress = () => {
    done++;
    options.onProgress?.(done, total);
  };

  /** One SDK call through the gate; on failure records the first cause, stops the rest, resolves FAILED. */
  const step = async <T>(phase: InsertionPhase, elementId: string, call: () => Promise<T>): Promise<T | typeof FAILED> => {
    if (stop.signal.aborted) return FAILED;
    try {
      return await gate.run(call, stop.signal);
    } catch (error) {
      // Only the first failure before the stop is the cause; what follows is its echo.
      if (!failure && !stop.signal.aborted) failure = { phase, elementId, error };
      stop.abort(error);
      return FAILED;
    }
  };
  const made = (item: PlannedItem, sdkItem: SdkBaseItem) => {
    created.push(sdkItem);
    ids[item.elementId] = sdkItem.id;
  };

  try {
    const planFrame = items[0]!;
    const frame = (await step('create', planFrame.elementId, () => createItem(sdk, createCall(planFrame, rects[0]!)))) as SdkFrame | typeof FAILED;
    if (frame !== FAILED) {
      made(planFrame, frame);
      const deps = stackingDependencies(rects);
      const createdOf: Array<Promise<SdkBaseItem | null>> = [];
      const tasks: Array<Promise<unknown>> = [
        step('mark', planFrame.elementId, () => frame.setMetadata(MARKER_KEY, marker(planFrame))).then((r) => r !== FAILED && progress()),
      ];
      for (let i = 1; i < items.length; i++) {
        const item = items[i]!;
        createdOf[i] = Promise.all(deps[i]!.map((j) => createdOf[j])).then(async () => {
          const sdkItem = await step('create', item.elementId, () => createItem(sdk, createCall(item, rects[i]!)));
          if (sdkItem === FAILED) return null;
          made(item, sdkItem);
          return sdkItem;
        });
        tasks.push(
          createdOf[i]!.then(async (sdkItem) => {
            if (!sdkItem) return;
            if ((await step('attach', item.elementId, () => frame.add(sdkItem))) === FAILED) return;
            if ((await step('mark', item.elementId, () => sdkItem.setMetadata(MARKER_KEY, marker(item)))) === FAILED) return;
            progress();
          }),
        );
      }
      await Promise.all(tasks);
    }
  } finally {
    options.signal?.removeEventListener('abort', onUserAbort);
  }

  if (!stop.signal.aborted) {
    const frameItem = created[0] as SdkFrame;
    return { insertionId, frameId: frameItem.id, frame: rects[0]!, ids, created: created.length, frameItem };
  }

  const { removed, leftBehind } = await rollback(gate, sdk, created);
  const f = failure as { phase: InsertionPhase; elementId: string; error: unknown } | null;
  if (!f) throw new InsertionError('aborted', 'create', insertionId, null, stop.signal.reason, removed, leftBehind);
  const code = isRateLimitError(f.error) ? 'rate-limited' : 'refused';
  throw new InsertionError(code, f.phase, insertionId, f.elementId, f.error, removed, leftBehind);
}

/** Removes `created` (children first, the frame last); never throws, reports what stayed. */
export async function rollback(gate: SdkGate, sdk: MiroSdk, created: readonly SdkBaseItem[]): Promise<{ removed: number; leftBehind: string[] }> {
  let removed = 0;
  let failed: string[] = [];
  const remove = async (item: SdkBaseItem) => {
    try {
      await gate.run(() => sdk.board.remove(item));
      removed++;
    } catch {
      failed.push(item.id);
    }
  };
  await Promise.all(created.filter((it) => it.type !== 'frame').map(remove));
  await Promise.all(created.filter((it) => it.type === 'frame').map(remove));
  if (failed.length > 0) {
    // Removing a frame may have taken children with it: ask what is really still there.
    try {
      const still = new Set((await gate.run(() => sdk.board.get({ id: failed }))).map((i) => i.id));
      removed += failed.filter((id) => !still.has(id)).length;
      failed = failed.filter((id) => still.has(id));
    } catch {
      // Keep the pessimistic answer.
    }
  }
  return { removed, leftBehind: failed };
}
