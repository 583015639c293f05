/**
 * The cluster labels on the board follow the session as saved: a label written just before
 * its panel was lost may say more than the session. Run by the facilitator's panel once its
 * doc is synced (one writer; one read of the labels, a write per label that differs).
 */
import { listClusters } from '../core/session/clusters.js';
import { facilitatorOf } from '../core/session/roles.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: ActionContext): Promise<ActionResult<{ corrected: number }>> {
  if (facilitatorOf(ctx.doc) !== ctx.actor.userId) return { ok: true, value: { corrected: 0 } };
  try {
    const clusters = listClusters(ctx.doc);
    // No theme, no label to correct: the board is not read.
    if (clusters.length === 0) return { ok: true, value: { corrected: 0 } };
    const labels = Object.fromEntries(clusters.map((c) => [c.id, c.label]));
    return { ok: true, value: { corrected: await ctx.board.correctLabels(labels) } };
  } catch (e) {
    console.warn('Tryghed: cluster labels not checked', e);
    return failureOf(e, 'refused');
  }
}
