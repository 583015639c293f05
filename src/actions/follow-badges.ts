/**
 * Badges ("3 · #1") follow the visible tally of the newest round that is not a draft: after
 * a change to the doc or the votes settles, one sync of the board's badges. One writer: the
 * facilitator's panel (participants would all draw the same badges). A failed sync is tried
 * again on the next change; an unchanged tally and grouping costs no board call.
 */
import { listClusters } from '../core/session/clusters.js';
import { facilitatorOf } from '../core/session/roles.js';
import { listRounds } from '../core/session/rounds.js';
import type { BadgeOutcome } from '../board/session-board-port.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';
import { follower } from './follower.js';

/** What the last sync drew, so an unchanged state is not drawn again. */
export interface BadgeState {
  key: string;
}

/** One sync now; `null` when there is nothing to do (not the facilitator, no round, nothing changed). */
export async function perform(ctx: ActionContext, state: BadgeState = { key: '' }): Promise<ActionResult<BadgeOutcome | null>> {
  const { doc } = ctx;
  if (facilitatorOf(doc) !== ctx.actor.userId) return { ok: true, value: null };
  const round = listRounds(doc).filter((r) => r.status !== 'draft').at(-1);
  if (!round) return { ok: true, value: null };
  const tally = ctx.votes.tally(round.id);
  const clusters = listClusters(doc).map((c) => ({ id: c.id, notes: c.notes }));
  const key = JSON.stringify([round.id, tally, clusters]);
  if (key === state.key) return { ok: true, value: null };
  state.key = key;
  try {
    return { ok: true, value: await ctx.board.syncBadges(tally, clusters) };
  } catch (e) {
    state.key = '';
    console.warn('Tryghed: vote badges not updated', e);
    return failureOf(e, 'refused');
  }
}

export interface FollowOptions {
  /** Wait after the first change before a sync (default 300 ms). */
  debounceMs?: number;
  /** Each sync's answer (for tests and diagnostics). */
  onSync?: (result: ActionResult<BadgeOutcome | null>) => void;
}

/** Syncs now and after every settled change; returns stop (which leaves the badges). */
export function follow(ctx: ActionContext, options: FollowOptions = {}): () => void {
  const state: BadgeState = { key: '' };
  const f = follower(async () => {
    const r = await perform(ctx, state);
    options.onSync?.(r);
  }, options.debounceMs ?? 300);
  const schedule = () => f.schedule();
  ctx.doc.on('update', schedule);
  const offVotes = ctx.votes.onChange(schedule);
  f.now();
  return () => {
    f.stop();
    ctx.doc.off('update', schedule);
    offVotes();
  };
}
