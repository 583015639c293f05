/** Add, edit (accepting a draft is `{ draft: false }`) and remove plan initiatives: the facilitator's. */
import type { InitiativePatch } from '../core/session/plan.js';
import type { PlanLayer } from '../core/session/schema.js';
import type { ActionContext, ActionResult } from './context.js';

export type PlanEdit =
  | ({ op: 'add'; layer: PlanLayer; text: string } & Omit<InitiativePatch, 'layer' | 'text' | 'draft'>)
  | { op: 'edit'; id: string; patch: InitiativePatch }
  | { op: 'accept'; id: string }
  | { op: 'remove'; id: string };

export function perform(ctx: ActionContext, input: PlanEdit): Promise<ActionResult<unknown>> {
  switch (input.op) {
    case 'add': {
      const { op: _op, ...rest } = input;
      return ctx.control.apply({ type: 'add-initiative', ...rest });
    }
    case 'edit':
      return ctx.control.apply({ type: 'edit-initiative', id: input.id, patch: input.patch });
    case 'accept':
      return ctx.control.apply({ type: 'edit-initiative', id: input.id, patch: { draft: false } });
    case 'remove':
      return ctx.control.apply({ type: 'remove-initiative', id: input.id });
  }
}
