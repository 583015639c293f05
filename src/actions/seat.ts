/**
 * The facilitator's seat: offered by the facilitator and accepted by the receiver; taken
 * without a hand-over only on purpose (Miro mode; on the sync server the operator decides).
 */
import type { ActionContext, ActionResult } from './context.js';

export function offer(ctx: ActionContext, input: { to: string | null }): Promise<ActionResult<{ offeredTo: string | null }>> {
  return ctx.control.apply({ type: 'offer-seat', to: input.to });
}

export function accept(ctx: ActionContext): Promise<ActionResult<{ facilitator: string }>> {
  return ctx.control.apply({ type: 'accept-seat' });
}

export function take(ctx: ActionContext, input: { now?: number } = {}): Promise<ActionResult<{ facilitator: string; takenFrom: string | null }>> {
  return ctx.control.apply(input.now === undefined ? { type: 'take-seat' } : { type: 'take-seat', now: input.now });
}
