/** Answer a pulse (seven answers 1–7): in the doc without a name, or sealed on the server. */
import { fromCore } from '../core/session/apply-command.js';
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: Pick<ActionContext, 'pulses'>, input: { pulseId: string; answers: readonly number[] }): Promise<ActionResult<null>> {
  return fromCore(await ctx.pulses.answer(input.pulseId, input.answers));
}
