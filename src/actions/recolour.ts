/** A cluster's colour (the doc's; the board's notes keep theirs). */
import { fromCore } from '../core/session/apply-command.js';
import { recolourCluster } from '../core/session/cluster-commands.js';
import type { StickyColour } from '../core/miro-rules.js';
import type { ActionContext, ActionResult } from './context.js';

export async function perform(ctx: ActionContext, input: { clusterId: string; colour: StickyColour }): Promise<ActionResult<null>> {
  return fromCore(recolourCluster(ctx.doc, ctx.actor, input));
}
