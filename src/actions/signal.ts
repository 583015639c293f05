/**
 * A signal to this user outside the panel: Miro's notification on the board (where the host
 * allows it; at most 80 characters, shortened). Resolves whether it was shown; never fails:
 * the panel's own notice says the same.
 */
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { message: string }): Promise<ActionResult<boolean>> {
  return { ok: true, value: await ctx.host.notify(input.message) };
}
