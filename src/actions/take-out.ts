/** Take notes out of their cluster (they stay where they are on the board). */
import { fromCore } from '../core/session/apply-command.js';
import { moveNotes } from '../core/session/cluster-commands.js';
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { noteIds: readonly string[] }): Promise<ActionResult<null>> {
  return fromCore(moveNotes(ctx.doc, ctx.actor, { noteIds: [...input.noteIds], to: null }));
}
