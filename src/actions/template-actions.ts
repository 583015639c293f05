/**
 * What the first paint may do before a session exists: the template panel's use cases, bound
 * to the Board port. Inserting loads its code (insert-template.ts: the layout, the board's
 * grid) with the templates' content on the first insertion, not with the first paint.
 */
import type { BoardPort } from '../board/port.js';
import { loadTemplates } from '../core/template/lazy-catalogue.js';
import type { InsertTemplate } from './insert-template.js';

export function bindTemplateActions(ctx: { readonly board: BoardPort }) {
  return {
    insertTemplate: async (input: InsertTemplate) => {
      // Both at once: the insertion's code asks for the templates it needs as it starts.
      const [insert] = await Promise.all([import('./insert-template.js'), loadTemplates().catch(() => undefined)]);
      return insert.perform(ctx, input);
    },
    /** Moves the view to a frame already on the board. */
    goTo: (frameId: string) => ctx.board.zoomTo([frameId]),
  };
}

export type TemplateActions = ReturnType<typeof bindTemplateActions>;
