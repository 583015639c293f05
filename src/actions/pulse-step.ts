/** Open, close or reveal a pulse (the facilitator's; the control service checks). */
import type { ActionContext, ActionResult } from './context.js';

export type PulseStep = 'open' | 'close' | 'reveal';

export function perform(ctx: Pick<ActionContext, 'control'>, input: { pulseId: string; step: PulseStep; now?: number }): Promise<ActionResult<null>> {
  const now = input.now ?? Date.now();
  return ctx.control.apply({ type: `${input.step}-pulse`, pulseId: input.pulseId, now });
}
