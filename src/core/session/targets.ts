/**
 * Vote targets are notes and clusters. What a target counts as is decided when read:
 * a note counts for the cluster it is in now; a note deleted from the board, or a cluster
 * that no longer resolves, counts for nothing.
 */
import type * as Y from 'yjs';
import { resolveIn } from './clusters.js';
import { targetMaps } from './read.js';
import { deletedMap } from './schema.js';
import { ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';

export interface EffectiveTarget {
  id: string;
  kind: 'note' | 'cluster';
}

/** What a vote cast on `targetId` counts for now, or null if it counts for nothing. */
export function effectiveTarget(doc: Y.Doc, targetId: string): EffectiveTarget | null {
  return targetResolver(doc)(targetId);
}

/** effectiveTarget with the doc's maps looked up once, for reads that resolve many targets. */
export function targetResolver(doc: Y.Doc): (targetId: string) => EffectiveTarget | null {
  const maps = targetMaps(doc);
  return (targetId) => {
    if (maps.isDeleted(targetId)) return null;
    if (maps.hasCluster(targetId) || maps.alias(targetId) !== undefined) {
      const c = resolveIn(maps, targetId);
      return c === null ? null : { id: c, kind: 'cluster' };
    }
    const c = resolveIn(maps, maps.member(targetId));
    return c === null ? { id: targetId, kind: 'note' } : { id: c, kind: 'cluster' };
  };
}

/** effectiveTarget, memoised for one read of the doc. */
export function memoResolve(doc: Y.Doc): (targetId: string) => EffectiveTarget | null {
  const memo = new Map<string, EffectiveTarget | null>();
  const resolve = targetResolver(doc);
  return (t) => {
    let e = memo.get(t);
    if (e === undefined) memo.set(t, (e = resolve(t)));
    return e;
  };
}

/** The board layer reports notes deleted from the board (items:delete); anyone may. */
export function markTargetsDeleted(doc: Y.Doc, _actor: Actor, input: { ids: string[]; now?: number }): Result<null, never> {
  const at = input.now ?? Date.now();
  doc.transact(() => {
    const deleted = deletedMap(doc);
    for (const id of input.ids) deleted.set(id, at);
  }, SESSION_ORIGIN);
  return ok(null);
}

/** A note restored on the board (undo) counts again. */
export function restoreTargets(doc: Y.Doc, _actor: Actor, input: { ids: string[] }): Result<null, never> {
  doc.transact(() => {
    const deleted = deletedMap(doc);
    for (const id of input.ids) deleted.delete(id);
  }, SESSION_ORIGIN);
  return ok(null);
}
