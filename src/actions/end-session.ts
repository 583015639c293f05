/**
 * The facilitator ends the session and deletes its data. The command goes first: in Miro mode
 * it marks the session ended in the doc (every open panel drops its copy on it), on a sync
 * server the server deletes the session's documents, seat, rounds, sealed ballots and pulse
 * answers and closes every connection. Then, in Miro mode, the snapshot in the board's storage
 * goes (ctx.ending). Sticky notes, frames and everything else on the board stay: they are
 * the board's. The panel says so before (ui/session/end-session.ts).
 */
import type { ActionContext, ActionResult } from './context.js';
import { failureOf } from './context.js';

export async function perform(ctx: ActionContext): Promise<ActionResult<{ endedAt: number }>> {
  const r = await ctx.control.apply({ type: 'end-session' });
  if (!r.ok) return r;
  try {
    await ctx.ending.erase(r.value.endedAt);
  } catch (e) {
    return failureOf(e, 'unexpected');
  }
  return r;
}
