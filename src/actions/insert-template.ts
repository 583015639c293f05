/**
 * Insert one of the workshop's templates: laid out in the reader's language, placed in its
 * agenda slot on the board's row (core/layout/board-grid.ts) and created by the Board port all
 * or nothing (on a failure or a cancel it removes what it made), with progress as items are
 * created. A template already on the board is refused as `already-on-board` with its frame, so
 * the panel can offer to go there; `again` inserts a second copy on purpose, below the first.
 * A refusal carries the port's code and what the rollback left behind. Needs only the Board
 * port; the first paint offers it (template-actions.ts) and loads it on the first insertion.
 */
import { InsertionError, type BoardPort, type InsertionResult } from '../board/port.js';
import type { Lang } from '../core/lang.js';
import { agendaSlots, placeTemplate, rowOrigin, rowSize } from '../core/layout/board-grid.js';
import { layoutTemplate } from '../core/layout/layout.js';
import { loadTemplates } from '../core/template/lazy-catalogue.js';
import type { Template, TemplateId } from '../core/template/types.js';
import { done, failureOf, refused, type ActionResult } from './context.js';

export interface InsertTemplate {
  templateId: TemplateId;
  lang: Lang;
  /** Insert although the template is on the board already (a second copy, on purpose). */
  again?: boolean;
  /** Called after each item is created (the frame counts as one). */
  onProgress?: (done: number, total: number) => void;
  /** Aborting stops the insertion; the board then removes what it created. */
  signal?: AbortSignal;
}

type Ctx = { readonly board: BoardPort };

/** Where the template goes: its slot in agenda order, below what stands there already. */
async function placement(ctx: Ctx, templates: readonly Template[], templateId: TemplateId, size: { width: number; height: number }, signal?: AbortSignal) {
  const [frames, occupied, view] = await Promise.all([ctx.board.findMarkedFrames(), ctx.board.occupied(signal), ctx.board.viewport()]);
  const slots = agendaSlots(templates);
  const placed = frames.map((f) => ({ templateId: f.marker.t, rect: f.rect }));
  const origin = rowOrigin(slots, placed, occupied, view, rowSize(templates));
  return { frames, at: placeTemplate(slots, origin, templateId, size, occupied) };
}

export async function perform(ctx: Ctx, input: InsertTemplate): Promise<ActionResult<InsertionResult>> {
  try {
    // The templates' content loads with the first insertion (lazy-catalogue.ts).
    const templates = await loadTemplates();
    const tpl = templates.find((x) => x.id === input.templateId);
    if (!tpl) return refused('no-template');
    const layout = layoutTemplate(tpl, input.lang, { x: 0, y: 0 });
    let place;
    try {
      place = await placement(ctx, templates, tpl.id, layout.frame, input.signal);
    } catch (e) {
      throw new InsertionError(input.signal?.aborted ? 'aborted' : 'no-space', 'place', '', null, e);
    }
    const there = place.frames.filter((f) => f.marker.t === tpl.id);
    if (there.length > 0 && input.again !== true) return refused('already-on-board', { frameId: there.at(-1)!.id });
    return done(
      await ctx.board.insertLayout(layout, {
        at: place.at,
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
