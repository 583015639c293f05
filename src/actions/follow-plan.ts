/**
 * The plan on the P-IGLO board, both ways. After the plan changes (settled), and when a P-IGLO
 * template is inserted, one sync of its rows: every accepted initiative a row in its layer
 * (drafts wait until accepted). A row's sticky edited on the board goes into the plan as the
 * facilitator's edit (the control port: checked like one made in the panel), and a cell that
 * reads as nothing, or that the plan refuses, is drawn again as the plan has it. One writer:
 * the facilitator's panel (the plan is theirs); a failed sync is tried again on the next change.
 */
import { listPlan } from '../core/session/plan.js';
import { changedFields } from '../core/session/plan-cells.js';
import { readInitiative } from '../core/session/read.js';
import { facilitatorOf } from '../core/session/roles.js';
import { planMap } from '../core/session/schema.js';
import type { PlanCellEdit, PlanSyncOutcome } from '../board/session-board-port.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

/** What the last sync drew, so an unchanged plan is not drawn again. */
export interface PlanBoardState {
  key: string;
}

const isFacilitator = (ctx: ActionContext) => facilitatorOf(ctx.doc) === ctx.actor.userId;

/** One sync now; `null` when there is nothing to do (not the facilitator, nothing changed). */
export async function perform(ctx: ActionContext, state: PlanBoardState = { key: '' }): Promise<ActionResult<PlanSyncOutcome | null>> {
  if (!isFacilitator(ctx)) return { ok: true, value: null };
  const shown = listPlan(ctx.doc).filter((i) => !i.draft);
  const key = JSON.stringify(shown.map((i) => [i.id, i.layer, i.text, i.owner, i.deadline, i.when, i.preparedness, i.followUpDate, i.followUpMethod]));
  // Nothing drawn yet and nothing to draw: the board's part of the panel is not even loaded.
  if (key === state.key || (state.key === '' && shown.length === 0)) return { ok: true, value: null };
  state.key = key;
  try {
    return { ok: true, value: await ctx.board.syncPlan(shown) };
  } catch (e) {
    state.key = '';
    console.warn('Tryghed: the plan on the board was not updated', e);
    return failureOf(e, 'refused');
  }
}

/** A row's sticky edited on the board, into the plan: only what changed, as one edit. */
export async function applyBoardEdit(ctx: ActionContext, edit: PlanCellEdit): Promise<ActionResult<'edited' | 'unchanged' | 'redraw'>> {
  if (!isFacilitator(ctx)) return { ok: true, value: 'unchanged' };
  const current = readInitiative(ctx.doc, edit.initiativeId);
  if (!current) return { ok: true, value: 'redraw' };
  const patch = edit.patch && changedFields(current, edit.patch);
  if (!edit.patch) return { ok: true, value: 'redraw' };
  if (!patch) return { ok: true, value: 'unchanged' };
  const r = await ctx.control.apply({ type: 'edit-initiative', id: edit.initiativeId, patch });
  return r.ok ? { ok: true, value: 'edited' } : { ok: false, error: r.error };
}

export interface FollowPlanOptions {
  /** Quiet time before a sync (default 300 ms). */
  debounceMs?: number;
  /** Each sync's answer (for tests and diagnostics). */
  onSync?: (result: ActionResult<PlanSyncOutcome | null>) => void;
  /** Each board edit's answer. */
  onEdit?: (edit: PlanCellEdit, result: ActionResult<'edited' | 'unchanged' | 'redraw'>) => void;
}

/** Syncs now, after every settled plan change and P-IGLO insertion, and takes board edits in; returns stop. */
export function follow(ctx: ActionContext, options: FollowPlanOptions = {}): () => void {
  const wait = options.debounceMs ?? 300;
  const state: PlanBoardState = { key: '' };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  // Syncs run one after another: two quick changes must not both create the same row.
  let running: Promise<unknown> = Promise.resolve();
  const sync = () => {
    timer = null;
    running = running.then(async () => {
      if (stopped) return;
      options.onSync?.(await perform(ctx, state));
    });
  };
  const schedule = (again = false) => {
    if (stopped) return;
    if (again) state.key = ''; // draw it again even though the plan did not change
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(sync, wait);
  };
  const onPlan = () => schedule();
  const plan = planMap(ctx.doc);
  plan.observeDeep(onPlan);
  // The seat changing hands: the new facilitator's panel draws.
  const seat = () => schedule();
  ctx.doc.on('update', seat);
  const offInserted = ctx.board.onInserted((templateId) => templateId === 'p-iglo' && schedule(true));
  const offEdited = ctx.board.onPlanEdited((edit) => {
    void applyBoardEdit(ctx, edit).then((r) => {
      options.onEdit?.(edit, r);
      // Taken, taken in another form ("ja" → "Ja"), or not (refused, unreadable, gone): the row says what the plan says.
      schedule(true);
    });
  });
  sync();
  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    plan.unobserveDeep(onPlan);
    ctx.doc.off('update', seat);
    offInserted();
    offEdited();
  };
}
