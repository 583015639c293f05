/** Start the workshop session: whoever starts it is the facilitator. */
import type { ActionContext, ActionResult } from './context.js';

export function perform(ctx: ActionContext): Promise<ActionResult<{ facilitator: string }>> {
  return ctx.control.apply({ type: 'start-session' });
}
