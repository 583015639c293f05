/**
 * Keeps the plan on the P-IGLO board as the plan changes, and the plan as a row's sticky is
 * edited on the board (plan-board.ts does both). Runs in every panel from the session's
 * opening, but only the facilitator's draws, and plan-board.ts loads only once there is a plan.
 */
import { facilitatorOf } from '../core/session/roles.js';
import { planMap, sessionMap } from '../core/session/schema.js';
import type { PlanCellEdit, PlanSyncOutcome } from '../board/session-board-port.js';
import type { ActionContext, ActionResult } from './context.js';
import type { PlanBoardState } from './plan-board.js';
import { follower } from './follower.js';

const planBoard = () => import('./plan-board.js');

export interface FollowPlanOptions {
  /** Wait after the first change before a sync (default 300 ms). */
  debounceMs?: number;
  /** Each sync's answer (for tests and diagnostics). */
  onSync?: (result: ActionResult<PlanSyncOutcome | null>) => void;
  /** Each board edit's answer. */
  onEdit?: (edit: PlanCellEdit, result: ActionResult<'edited' | 'unchanged' | 'redraw'>) => void;
}

/** Syncs now, after every settled plan change and P-IGLO insertion, and takes board edits in; returns stop. */
export function follow(ctx: ActionContext, options: FollowPlanOptions = {}): () => void {
  const state: PlanBoardState = { key: '' };
  const f = follower(async () => {
    // Not ours to draw, or nothing drawn yet and nothing to draw: nothing to load.
    if (facilitatorOf(ctx.doc) !== ctx.actor.userId || (!state.drawn && planMap(ctx.doc).size === 0)) return;
    const r = await (await planBoard()).perform(ctx, state);
    options.onSync?.(r);
  }, options.debounceMs ?? 300);
  const schedule = (again = false) => {
    if (again) state.dirty = true; // draw it again even though the plan did not change
    f.schedule();
  };
  const onChange = () => schedule();
  const plan = planMap(ctx.doc);
  plan.observeDeep(onChange);
  // The seat changing hands: the new facilitator's panel draws.
  const session = sessionMap(ctx.doc);
  session.observeDeep(onChange);
  const offInserted = ctx.board.onInserted((templateId) => templateId === 'p-iglo' && schedule(true));
  const offEdited = ctx.board.onPlanEdited((edit) => {
    void planBoard().then((m) => m.applyBoardEdit(ctx, edit)).then((r) => {
      options.onEdit?.(edit, r);
      // Taken, taken in another form ("ja" → "Ja"), or not (refused, unreadable, gone): the row says what the plan says.
      schedule(true);
    });
  });
  f.now();
  return () => {
    f.stop();
    plan.unobserveDeep(onChange);
    session.unobserveDeep(onChange);
    offInserted();
    offEdited();
  };
}
