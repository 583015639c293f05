/**
 * "Vote for the selection": one vote on each target of an open round among the notes selected
 * on the board, notes or the deck's areas (a note in a cluster votes for its cluster, once however many of its notes are
 * selected), in board order, through the same vote service as the panel's + buttons. What was
 * not a target, and what was refused (the budget spent, a cap reached), is told, not thrown.
 */
import { getRound } from '../core/session/rounds.js';
import { memoResolve } from '../core/session/targets.js';
import type { MyVotes, VoteError } from '../core/session/voting.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export interface SelectionVotes {
  /** Targets (row ids: note or cluster) that got a vote. */
  cast: string[];
  /** Targets refused, with why. */
  refused: Array<{ id: string; error: VoteError }>;
  /** Selected notes that are not targets of this round. */
  notTargets: number;
  /** My votes after the last successful cast (null if none went through). */
  votes: MyVotes | null;
}

export async function perform(ctx: ActionContext, input: { roundId: string }): Promise<ActionResult<SelectionVotes>> {
  const round = getRound(ctx.doc, input.roundId);
  if (!round) return refused('no-round');
  let selected: string[];
  try {
    // Notes, and the deck's areas (shapes) where a round is over them.
    selected = await ctx.host.selectedIds();
  } catch (e) {
    console.warn('Tryghed: could not read the selection', e);
    return refused('selection-failed');
  }
  if (selected.length === 0) return refused('selection-empty');
  const resolve = memoResolve(ctx.doc);
  const rows = new Set(round.targets.map((t) => resolve(t)?.id).filter((id): id is string => id !== undefined));
  const wanted: string[] = [];
  let notTargets = 0;
  for (const id of selected) {
    const row = resolve(id)?.id;
    if (row === undefined || !rows.has(row)) notTargets++;
    else if (!wanted.includes(row)) wanted.push(row);
  }
  if (wanted.length === 0) return refused('selection-not-targets', { n: notTargets });
  const out: SelectionVotes = { cast: [], refused: [], notTargets, votes: null };
  for (const id of wanted) {
    const r = await ctx.votes.cast(input.roundId, id);
    if (r.ok) {
      out.cast.push(id);
      out.votes = r.votes;
    } else {
      out.refused.push({ id, error: r.error });
      // Nothing more can go through once the budget is spent or the round is gone.
      if (r.error !== 'cap-reached' && r.error !== 'target-deleted' && r.error !== 'not-a-target') {
        for (const rest of wanted.slice(wanted.indexOf(id) + 1)) out.refused.push({ id: rest, error: r.error });
        break;
      }
    }
  }
  return { ok: true, value: out };
}
