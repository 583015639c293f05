/**
 * Create a psychological-safety pulse: sealed where the server can keep the answers (server
 * mode), anonymous in the doc otherwise. The facilitator's command goes through the control port.
 */
import { refused, type ActionContext, type ActionResult } from './context.js';

export async function perform(ctx: Pick<ActionContext, 'control' | 'pulses'>, input: { label?: string; k?: number }): Promise<ActionResult<{ pulseId: string }>> {
  if (input.k !== undefined && !Number.isInteger(input.k)) return refused('invalid');
  const anonymity = ctx.pulses.mode === 'server' ? 'sealed' : 'anonymous';
  return ctx.control.apply({ type: 'create-pulse', pulse: { anonymity, ...(input.label ? { label: input.label } : {}), ...(input.k !== undefined ? { k: input.k } : {}) } });
}
