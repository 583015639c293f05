/** Close, reveal or remove a round (the facilitator's; the control service checks). */
import type { ActionContext, ActionResult } from './context.js';

export type RoundStep = 'close' | 'reveal' | 'remove';

export function perform(ctx: ActionContext, input: { roundId: string; step: RoundStep; now?: number }): Promise<ActionResult<null>> {
  const { roundId } = input;
  const now = input.now ?? Date.now();
  if (input.step === 'remove') return ctx.control.apply({ type: 'remove-round', roundId });
  return ctx.control.apply({ type: input.step === 'close' ? 'close-round' : 'reveal-round', roundId, now });
}
