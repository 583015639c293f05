/**
 * Group the selected stickies: the board tidies them into a labelled area for a new cluster
 * first (all or nothing), then the doc gets the cluster in one transaction; a cluster the
 * grouping emptied is merged into it (votes follow) and its label leaves the board. The doc
 * is written only once the board is done, so a refusal leaves both as they were.
 * Issue 13's theme suggestions are accepted through this same action.
 */
import { fromCore } from '../core/session/apply-command.js';
import { groupNotes } from '../core/session/cluster-commands.js';
import { newId } from '../core/session/ids.js';
import { isStickyColour, type StickyColour } from '../core/miro-rules.js';
import type { PlacedCluster } from '../board/session-board-port.js';
import { failureOf, refused, type ActionContext, type ActionResult } from './context.js';

export interface Grouped extends PlacedCluster {
  clusterId: string;
  /** Clusters this grouping emptied, merged into the new one. */
  merged: string[];
}

export interface Group {
  label?: string;
  colour?: StickyColour;
  /** These notes (a suggested theme's) instead of the board's selection. */
  noteIds?: readonly string[];
  signal?: AbortSignal;
}

export async function perform(ctx: ActionContext, input: Group = {}): Promise<ActionResult<Grouped>> {
  const colour = input.colour ?? 'yellow';
  if (!isStickyColour(colour)) return refused('bad-colour');
  const label = input.label?.trim() ?? '';
  const clusterId = newId('c');
  let placed: PlacedCluster;
  try {
    placed = await ctx.board.placeCluster(clusterId, label, {
      ...(input.noteIds ? { noteIds: input.noteIds } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
    });
  } catch (e) {
    return failureOf(e, 'refused');
  }
  const r = groupNotes(ctx.doc, ctx.actor, { clusterId, noteIds: placed.noteIds, label, colour });
  if (!r.ok) {
    await ctx.board.removeClusterItems([clusterId]).catch(() => 0);
    return fromCore(r);
  }
  const { merged } = r.value;
  if (merged.length > 0) await ctx.board.removeClusterItems(merged).catch((e: unknown) => console.warn('Tryghed: a merged label stayed on the board', e));
  return { ok: true, value: { ...placed, clusterId, merged } };
}
