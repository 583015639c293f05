/**
 * Cast or withdraw a vote, through whichever vote service holds the round's ballots (the doc,
 * or the server for sealed rounds). A refusal carries the round's budget and cap, for the words.
 */
import { getRound } from '../core/session/rounds.js';
import type { MyVotes } from '../core/session/voting.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export interface Vote {
  roundId: string;
  targetId: string;
  action: 'cast' | 'withdraw';
}

export async function perform(ctx: ActionContext, input: Vote): Promise<ActionResult<MyVotes>> {
  const { roundId, targetId } = input;
  const r = input.action === 'cast' ? await ctx.votes.cast(roundId, targetId) : await ctx.votes.withdraw(roundId, targetId);
  if (r.ok) return { ok: true, value: r.votes };
  const round = getRound(ctx.doc, roundId);
  return refused(r.error, round ? { budget: round.budget, cap: round.cap } : undefined);
}
