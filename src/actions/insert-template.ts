/**
 * Insert one of the workshop's templates: laid out in the reader's language and created by
 * the Board port all or nothing (on a failure or a cancel it removes what it made), with
 * progress as items are created. A refusal carries the port's code and what the rollback
 * left behind. Needs only the Board port, so the first paint (no session, no Yjs) has it.
 */
import { InsertionError, type BoardPort, type InsertionResult } from '../board/port.js';
import type { Lang } from '../core/lang.js';
import { layoutTemplate } from '../core/layout/layout.js';
import { TEMPLATES } from '../core/template/catalogue.js';
import type { TemplateId } from '../core/template/types.js';
import { done, failureOf, refused, type ActionResult } from './context.js';

export interface InsertTemplate {
  templateId: TemplateId;
  lang: Lang;
  /** Called after each item is created (the frame counts as one). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the insertion; the board then removes what it created. */
  signal?: AbortSignal;
}

export async function perform(ctx: { readonly board: BoardPort }, input: InsertTemplate): Promise<ActionResult<InsertionResult>> {
  const tpl = TEMPLATES.find((x) => x.id === input.templateId);
  if (!tpl) return refused('no-template');
  try {
    const layout = layoutTemplate(tpl, input.lang, { x: 0, y: 0 });
    return done(
      await ctx.board.insertLayout(layout, {
        zoom: true,
        ...(input.signal ? { signal: input.signal } : {}),
        ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      }),
    );
  } catch (e) {
    if (!(e instanceof InsertionError)) console.error('Tryghed: insertion failed unexpectedly', e); // for developers: the user is told only that
    return failureOf(e, 'unexpected');
  }
}

/** What the first paint may do before a session exists: the template panel's one use case. */
export function bindTemplateActions(ctx: { readonly board: BoardPort }) {
  return { insertTemplate: (input: InsertTemplate) => perform(ctx, input) };
}

export type TemplateActions = ReturnType<typeof bindTemplateActions>;
