/**
 * "Show on board": this user's view moves to a target (a note, or every note of a cluster),
 * through the Host port. Only this user's view: nobody else's moves.
 */
import { listClusters } from '../core/session/clusters.js';
import { effectiveTarget } from '../core/session/targets.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { id: string }): Promise<ActionResult<null>> {
  // A note in a cluster, or a merged cluster's old id, shows where it counts now.
  const now = effectiveTarget(ctx.doc, input.id);
  const cluster = now?.kind === 'cluster' ? listClusters(ctx.doc).find((c) => c.id === now.id) : undefined;
  const ids = cluster ? cluster.notes : now ? [input.id] : [];
  if (ids.length === 0) return refused('target-deleted');
  try {
    await ctx.host.zoomTo(ids);
    return { ok: true, value: null };
  } catch (e) {
    console.warn('Tryghed: could not show the target on the board', e);
    return refused('show-failed');
  }
}
