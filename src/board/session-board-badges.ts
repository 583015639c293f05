/**
 * Badges ("3 · #1") beside every voted note or cluster while a tally is visible (never over a
 * note: see core/layout/badges.ts), inside the lower corner of a voted area of the deck (a
 * zone: its label is at its top): kept in place
 * when unchanged, updated in place when moved or recounted, the new ones made all or none.
 */
import { centre, type Rect } from '../core/geometry.js';
import { planBadge } from '../core/layout/badges.js';
import type { TallyResult } from '../core/session/index.js';
import { isZoneElement } from '../core/template/zone-elements.js';
import { BatchFailure, BoardLinkError, contentText, createMarked, shapeCall, union } from './link-items.js';
import type { BadgeOutcome, ClusterNotes } from './session-board-port.js';
import type { SessionBoardItems } from './session-board-items.js';
import type { SdkBaseItem, SdkItem } from './sdk.js';

export async function syncBadges(items: SessionBoardItems, tally: TallyResult, clusters: readonly ClusterNotes[], signal?: AbortSignal): Promise<BadgeOutcome> {
  const { sdk, board } = items;
  const roundId = tally.roundId;
  const outcome: BadgeOutcome = { created: 0, updated: 0, removed: 0, unchanged: 0, badges: {} };
  try {
    const existing = await items.ours((m) => m.k === 'badge' && m.r === roundId, signal);
    const rows = tally.visible ? tally.rows.filter((r) => r.votes > 0) : [];
    const notesOf = new Map(clusters.map((c) => [c.id, c.notes]));
    const labels = rows.some((r) => r.kind === 'cluster') ? await items.ours((m) => m.k === 'cluster-label', signal) : [];
    const labelOf = new Map(labels.map(({ item, marker }) => [(marker as { c: string }).c, item.id]));
    const wanted = rows.flatMap((r) => (r.kind === 'note' ? [r.targetId] : [...(notesOf.get(r.targetId) ?? []), ...(labelOf.has(r.targetId) ? [labelOf.get(r.targetId)!] : [])]));
    // Every sticky on the board (from the board's index: no call once built) is something a badge must not cover.
    // Our marked items from the board's index too (no call once built): which targets are the deck's areas.
    const [{ rects }, notes, ours] = await Promise.all([items.rectsOf(wanted, signal), rows.length > 0 ? board.getNotes() : [], rows.length > 0 ? board.findByMarker() : []]);
    const areas = new Set(ours.filter((m) => m.kind === 'shape' && isZoneElement(m.marker.t, m.marker.e)).map((m) => m.id));

    const specs = new Map<string, ReturnType<typeof planBadge>>();
    const obstacles: Rect[] = notes.map((n) => n.rect);
    for (const row of rows) {
      const ids = row.kind === 'note' ? [row.targetId] : [...(notesOf.get(row.targetId) ?? []), labelOf.get(row.targetId)];
      const found = ids.map((id) => (id ? rects.get(id) : undefined)).filter((r): r is Rect => r !== undefined);
      if (found.length === 0) continue;
      const spec = planBadge(row.targetId, union(found), row, obstacles, row.kind === 'note' && areas.has(row.targetId));
      specs.set(row.targetId, spec);
      obstacles.push(spec.rect); // the next badge keeps clear of this one too
    }

    const stale: string[] = [];
    const updates: Array<Promise<void>> = [];
    const kept = new Set<string>();
    for (const { item, marker } of existing) {
      const target = (marker as { x: string }).x;
      const spec = specs.get(target);
      if (!spec || kept.has(target)) {
        stale.push(item.id);
        continue;
      }
      kept.add(target);
      outcome.badges[target] = item.id;
      const c = centre(spec.rect);
      const shape = item as SdkItem & { content: string };
      const absNow = { x: shape.x, y: shape.y };
      if (Math.abs(absNow.x - c.x) < 0.5 && Math.abs(absNow.y - c.y) < 0.5 && contentText(shape.content) === spec.text) {
        outcome.unchanged++;
        continue;
      }
      shape.x = c.x;
      shape.y = c.y;
      shape.content = spec.content;
      updates.push(items.call(() => item.sync(), signal).then(() => void outcome.updated++));
    }
    // Updates in place run beside the creations; the new badges are all made or none are.
    const updated = Promise.allSettled(updates);
    const creates = [...specs.values()].filter((s) => !kept.has(s.targetId));
    let made: SdkBaseItem[];
    try {
      made = await createMarked(sdk, board.gate, creates.map((s) => ({ call: shapeCall('badge', s, 'round_rectangle'), marker: { k: 'badge', r: roundId, x: s.targetId, v: 1 } })), signal);
    } finally {
      await updated;
    }
    made.forEach((item, i) => {
      const t = creates[i]!.targetId;
      items.remember(item.id, { k: 'badge', r: roundId, x: t, v: 1 });
      outcome.badges[t] = item.id;
    });
    outcome.created = made.length;
    const failed = (await updated).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    outcome.removed = await items.removeOurs(stale, 'badges');
    return outcome;
  } catch (e) {
    throw BoardLinkError.from('badges', e instanceof BatchFailure ? e.cause : e, e instanceof BatchFailure ? e.leftBehind : []);
  }
}

export async function clearBadges(items: SessionBoardItems, roundId?: string): Promise<number> {
  try {
    const mine = await items.ours((m) => m.k === 'badge' && (roundId === undefined || m.r === roundId));
    return await items.removeOurs(mine.map((m) => m.item.id), 'badges');
  } catch (e) {
    throw BoardLinkError.from('badges', e);
  }
}
