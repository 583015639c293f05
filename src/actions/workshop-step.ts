/**
 * The run sheet's use cases: the facilitator moves everyone to a step (starts the board's
 * timer where the host has one, the panels count down otherwise; shows everyone the step's
 * template through Miro's collaboration where it is offered), changes its time box, and names
 * the item discussed. Every panel also moves its own view to the step's template when it
 * follows the step (`showStep`), so where collaboration is missing everyone still gets there.
 */
import { stepOf } from '../core/session/agenda.js';
import type { PlanLayer } from '../core/session/schema.js';
import type { TemplateId } from '../core/template/types.js';
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
  const frame = await templateFrame(ctx, step.template).catch(() => undefined);
  if (frame) await ctx.host.collaboration.showEveryone([frame]).catch((e: unknown) => console.warn('Tryghed: could not show everyone the step', e));
  return { ok: true, value: { ...r.value, boardTimer } };
}

export function setTimeBox(ctx: ActionContext, input: { timeBoxMs: number }): Promise<ActionResult<null>> {
  return ctx.control.apply({ type: 'set-time-box', timeBoxMs: input.timeBoxMs });
}

export function discuss(ctx: ActionContext, input: { roundId: string; targetId: string | null }): Promise<ActionResult<null>> {
  return ctx.control.apply({ type: 'discuss', roundId: input.roundId, targetId: input.targetId });
}

/** What the team decided about an item discussed: a draft initiative whose problem is the item
 *  (`problem`: its words as the panel shows them, a note's from the board). */
export function decide(ctx: ActionContext, input: { roundId: string; targetId: string; decision: string; problem: string; layer?: PlanLayer }): Promise<ActionResult<{ initiativeId: string; created: boolean }>> {
  return ctx.control.apply({ type: 'decide', ...input });
}

/** The frame of the template on the board (the newest one inserted), if it is there. */
async function templateFrame(ctx: ActionContext, template: TemplateId): Promise<string | undefined> {
  const frames = await ctx.board.findMarkedFrames({ templateId: template });
  return frames[frames.length - 1]?.id;
}

/** This panel's view of the board moves to the step's template; resolves to whether it moved
 *  (false: the template is not on the board). */
export async function showStep(ctx: ActionContext, input: { step: string }): Promise<ActionResult<boolean>> {
  const step = stepOf(input.step);
  if (!step) return refused('invalid');
  try {
    const frame = await templateFrame(ctx, step.template);
    if (!frame) return { ok: true, value: false };
    await ctx.host.zoomTo([frame]);
    return { ok: true, value: true };
  } catch (e) {
    console.warn('Tryghed: could not show the step on the board', e);
    return refused('refused');
  }
}
