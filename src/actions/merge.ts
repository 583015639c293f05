/** Merge clusters into one: votes follow (clusters.ts); the merged-away labels and badges leave the board, notes stay put. */
import { fromCore } from '../core/session/apply-command.js';
import { mergeClusters } from '../core/session/cluster-commands.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { from: readonly string[]; into: string }): Promise<ActionResult<{ removed: number }>> {
  const r = mergeClusters(ctx.doc, ctx.actor, { from: [...input.from], into: input.into });
  if (!r.ok) return fromCore(r);
  try {
    return { ok: true, value: { removed: await ctx.board.removeClusterItems(input.from.filter((c) => c !== input.into)) } };
  } catch (e) {
    return failureOf(e, 'refused');
  }
}
