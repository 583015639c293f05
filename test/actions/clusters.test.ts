/**
 * The grouping actions against the stand-in board: group tidies the selected notes into a
 * labelled area and then writes the cluster, or leaves board and doc as they were; ungroup,
 * merge and relabel keep the board's labels and badges in step with the doc.
 * (Moved here from test/board/session-board.test.ts with the use case.)
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { perform as groupAction } from '../../src/actions/group.js';
import { perform as tidy } from '../../src/actions/tidy-cluster.js';
import { perform as merge } from '../../src/actions/merge.js';
import { perform as relabel } from '../../src/actions/relabel.js';
import { perform as ungroup } from '../../src/actions/ungroup.js';
import { contentText } from '../../src/board/session-board.js';
import { contains, overlaps } from '../../src/core/geometry.js';
import { shapeTextFits } from '../../src/core/layout/text-metrics.js';
import { listClusters, tally } from '../../src/core/session/index.js';
import { smallLayout } from '../board/stand-in-setup.js';
import { expectTidy, group, markerOf, ours, round, stickies, USER, world } from '../board/session-board-support.js';

describe('grouping in place', () => {
  it('five selected stickies → one cluster of those five; they stay where they were, with a label beside them over nothing', async () => {
    const { host, doc, ctx } = world();
    const other = host.hostCreate(USER, 'sticky_note', { content: '<p>not selected</p>', x: 420, y: 260, width: 200 });
    const ids = stickies(host, ['Travlhed', 'Konflikter', 'Usikkerhed', 'Ensomhed', 'Tid']);
    const before = ids.map((id) => host.absoluteRect(id));
    host.setSelection(USER, ids);
    const out = await group(ctx, 'Arbejdspres');

    const clusters = listClusters(doc);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]).toMatchObject({ id: out.clusterId, label: 'Arbejdspres', createdBy: USER });
    expect(clusters[0]!.notes).toEqual([...ids].sort());
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
    const label = host.item(out.labelId)!;
    for (const i of host.items()) if (i.id !== label.id) expect(overlaps(label.absolute, i.absolute), i.id).toBe(false);
    expect(label.type).toBe('shape');
    expect(contentText(label.content)).toBe('Arbejdspres');
    expect(markerOf(host, out.labelId)).toEqual({ k: 'cluster-label', c: out.clusterId, v: 1 });
    expect(ours(host)).toHaveLength(1);
    expect(other.absolute).toEqual(host.item(other.id)!.absolute);
  });

  it('notes in two zones of a template stay in their zones; the label sits inside the zone, clear of its heading and cards', async () => {
    const { host, sdk, board, ctx } = world();
    const t = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const frame = (await sdk.board.getById(t.frameId)) as Parameters<typeof sdk.board.remove>[0] & { add(i: unknown): Promise<unknown> };
    const ids: string[] = [];
    for (const [x, y] of [[760, 560], [1000, 700], [200, 600]] as const) {
      const n = await sdk.board.createStickyNote({ content: '<p>vores</p>', x, y, width: 200 });
      await frame.add(n);
      ids.push(n.id);
    }
    const before = ids.map((id) => host.absoluteRect(id));
    host.setSelection(USER, ids.slice(0, 2));
    const first = await group(ctx);
    host.setSelection(USER, ids.slice(2));
    const second = await group(ctx, 'Fortsæt sådan');
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
    for (const id of ids) expect(host.item(id)!.parentId).toBe(t.frameId);
    const more = host.absoluteRect(t.ids['zone-more']!);
    const cont = host.absoluteRect(t.ids['zone-continue']!);
    expect(contains(more, host.absoluteRect(ids[0]!)) && contains(more, host.absoluteRect(ids[1]!)) && contains(cont, host.absoluteRect(ids[2]!))).toBe(true);
    for (const [out, zone] of [[first, more], [second, cont]] as const) {
      expect(out.insideBounds).toBe(true);
      const label = host.absoluteRect(out.labelId);
      expect(contains(zone, label)).toBe(true);
      expect(label.y).toBeGreaterThanOrEqual(zone.y + 40); // below the zone's own heading
      for (const card of ['card-1', 'card-2', 'card-3', 'card-4']) expect(overlaps(label, host.absoluteRect(t.ids[card]!))).toBe(false);
      for (const id of ids) expect(overlaps(label, host.absoluteRect(id))).toBe(false);
    }
    expect(contentText(host.item(first.labelId)!.content)).toBe('Tema');
  });

  it('nothing selected: a clear refusal, nothing changes', async () => {
    const { host, doc, ctx } = world();
    stickies(host, ['a']);
    expect(await groupAction(ctx, { label: 'x' })).toEqual({ ok: false, error: { code: 'no-selection' } });
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

describe('tidying a cluster (a command of its own)', () => {
  it('gathers the notes in a labelled area inside their zone; a refusal halfway puts them back', async () => {
    const { host, sdk, board, ctx } = world();
    const t = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const frame = (await sdk.board.getById(t.frameId)) as Parameters<typeof sdk.board.remove>[0] & { add(i: unknown): Promise<unknown> };
    const ids: string[] = [];
    for (const [x, y] of [[700, 500], [1050, 760]] as const) {
      const n = await sdk.board.createStickyNote({ content: '<p>vores</p>', x, y, width: 160 });
      await frame.add(n);
      ids.push(n.id);
    }
    host.setSelection(USER, ids);
    const grouped = await group(ctx, 'Pauser');
    const before = ids.map((id) => host.absoluteRect(id));
    let n = 0;
    host.failWhen((call) => call.method === 'item.sync' && ++n === 2);
    expect(await tidy(ctx, { clusterId: grouped.clusterId })).toEqual({ ok: false, error: { code: 'refused' } });
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
    host.failWhen(() => false);
    const r = await tidy(ctx, { clusterId: grouped.clusterId });
    if (!r.ok) throw new Error(r.error.code);
    const zone = host.absoluteRect(t.ids['zone-more']!);
    expect(contains(zone, r.value.area)).toBe(true);
    expectTidy(host, ids, r.value.area, r.value.labelId);
    expect(r.value.labelId).toBe(grouped.labelId);
    for (const id of ids) expect(host.item(id)!.parentId).toBe(t.frameId);
  });

  it('refuses, moving nothing, when the notes do not fit in their zone', async () => {
    const { host, sdk, board, ctx } = world();
    const t = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const frame = (await sdk.board.getById(t.frameId)) as Parameters<typeof sdk.board.remove>[0] & { add(i: unknown): Promise<unknown> };
    const ids: string[] = [];
    for (let k = 0; k < 6; k++) {
      const n = await sdk.board.createStickyNote({ content: '<p>x</p>', x: 700 + (k % 2) * 260, y: 480 + Math.floor(k / 2) * 110, width: 250 });
      await frame.add(n);
      ids.push(n.id);
    }
    host.setSelection(USER, ids);
    const grouped = await group(ctx, 'For mange');
    const before = ids.map((id) => host.absoluteRect(id));
    const r = await tidy(ctx, { clusterId: grouped.clusterId });
    expect(r.ok ? 'tidied' : r.error.code).toBe('no-room');
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
  });
});

describe('grouping anywhere, with refusals anywhere (property)', () => {
  it('either the notes stay put with a label beside them over nothing, or board and doc are as before', async () => {
    const spot = fc.record({ x: fc.integer({ min: -1500, max: 1500 }), y: fc.integer({ min: -1500, max: 1500 }) });
    await fc.assert(
      fc.asyncProperty(
        fc.array(spot, { minLength: 1, maxLength: 8 }),
        fc.array(spot, { maxLength: 8 }),
        fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
        async (mine, others, failAt) => {
          const { host, doc, ctx } = world();
          const ids = mine.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>n</p>', ...p, width: 200 }).id);
          others.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>o</p>', ...p, width: 150 }).id);
          const before = host.items().map((i) => [i.id, i.absolute]);
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
          expect(listClusters(doc).map((c) => c.notes)).toEqual([[...ids].sort()]);
          // Nothing moved; the label is the only new item and covers nothing.
          expect(host.items().filter((i) => i.id !== r.value.labelId).map((i) => [i.id, i.absolute])).toEqual(before);
          const label = host.absoluteRect(r.value.labelId);
          for (const [, rect] of before) expect(overlaps(label, rect as typeof label)).toBe(false);
        },
      ),
      { numRuns: 60 },
    );
  });
});
