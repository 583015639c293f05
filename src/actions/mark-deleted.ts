/**
 * Stickies removed from the board leave the tally (their votes stop counting). Only notes the
 * doc knows (clustered, or a round's target) and not already marked are recorded: any other
 * item removed is none of the session's business.
 */
import { targetMaps } from '../core/session/read.js';
import { listRounds } from '../core/session/rounds.js';
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { ids: readonly string[] }): Promise<ActionResult<{ marked: string[] }>> {
  const { doc } = ctx;
  const targets = new Set(listRounds(doc).flatMap((r) => r.targets));
  const maps = targetMaps(doc);
  const marked = input.ids.filter((id) => (maps.member(id) !== undefined || targets.has(id)) && !maps.isDeleted(id));
  if (marked.length === 0) return { ok: true, value: { marked } };
  const r = await ctx.control.apply({ type: 'mark-deleted', ids: marked });
  return r.ok ? { ok: true, value: { marked } } : r;
}
