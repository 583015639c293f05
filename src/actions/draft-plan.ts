/**
 * Draft P-IGLO initiatives from a shown round's top priorities. A note's words come from the
 * board (`texts`, the labels the panel shows); a cluster's label from the doc.
 */
import { refused, type ActionContext, type ActionResult } from './context.js';
import type { PlanLayer } from '../core/session/schema.js';

export interface DraftPlan {
  roundId: string;
  count: number;
  layer: PlanLayer;
  /** target id → the text it shows (note texts from the board) */
  texts?: Record<string, string>;
}

export async function perform(ctx: ActionContext, input: DraftPlan): Promise<ActionResult<{ created: string[]; existing: string[] }>> {
  const tally = ctx.votes.tally(input.roundId);
  if (!tally.visible) return refused('no-tally', { reason: tally.reason });
  const texts: Record<string, string> = {};
  for (const r of tally.rows) {
    const text = input.texts?.[r.targetId];
    if (text !== undefined) texts[r.targetId] = text;
  }
  return ctx.control.apply({ type: 'draft-plan', roundId: input.roundId, count: input.count, layer: input.layer, texts });
}
