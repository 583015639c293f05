/**
 * Put a shown pulse's chart on the board: its means per item and overall, beside the earlier
 * pulse's where there is one; its earlier frame is replaced. Only a result that may be shown
 * is drawn (`not-visible` otherwise). The words come from the panel, in its language.
 */
import type { PulseFrame, PulseOutcome } from '../board/session-board-port.js';
import { pulseResult } from '../core/session/pulse.js';
import { failureOf, refused, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: Pick<ActionContext, 'board' | 'doc'>, input: { pulseId: string; chart: PulseFrame }): Promise<ActionResult<PulseOutcome>> {
  const r = pulseResult(ctx.doc, input.pulseId);
  if (!r.visible) return refused('not-visible', { reason: r.reason });
  try {
    return { ok: true, value: await ctx.board.showPulse(input.pulseId, input.chart) };
  } catch (e) {
    console.error('Tryghed: pulse frame failed', e);
    return failureOf(e, 'refused');
  }
}
