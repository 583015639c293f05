/**
 * What a new round can vote on, read from the board when the round is created: every cluster,
 * every sticky people wrote, the selected ones, those on one inserted template, or in one zone
 * of it (every copy of the template counts): people's stickies only, as the seed cards our
 * templates bring carry our marker. Or the deck's own items on the template alone (its seed
 * cards and its item areas: deckItemIds). Nothing on a private template (the plate) is ever a
 * target; how many notes were left out for that is told, so "no targets" can say why.
 */
import type { BoardNote, MarkedItem } from '../board/port.js';
import { centreIn } from '../core/geometry.js';
import { listClusters } from '../core/session/clusters.js';
import type { TemplateId } from '../core/template/types.js';
import { loadTemplate } from '../core/template/lazy-catalogue.js';
import { deckItemIds, isPrivateTemplate, sitsIn } from '../core/template/zones.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export type TargetSet = 'clusters' | 'notes' | 'selection' | { template: TemplateId } | { template: TemplateId; zone: string } | { template: TemplateId; cards: true };

export interface ScopeTargets {
  ids: readonly string[];
  privateLeftOut: number;
}

const isPrivateFrame = (m: MarkedItem) => m.kind === 'frame' && isPrivateTemplate(m.marker.t);

async function read(ctx: ActionContext, set: TargetSet): Promise<ScopeTargets> {
  if (set === 'clusters') return { ids: listClusters(ctx.doc).filter((c) => c.notes.length > 0).map((c) => c.id), privateLeftOut: 0 };
  if (typeof set === 'object' && isPrivateTemplate(set.template)) return { ids: [], privateLeftOut: 0 };
  const board = ctx.board;
  // The deck's items on the template (seed cards, item areas: the zone's shape), on every copy.
  if (typeof set === 'object' && 'cards' in set) {
    const items = [...deckItemIds(await loadTemplate(set.template))];
    const ours = (await board.findByMarker({ templateId: set.template })).filter((m) => m.kind !== 'frame' && items.includes(m.marker.e));
    // In the deck's order (copy by copy), as the vote list shows them.
    const rank = (m: MarkedItem) => items.indexOf(m.marker.e);
    ours.sort((a, b) => a.marker.i.localeCompare(b.marker.i) || rank(a) - rank(b));
    return { ids: ours.map((m) => m.id), privateLeftOut: 0 };
  }
  let notes: BoardNote[];
  let privateFrames: MarkedItem[] = [];
  if (set === 'selection') {
    notes = await ctx.host.selection();
    if (notes.length > 0) privateFrames = (await board.findMarkedFrames()).filter(isPrivateFrame);
  } else {
    const [all, ours] = await Promise.all([board.getNotes(), board.findByMarker(set === 'notes' ? {} : { templateId: set.template })]);
    const marked = new Set(ours.map((m) => m.id));
    notes = all.filter((n) => !marked.has(n.id));
    if (set === 'notes') privateFrames = ours.filter(isPrivateFrame);
    else if ('zone' in set) {
      // A sticky counts for the zone its centre lies in.
      const zones = ours.filter((m) => m.kind !== 'frame' && m.marker.e === set.zone);
      notes = notes.filter((n) => zones.some((z) => centreIn(z.rect, n.rect)));
    } else {
      const frames = new Set(ours.filter((m) => m.kind === 'frame').map((m) => m.id));
      notes = notes.filter((n) => n.parentId !== null && frames.has(n.parentId));
    }
  }
  const open = notes.filter((n) => !privateFrames.some((f) => sitsIn(n, f)));
  return { ids: open.map((n) => n.id), privateLeftOut: notes.length - open.length };
}

export async function perform(ctx: ActionContext, input: { set: TargetSet }): Promise<ActionResult<ScopeTargets>> {
  try {
    return { ok: true, value: await read(ctx, input.set) };
  } catch (e) {
    console.error('Tryghed: could not read the targets', e);
    return refused('targets-failed');
  }
}

/** The templates inserted on the board (one metadata read per frame), in catalogue order by the caller. */
export async function templatesOnBoard(ctx: ActionContext): Promise<ActionResult<TemplateId[]>> {
  try {
    const frames = await ctx.board.findMarkedFrames();
    return { ok: true, value: [...new Set(frames.map((f) => f.marker.t as TemplateId))] };
  } catch (e) {
    console.warn('Tryghed: could not list the templates on the board', e);
    return refused('targets-failed');
  }
}
