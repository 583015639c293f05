/**
 * Tidy a cluster's notes, on request: into a labelled area of their own inside the zone or
 * frame they sit in (grouping itself leaves them in place). The doc does not change; the
 * board refuses `no-room`, moving nothing, when the notes do not fit in their template.
 */
import type { PlacedCluster } from '../board/session-board-port.js';
import { listClusters } from '../core/session/clusters.js';
import { failureOf, refused, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { clusterId: string; signal?: AbortSignal }): Promise<ActionResult<PlacedCluster>> {
  const cluster = listClusters(ctx.doc).find((c) => c.id === input.clusterId);
  if (!cluster || cluster.notes.length === 0) return refused('no-cluster');
  try {
    return { ok: true, value: await ctx.board.tidyCluster(cluster.id, cluster.notes, cluster.label, input.signal) };
  } catch (e) {
    return failureOf(e, 'refused');
  }
}
