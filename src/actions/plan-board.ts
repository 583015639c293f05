/**
 * The plan on the P-IGLO board, both ways (follow-plan.ts runs these as the plan changes). After the plan changes (settled), and when a P-IGLO
 * template is inserted, one sync of its rows: every accepted initiative a row in its layer
 * (drafts wait until accepted). A row's sticky edited on the board goes into the plan as the
 * facilitator's edit (the control port: checked like one made in the panel), and a cell that
 * reads as nothing, or that the plan refuses, is drawn again as the plan has it. One writer:
 * the facilitator's panel (the plan is theirs); a failed sync is tried again on the next change.
 */
import { listPlan } from '../core/session/plan.js';
import { changedFields } from '../core/session/plan-cells.js';
import { readInitiative } from '../core/session/read-plan.js';
import { facilitatorOf } from '../core/session/roles.js';
import type { PlanCellEdit, PlanSyncOutcome } from '../board/session-board-port.js';
import { failureOf, type ActionContext, type ActionResult } from './context.js';

/** What the last sync drew, so an unchanged plan is not drawn again; `dirty` draws it again anyway. */
export interface PlanBoardState {
  key: string;
  dirty?: boolean;
  /** Whether this panel has drawn rows (an empty plan never drawn needs no call, nor the board's part loaded). */
  drawn?: boolean;
}

const isFacilitator = (ctx: ActionContext) => facilitatorOf(ctx.doc) === ctx.actor.userId;

/** One sync now; `null` when there is nothing to do (not the facilitator, nothing changed). */
export async function perform(ctx: ActionContext, state: PlanBoardState = { key: '' }): Promise<ActionResult<PlanSyncOutcome | null>> {
  if (!isFacilitator(ctx)) return { ok: true, value: null };
  const shown = listPlan(ctx.doc).filter((i) => !i.draft);
  const key = JSON.stringify(shown.map((i) => [i.id, i.layer, i.text, i.owner, i.deadline, i.when, i.preparedness, i.followUpDate, i.followUpMethod]));
  if (key === state.key && !state.dirty) return { ok: true, value: null };
  state.key = key;
  state.dirty = false;
  if (!state.drawn && shown.length === 0) return { ok: true, value: null };
  try {
    const out = await ctx.board.syncPlan(shown);
    if (out.frameId) state.drawn = true;
    return { ok: true, value: out };
  } catch (e) {
    state.dirty = true;
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

