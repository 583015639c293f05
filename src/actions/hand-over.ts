/** The facilitator hands the role to someone else on the board. */
import type { ActionContext, ActionResult } from './context.js';

export function perform(ctx: ActionContext, input: { to: string }): Promise<ActionResult<{ facilitator: string }>> {
  return ctx.control.apply({ type: 'hand-over', to: input.to });
}
