/**
 * The run sheet's use cases: the facilitator moves everyone to a step (and starts the board's
 * timer where the host has one; the panels count down otherwise), changes its time box, and
 * names the item discussed. Every panel shows the step's template on the board (`showStep`).
 */
import { stepOf } from '../core/session/agenda.js';
import type { ActionContext, ActionResult } from './context.js';
import { refused } from './context.js';

export async function goTo(ctx: ActionContext, input: { step: string; timeBoxMs?: number; now?: number }): Promise<ActionResult<{ step: string; startedAt: number; boardTimer: boolean }>> {
  const step = stepOf(input.step);
  const r = await ctx.control.apply({ type: 'go-to-step', step: input.step, ...(input.timeBoxMs === undefined ? {} : { timeBoxMs: input.timeBoxMs }), ...(input.now === undefined ? {} : { now: input.now }) });
  if (!r.ok || !step) return r.ok ? refused('invalid') : r;
  let boardTimer = false;
  try {
    boardTimer = await ctx.host.startTimer(input.timeBoxMs ?? step.minutes * 60_000);
  } catch (e) {
    console.warn('Tryghed: the board timer did not start; the panel counts down instead', e);
  }
  return { ok: true, value: { ...r.value, boardTimer } };
}

export function setTimeBox(ctx: ActionContext, input: { timeBoxMs: number }): Promise<ActionResult<null>> {
  return ctx.control.apply({ type: 'set-time-box', timeBoxMs: input.timeBoxMs });
}

export function discuss(ctx: ActionContext, input: { roundId: string; targetId: string | null }): Promise<ActionResult<null>> {
  return ctx.control.apply({ type: 'discuss', roundId: input.roundId, targetId: input.targetId });
}

/**
 * This panel's view of the board moves to the step's template (the newest one inserted).
 * One small function so the Host port's zoomTo / collaboration ("bring everyone") can take
 * its place; resolves to whether the view moved (false: the template is not on the board).
 */
export async function showStep(ctx: ActionContext, input: { step: string }): Promise<ActionResult<boolean>> {
  const step = stepOf(input.step);
  if (!step) return refused('invalid');
  try {
    const frames = await ctx.board.findMarkedFrames({ templateId: step.template });
    const newest = frames[frames.length - 1];
    if (!newest) return { ok: true, value: false };
    await ctx.board.zoomTo([newest.id]);
    return { ok: true, value: true };
  } catch (e) {
    console.warn('Tryghed: could not show the step on the board', e);
    return refused('refused');
  }
}
