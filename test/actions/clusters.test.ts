/**
 * The grouping actions against the stand-in board: group tidies the selected notes into a
 * labelled area and then writes the cluster, or leaves board and doc as they were; ungroup,
 * merge and relabel keep the board's labels and badges in step with the doc.
 * (Moved here from test/board/session-board.test.ts with the use case.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { perform as groupAction } from '../../src/actions/group.js';
import { perform as merge } from '../../src/actions/merge.js';
import { perform as relabel } from '../../src/actions/relabel.js';
import { perform as ungroup } from '../../src/actions/ungroup.js';
import { contentText } from '../../src/board/session-board.js';
import { contains, overlaps } from '../../src/core/geometry.js';
import { shapeTextFits } from '../../src/core/layout/text-metrics.js';
import { listClusters, tally } from '../../src/core/session/index.js';
import { smallLayout } from '../board/stand-in-setup.js';
import { expectTidy, group, markerOf, ours, round, stickies, USER, world } from '../board/session-board-support.js';

describe('grouping', () => {
  it('five selected stickies → one cluster of those five; on the board they sit in the labelled area, apart', async () => {
    const { host, link, doc, ctx } = world();
    const other = host.hostCreate(USER, 'sticky_note', { content: '<p>not selected</p>', x: 420, y: 260, width: 200 });
    const ids = stickies(host, ['Travlhed', 'Konflikter', 'Usikkerhed', 'Ensomhed', 'Tid']);
    host.setSelection(USER, ids);
    const out = await group(ctx, 'Arbejdspres');

    const clusters = listClusters(doc);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ id: out.clusterId, label: 'Arbejdspres', createdBy: USER });
    expect(clusters[0]!.notes).toEqual([...ids].sort());
    expectTidy(host, ids, out.area, out.labelId);
    expect(overlaps(out.area, other.absolute)).toBe(false);
    const label = host.item(out.labelId)!;
    expect(label.type).toBe('shape');
    expect(contentText(label.content)).toBe('Arbejdspres');
    expect(markerOf(host, out.labelId)).toEqual({ k: 'cluster-label', c: out.clusterId, v: 1 });
    expect(ours(host)).toHaveLength(1);
  });

  it('notes in a template zone stay in the zone, clear of its cards, and stay in their frame', async () => {
    const { host, sdk, board, doc, ctx } = world();
    const t = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const frame = (await sdk.board.getById(t.frameId)) as Parameters<typeof sdk.board.remove>[0] & { add(i: unknown): Promise<unknown> };
    const ids: string[] = [];
    for (const [x, y] of [[760, 560], [1000, 700]] as const) {
      const n = await sdk.board.createStickyNote({ content: '<p>vores</p>', x, y, width: 200 });
      await frame.add(n);
      ids.push(n.id);
    }
    host.setSelection(USER, ids);
    const out = await group(ctx);
    const zone = host.absoluteRect(t.ids['zone-more']!);
    expect(out.insideBounds).toBe(true);
    expect(contains(zone, out.area)).toBe(true);
    for (const card of ['card-3', 'card-4']) expect(overlaps(out.area, host.absoluteRect(t.ids[card]!))).toBe(false);
    for (const id of ids) expect(host.item(id)!.parentId).toBe(t.frameId);
    expectTidy(host, ids, out.area, out.labelId);
    expect(contentText(host.item(out.labelId)!.content)).toBe('Tema');
  });

  it('nothing selected: a clear refusal, nothing changes', async () => {
    const { host, link, doc, ctx } = world();
    stickies(host, ['a']);
    expect(await groupAction(ctx, { label: 'x' })).toEqual({ ok: false, error: { code: 'no-selection' } });
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('a refusal halfway through the tidy puts notes, doc and board back', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b', 'c', 'd', 'e']);
    const before = ids.map((id) => host.absoluteRect(id));
    host.setSelection(USER, ids);
    let n = 0;
    host.failWhen((call) => call.method === 'item.sync' && ++n === 4);
    // Refused, and nothing left behind (no leftBehind parameter).
    expect(await groupAction(ctx, { label: 'Arbejdspres' })).toEqual({ ok: false, error: { code: 'refused' } });
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('regrouping every note of a cluster merges the emptied one in (its votes follow) and removes its label', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b', 'c']);
    host.setSelection(USER, ids);
    const first = await group(ctx, 'Første');
    const roundId = round(doc, [first.clusterId], { v1: [first.clusterId, first.clusterId] });
    host.setSelection(USER, ids);
    const second = await group(ctx, 'Anden');
    expect(second.merged).toEqual([first.clusterId]);
    const t = tally(doc, roundId);
    expect(t.visible && t.rows.map((r) => [r.targetId, r.votes])).toEqual([[second.clusterId, 2]]);
    expect(listClusters(doc).map((c) => c.id)).toEqual([second.clusterId]);
    expect(host.item(first.labelId)).toBeUndefined();
    expect(ours(host).map((i) => i.id)).toEqual([second.labelId]);
  });

  it('ungrouping leaves the notes where they are and removes the label and the cluster\'s badges', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b', 'c']);
    host.setSelection(USER, ids);
    const g = await group(ctx, 'Gruppe A');
    const roundId = round(doc, [g.clusterId], { v1: [g.clusterId] });
    await link.syncBadges(tally(doc, roundId), listClusters(doc));
    expect(ours(host, (m) => m.k === 'badge')).toHaveLength(1);
    const where = ids.map((id) => host.absoluteRect(id));
    expect(await ungroup(ctx, { clusterId: g.clusterId })).toEqual({ ok: true, value: { removed: 2 } });
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(where);
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('merging keeps the notes where they are, moves the votes, and takes the merged label and badges off the board', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b', 'c', 'd']);
    host.setSelection(USER, ids.slice(0, 2));
    const a = await group(ctx, 'A');
    host.setSelection(USER, ids.slice(2));
    const b = await group(ctx, 'B');
    const roundId = round(doc, [a.clusterId, b.clusterId], { v1: [a.clusterId, b.clusterId] });
    await link.syncBadges(tally(doc, roundId), listClusters(doc));
    const where = ids.map((id) => host.absoluteRect(id));
    expect(await merge(ctx, { from: [a.clusterId], into: b.clusterId })).toEqual({ ok: true, value: { removed: 2 } });
    expect(listClusters(doc).map((c) => [c.id, c.notes])).toEqual([[b.clusterId, [...ids].sort()]]);
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(where);
    expect(host.item(a.labelId)).toBeUndefined();
    const t = tally(doc, roundId);
    expect(t.visible && t.rows.map((r) => [r.targetId, r.votes])).toEqual([[b.clusterId, 2]]);
    await link.syncBadges(t, listClusters(doc));
    expect(ours(host, (m) => m.k === 'badge').map((x) => contentText(x.content))).toEqual(['2 · #1']);
  });

  it('relabel renames the cluster and its label', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b']);
    host.setSelection(USER, ids);
    const g = await group(ctx, 'Før');
    const was = host.absoluteRect(g.labelId);
    const long = 'Efter & mere: en meget længere etiket, der ikke kan stå på én linje i gruppens smalle overskrift';
    expect(await relabel(ctx, { clusterId: g.clusterId, label: long })).toEqual({ ok: true, value: null });
    expect(listClusters(doc)[0]!.label).toBe(long);
    expect(contentText(host.item(g.labelId)!.content)).toBe(long);
    // It grew upwards, so it still holds its text and covers none of the notes.
    const now = host.absoluteRect(g.labelId);
    expect(now.y + now.height).toBeCloseTo(was.y + was.height, 6);
    expect(shapeTextFits(long, 24, 'rectangle', now.width, now.height)).toBe(true);
    for (const id of ids) expect(overlaps(now, host.absoluteRect(id))).toBe(false);
  });
});

describe('grouping anywhere, with refusals anywhere (property)', () => {
  it('either the notes are tidy in a labelled area clear of the other stickies, or board and doc are as before', async () => {
    const spot = fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(spot, { minLength: 1, maxLength: 8 }),
        fc.array(spot, { maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        async (mine, others, failAt) => {
          const { host, link, doc, ctx } = world();
          const ids = mine.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>n</p>', ...p, width: 200 }).id);
          const rest = others.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>o</p>', ...p, width: 150 }).id);
          const before = host.items().map((i) => [i.id, i.absolute]);
          const restRects = rest.map((id) => host.absoluteRect(id));
          host.setSelection(USER, ids);
          let n = 0;
          if (failAt !== null) host.failWhen((c) => c.method !== 'board.get' && c.method !== 'board.getSelection' && ++n === failAt);
          const r = await groupAction(ctx, { label: 'Gruppe' });
          if (!r.ok) {
            expect(['refused', 'rate-limited']).toContain(r.error.code);
            expect(host.items().map((i) => [i.id, i.absolute])).toEqual(before);
            expect(listClusters(doc)).toEqual([]);
            return;
          }
          const out = r.value;
          expect(listClusters(doc).map((c) => c.notes)).toEqual([[...ids].sort()]);
          expectTidy(host, ids, out.area, out.labelId);
          // Other stickies may have stood where the notes were, but the area does not cover them.
          for (const r of restRects) expect(overlaps(out.area, r)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
