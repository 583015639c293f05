/**
 * Create a vote round: its targets are read from the board (round-targets.ts) unless given as
 * ids, then the facilitator's command goes through the control port. No targets is refused
 * with why: `no-targets`, or `only-private` when every note found was on the plate.
 */
import type { CreateRoundInput } from '../core/session/rounds.js';
import { refused, type ActionContext, type ActionResult } from './context.js';
import { perform as readTargets, type TargetSet } from './round-targets.js';

export interface CreateRound {
  round: Omit<CreateRoundInput, 'targets'>;
  targets: TargetSet | readonly string[];
}

export async function perform(ctx: ActionContext, input: CreateRound): Promise<ActionResult<{ roundId: string }>> {
  let ids: readonly string[];
  if (Array.isArray(input.targets)) ids = input.targets;
  else {
    const read = await readTargets(ctx, { set: input.targets as TargetSet });
    if (!read.ok) return read;
    if (read.value.ids.length === 0) return refused(read.value.privateLeftOut > 0 ? 'only-private' : 'no-targets', { privateLeftOut: read.value.privateLeftOut });
    ids = read.value.ids;
  }
  if (ids.length === 0) return refused('no-targets', { privateLeftOut: 0 });
  return ctx.control.apply({ type: 'create-round', round: { ...input.round, targets: [...ids] } });
}
