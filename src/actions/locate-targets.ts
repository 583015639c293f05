/**
 * Where a round's targets are on the board, for the vote list's groups: the template and the
 * zone each note (or template card) sits in, or null for one outside every template. Read
 * from the board's index (no call once built). A cluster is not placed (it has its own group).
 */
import type { BoardNote, MarkedItem } from '../board/port.js';
import { centreIn } from '../core/geometry.js';
import type { TemplateId } from '../core/template/types.js';
import { isZoneElement } from '../core/template/zone-elements.js';
import { sitsIn } from '../core/template/zones.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export interface TargetPlace {
  template: TemplateId;
  /** The zone's element id (as voteableZones names it), or null outside every zone. */
  zone: string | null;
}

export async function perform(ctx: ActionContext, input: { ids: readonly string[] }): Promise<ActionResult<Record<string, TargetPlace | null>>> {
  try {
    const [notes, ours] = await Promise.all([ctx.board.getNotes(), ctx.board.findByMarker()]);
    const byId = new Map<string, BoardNote | MarkedItem>(notes.map((n) => [n.id, n]));
    for (const m of ours) byId.set(m.id, m);
    const frames = ours.filter((m) => m.kind === 'frame');
    const zones = ours.filter((m) => m.kind !== 'frame' && isZoneElement(m.marker.t, m.marker.e));
    const out: Record<string, TargetPlace | null> = {};
    for (const id of input.ids) {
      const item = byId.get(id);
      const frame = item && frames.find((f) => sitsIn(item, f));
      if (!item || !frame) {
        out[id] = null;
        continue;
      }
      // The zone of the same insertion its centre lies in (a zone that is itself the target, one of the deck's areas, sits under its template).
      const zone = zones.find((z) => z.marker.i === frame.marker.i && z.id !== id && centreIn(z.rect, item.rect));
      out[id] = { template: frame.marker.t, zone: zone?.marker.e ?? null };
    }
    return { ok: true, value: out };
  } catch (e) {
    console.warn('Tryghed: could not tell where the targets are', e);
    return refused('targets-failed');
  }
}
