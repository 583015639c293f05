/** Dissolve a cluster: its notes stay where they are, loose again; its label and badges leave the board. */
import { fromCore } from '../core/session/apply-command.js';
import { dissolveCluster } from '../core/session/cluster-commands.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { clusterId: string }): Promise<ActionResult<{ removed: number }>> {
  const r = dissolveCluster(ctx.doc, ctx.actor, { clusterId: input.clusterId });
  let removed: number;
  try {
    removed = await ctx.board.removeClusterItems([input.clusterId]);
  } catch (e) {
    return failureOf(e, 'refused');
  }
  // Dissolved elsewhere already, but its label was still here: that is done too.
  if (!r.ok && removed === 0) return fromCore(r);
  return { ok: true, value: { removed } };
}
