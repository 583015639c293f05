/**
 * Open a draft round. A timed round also starts the board's own timer where the host has
 * one; where it has not (or it fails), the panels count down instead (`boardTimer: false`).
 */
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { roundId: string; now?: number }): Promise<ActionResult<{ endsAt: number | null; boardTimer: boolean }>> {
  const now = input.now ?? Date.now();
  const r = await ctx.control.apply({ type: 'open-round', roundId: input.roundId, now });
  if (!r.ok) return r;
  const { endsAt } = r.value;
  let boardTimer = false;
  if (endsAt !== null) {
    try {
      boardTimer = await ctx.host.startTimer(Math.max(1000, endsAt - now));
    } catch (e) {
      console.warn('Tryghed: the board timer did not start; the panel counts down instead', e);
    }
  }
  return { ok: true, value: { endsAt, boardTimer } };
}
