/** Rename a cluster, in the doc and on its label on the board. */
import { fromCore } from '../core/session/apply-command.js';
import { renameCluster } from '../core/session/cluster-commands.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { clusterId: string; label: string }): Promise<ActionResult<null>> {
  const label = input.label.trim();
  const r = renameCluster(ctx.doc, ctx.actor, { clusterId: input.clusterId, label });
  if (!r.ok) return fromCore(r);
  try {
    await ctx.board.relabelCluster(input.clusterId, label);
  } catch (e) {
    return failureOf(e, 'refused');
  }
  return { ok: true, value: null };
}
