import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { BoardLinkError, contentText, WebSdkSessionBoard } from '../../src/board/session-board.js';
import { followBadges } from '../../src/board/badge-follower.js';
import { decodeLinkMarker, encodeLinkMarker, type LinkMarker } from '../../src/board/link-items.js';
import { decodeMarker } from '../../src/board/marker.js';
import { MARKER_KEY } from '../../src/board/marker.js';
import { contains, overlaps, type Rect } from '../../src/core/geometry.js';
import { shapeTextFits } from '../../src/core/layout/text-metrics.js';
import {
  castVote, createRound, listClusters, openRound, revealRound, startSession, tally, withdrawVote, type TallyResult,
} from '../../src/core/session/index.js';
import type { StandInBoard } from '../../sandbox/host/stand-in.js';
import { setup, smallLayout, USER } from './stand-in-setup.js';

const actor = { userId: USER };

function world() {
  const { host, sdk, board } = setup();
  const link = new WebSdkSessionBoard(sdk, { board, lang: 'da' });
  const doc = new Y.Doc();
  startSession(doc, actor, { now: 1 });
  return { host, sdk, board, link, doc };
}

/** Participants' stickies, scattered, top-level. */
function stickies(host: StandInBoard, texts: string[], at = { x: 0, y: 0 }): string[] {
  const spots = [[0, 0], [520, 60], [140, 430], [640, 380], [300, 180], [900, 0], [900, 400]];
  return texts.map((t, i) => host.hostCreate(USER, 'sticky_note', { content: `<p>${t}</p>`, x: at.x + spots[i]![0]!, y: at.y + spots[i]![1]!, width: 200 }).id);
}

function ours(host: StandInBoard, which: (m: LinkMarker) => boolean = () => true) {
  return host.items().filter((i) => {
    const m = decodeLinkMarker(i.metadata[host.appId]?.[MARKER_KEY]);
    return m !== null && which(m);
  });
}
const markerOf = (host: StandInBoard, id: string) => decodeLinkMarker(host.item(id)!.metadata[host.appId]?.[MARKER_KEY]);

async function caught(p: Promise<unknown>): Promise<BoardLinkError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BoardLinkError);
    return e as BoardLinkError;
  }
  throw new Error('expected a rejection');
}

function expectTidy(host: StandInBoard, noteIds: string[], area: Rect, labelId: string) {
  const label = host.absoluteRect(labelId);
  expect(contains(area, label, 1e-6)).toBe(true);
  noteIds.forEach((id, i) => {
    const r = host.absoluteRect(id);
    expect(contains(area, r, 1e-6), id).toBe(true);
    expect(overlaps(r, label)).toBe(false);
    for (const other of noteIds.slice(i + 1)) expect(overlaps(r, host.absoluteRect(other))).toBe(false);
  });
}

/** A live, named round over `targets`, k voters needed; `votes` = per voter, the targets they vote for. */
function round(doc: Y.Doc, targets: string[], votes: Record<string, string[]>, k = 1) {
  const r = createRound(doc, actor, { question: 'Hvad skal vi tale mere om?', scope: { kind: 'selection' }, targets, anonymity: 'named', visibility: 'live', k, budget: 5, cap: 3 });
  if (!r.ok) throw new Error(r.message);
  const roundId = r.value.roundId;
  openRound(doc, actor, { roundId });
  for (const [voter, ts] of Object.entries(votes)) for (const t of ts) expect(castVote(doc, { roundId, ballotKey: voter, targetId: t }).ok).toBe(true);
  return roundId;
}

describe('link markers', () => {
  it('round-trip, fit item metadata, and are never mistaken for template markers (nor the other way round)', () => {
    const id19 = '3458764000000000001';
    const markers: LinkMarker[] = [
      { k: 'badge', r: 'r1a2b3c4d5e', x: id19, v: 1 },
      { k: 'results', r: 'r1a2b3c4d5e', e: 'participation', v: 1 },
      { k: 'cluster-label', c: 'c1a2b3c4d5e', v: 1 },
    ];
    for (const m of markers) {
      const enc = encodeLinkMarker(m);
      expect(new TextEncoder().encode(JSON.stringify(enc)).length).toBeLessThanOrEqual(256);
      expect(decodeLinkMarker(enc)).toEqual(m);
      expect(decodeMarker(enc)).toBeNull();
    }
    expect(decodeLinkMarker({ t: 'practice', e: 'frame', i: 'abc', v: 1 })).toBeNull();
    expect(decodeLinkMarker({ k: 'badge', r: 'r', v: 1 })).toBeNull();
    expect(() => encodeLinkMarker({ k: 'cluster-label', c: 'x'.repeat(300), v: 1 })).toThrow(RangeError);
  });
});

describe('grouping', () => {
  it('five selected stickies → one cluster of those five; on the board they sit in the labelled area, apart', async () => {
    const { host, link, doc } = world();
    const other = host.hostCreate(USER, 'sticky_note', { content: '<p>not selected</p>', x: 420, y: 260, width: 200 });
    const ids = stickies(host, ['Travlhed', 'Konflikter', 'Usikkerhed', 'Ensomhed', 'Tid']);
    host.setSelection(USER, ids);
    const out = await link.groupSelection(doc, actor, 'Arbejdspres');

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
    const { host, sdk, board, link, doc } = world();
    const t = await board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const frame = (await sdk.board.getById(t.frameId)) as Parameters<typeof sdk.board.remove>[0] & { add(i: unknown): Promise<unknown> };
    const ids: string[] = [];
    for (const [x, y] of [[760, 560], [1000, 700]] as const) {
      const n = await sdk.board.createStickyNote({ content: '<p>vores</p>', x, y, width: 200 });
      await frame.add(n);
      ids.push(n.id);
    }
    host.setSelection(USER, ids);
    const out = await link.groupSelection(doc, actor);
    const zone = host.absoluteRect(t.ids['zone-more']!);
    expect(out.insideBounds).toBe(true);
    expect(contains(zone, out.area)).toBe(true);
    for (const card of ['card-3', 'card-4']) expect(overlaps(out.area, host.absoluteRect(t.ids[card]!))).toBe(false);
    for (const id of ids) expect(host.item(id)!.parentId).toBe(t.frameId);
    expectTidy(host, ids, out.area, out.labelId);
    expect(contentText(host.item(out.labelId)!.content)).toBe('Gruppe');
  });

  it('nothing selected: a clear refusal, nothing changes', async () => {
    const { host, link, doc } = world();
    stickies(host, ['a']);
    const err = await caught(link.groupSelection(doc, actor, 'x'));
    expect(err.code).toBe('no-selection');
    expect(err.textIn('en')).toContain('Select at least one sticky note');
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('a refusal halfway through the tidy puts notes, doc and board back', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b', 'c', 'd', 'e']);
    const before = ids.map((id) => host.absoluteRect(id));
    host.setSelection(USER, ids);
    let n = 0;
    host.failWhen((call) => call.method === 'item.sync' && ++n === 4);
    const err = await caught(link.groupSelection(doc, actor, 'Arbejdspres'));
    expect(err.code).toBe('refused');
    expect(err.leftBehind).toEqual([]);
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(before);
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('regrouping every note of a cluster merges the emptied one in (its votes follow) and removes its label', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b', 'c']);
    host.setSelection(USER, ids);
    const first = await link.groupSelection(doc, actor, 'Første');
    const roundId = round(doc, [first.clusterId], { v1: [first.clusterId, first.clusterId] });
    host.setSelection(USER, ids);
    const second = await link.groupSelection(doc, actor, 'Anden');
    expect(second.merged).toEqual([first.clusterId]);
    const t = tally(doc, roundId);
    expect(t.visible && t.rows.map((r) => [r.targetId, r.votes])).toEqual([[second.clusterId, 2]]);
    expect(listClusters(doc).map((c) => c.id)).toEqual([second.clusterId]);
    expect(host.item(first.labelId)).toBeUndefined();
    expect(ours(host).map((i) => i.id)).toEqual([second.labelId]);
  });

  it('ungrouping leaves the notes where they are and removes the label and the cluster\'s badges', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b', 'c']);
    host.setSelection(USER, ids);
    const g = await link.groupSelection(doc, actor, 'Gruppe A');
    const roundId = round(doc, [g.clusterId], { v1: [g.clusterId] });
    await link.syncBadges(tally(doc, roundId), listClusters(doc));
    expect(ours(host, (m) => m.k === 'badge')).toHaveLength(1);
    const where = ids.map((id) => host.absoluteRect(id));
    const out = await link.ungroup(doc, actor, g.clusterId);
    expect(out.removed).toBe(2);
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(where);
    expect(listClusters(doc)).toEqual([]);
    expect(ours(host)).toEqual([]);
  });

  it('merging keeps the notes where they are, moves the votes, and takes the merged label and badges off the board', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b', 'c', 'd']);
    host.setSelection(USER, ids.slice(0, 2));
    const a = await link.groupSelection(doc, actor, 'A');
    host.setSelection(USER, ids.slice(2));
    const b = await link.groupSelection(doc, actor, 'B');
    const roundId = round(doc, [a.clusterId, b.clusterId], { v1: [a.clusterId, b.clusterId] });
    await link.syncBadges(tally(doc, roundId), listClusters(doc));
    const where = ids.map((id) => host.absoluteRect(id));
    expect(await link.merge(doc, actor, [a.clusterId], b.clusterId)).toEqual({ removed: 2 });
    expect(listClusters(doc).map((c) => [c.id, c.notes])).toEqual([[b.clusterId, [...ids].sort()]]);
    expect(ids.map((id) => host.absoluteRect(id))).toEqual(where);
    expect(host.item(a.labelId)).toBeUndefined();
    const t = tally(doc, roundId);
    expect(t.visible && t.rows.map((r) => [r.targetId, r.votes])).toEqual([[b.clusterId, 2]]);
    await link.syncBadges(t, listClusters(doc));
    expect(ours(host, (m) => m.k === 'badge').map((x) => contentText(x.content))).toEqual(['2 · #1']);
  });

  it('relabel renames the cluster and its label', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b']);
    host.setSelection(USER, ids);
    const g = await link.groupSelection(doc, actor, 'Før');
    const was = host.absoluteRect(g.labelId);
    const long = 'Efter & mere: en meget længere etiket, der ikke kan stå på én linje i gruppens smalle overskrift';
    await link.relabel(doc, actor, g.clusterId, long);
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
          const { host, link, doc } = world();
          const ids = mine.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>n</p>', ...p, width: 200 }).id);
          const rest = others.map((p) => host.hostCreate(USER, 'sticky_note', { content: '<p>o</p>', ...p, width: 150 }).id);
          const before = host.items().map((i) => [i.id, i.absolute]);
          const restRects = rest.map((id) => host.absoluteRect(id));
          host.setSelection(USER, ids);
          let n = 0;
          if (failAt !== null) host.failWhen((c) => c.method !== 'board.get' && c.method !== 'board.getSelection' && ++n === failAt);
          let out;
          try {
            out = await link.groupSelection(doc, actor, 'Gruppe');
          } catch (e) {
            expect(e).toBeInstanceOf(BoardLinkError);
            expect(host.items().map((i) => [i.id, i.absolute])).toEqual(before);
            expect(listClusters(doc)).toEqual([]);
            return;
          }
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

describe('badges', () => {
  async function voted() {
    const w = world();
    const ids = stickies(w.host, ['a', 'b', 'c', 'd', 'e', 'f']);
    w.host.setSelection(USER, ids.slice(3, 6));
    const g = await w.link.groupSelection(w.doc, actor, 'Klynge');
    // a: 3 votes, b: 2, cluster (d,e,f): 3, c: none.
    const roundId = round(w.doc, [...ids.slice(0, 3), g.clusterId], { v1: [ids[0]!, ids[0]!, ids[1]!], v2: [ids[0]!, ids[1]!, g.clusterId], v3: [g.clusterId, g.clusterId] }, 2);
    return { ...w, ids, g, roundId };
  }

  const badgeTexts = (host: StandInBoard, roundId: string) =>
    Object.fromEntries(ours(host, (m) => m.k === 'badge' && m.r === roundId).map((i) => [(markerOf(host, i.id) as { x: string }).x, contentText(i.content)]));

  it('one badge per voted target with count and rank, ties as "="; at the target\'s corner', async () => {
    const { host, link, doc, ids, g, roundId } = await voted();
    const t = tally(doc, roundId);
    const out = await link.syncBadges(t, listClusters(doc));
    expect(out).toMatchObject({ created: 3, updated: 0, removed: 0 });
    expect(badgeTexts(host, roundId)).toEqual({ [ids[0]!]: '3 · =1', [g.clusterId]: '3 · =1', [ids[1]!]: '2 · #3' });
    const badge = host.item(out.badges[ids[0]!]!)!;
    const note = host.absoluteRect(ids[0]!);
    expect(badge.absolute.x + badge.absolute.width).toBeCloseTo(note.x + note.width, 6);
    expect(badge.absolute.y).toBeLessThan(note.y);
    // The cluster's badge sits at the corner of its labelled area.
    const cb = host.item(out.badges[g.clusterId]!)!.absolute;
    expect(cb.x + cb.width).toBeCloseTo(g.area.x + g.area.width, 6);
    for (const b of ours(host, (m) => m.k === 'badge')) expect(b.type).toBe('shape');
  });

  it('a changed tally updates the badges in place; moved notes take their badge along; hidden removes them', async () => {
    const { host, link, doc, ids, g, roundId } = await voted();
    const first = await link.syncBadges(tally(doc, roundId), listClusters(doc));
    const count = host.items().length;
    expect(withdrawVote(doc, { roundId, ballotKey: 'v1', targetId: ids[0]! }).ok).toBe(true);
    expect(castVote(doc, { roundId, ballotKey: 'v3', targetId: ids[1]! }).ok).toBe(true);
    host.hostUpdate(ids[1]!, { x: 3000, y: 3000 });
    const second = await link.syncBadges(tally(doc, roundId), listClusters(doc));
    expect(second).toMatchObject({ created: 0, removed: 0 });
    expect(second).toMatchObject({ updated: 2, unchanged: 1 });
    expect(host.items().length).toBe(count);
    expect(second.badges).toEqual(first.badges);
    expect(badgeTexts(host, roundId)).toEqual({ [ids[0]!]: '2 · #3', [g.clusterId]: '3 · =1', [ids[1]!]: '3 · =1' });
    const t = tally(doc, roundId) as Extract<TallyResult, { visible: true }>;
    for (const row of t.rows.filter((r) => r.votes > 0)) {
      expect(badgeTexts(host, roundId)[row.targetId]).toBe(`${row.votes} · ${row.tied ? '=' : '#'}${row.rank}`);
    }
    const moved = host.absoluteRect(ids[1]!);
    const b1 = host.item(second.badges[ids[1]!]!)!.absolute;
    expect(b1.x + b1.width).toBeCloseTo(moved.x + moved.width, 6);
    // Unchanged tally: nothing to do.
    expect(await link.syncBadges(tally(doc, roundId), listClusters(doc))).toMatchObject({ created: 0, updated: 0, removed: 0, unchanged: 3 });

    // Fewer than k respondents: the tally hides, and so do the badges.
    for (const t of [ids[0]!, ids[1]!, g.clusterId]) withdrawVote(doc, { roundId, ballotKey: 'v2', targetId: t });
    for (const t of [g.clusterId, g.clusterId, ids[1]!]) withdrawVote(doc, { roundId, ballotKey: 'v3', targetId: t });
    const hidden = tally(doc, roundId);
    expect(hidden.visible).toBe(false);
    expect(await link.syncBadges(hidden, listClusters(doc))).toMatchObject({ removed: 3, created: 0 });
    expect(ours(host, (m) => m.k === 'badge')).toEqual([]);
  });

  it('two syncs at once make one badge per target, and an unchanged sync costs two reads', async () => {
    const { host, link, doc, roundId } = await voted();
    const t = tally(doc, roundId);
    await Promise.all([link.syncBadges(t, listClusters(doc)), link.syncBadges(t, listClusters(doc))]);
    expect(ours(host, (m) => m.k === 'badge')).toHaveLength(3);
    host.resetStats();
    await link.syncBadges(t, listClusters(doc));
    // The badges, the cluster labels, the notes and labels they sit on: three reads, nothing written.
    expect(host.stats().totalCalls).toBeLessThanOrEqual(3);
    expect(host.stats().calls['item.sync'] ?? 0).toBe(0);
  });

  it('a hidden round shows no badges until it is revealed; clearBadges removes them', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b']);
    const r = createRound(doc, actor, { question: 'Q', scope: { kind: 'selection' }, targets: ids, anonymity: 'named', visibility: 'hidden', k: 1 });
    const roundId = r.ok ? r.value.roundId : '';
    openRound(doc, actor, { roundId });
    castVote(doc, { roundId, ballotKey: 'v1', targetId: ids[0]! });
    expect((await link.syncBadges(tally(doc, roundId), [])).created).toBe(0);
    revealRound(doc, actor, { roundId });
    expect((await link.syncBadges(tally(doc, roundId), [])).created).toBe(1);
    expect(await link.clearBadges(roundId)).toBe(1);
    expect(ours(host)).toEqual([]);
  });

  it('rate-limit refusals are retried and the badges still come out right', async () => {
    const { host, board, link, doc, ids, roundId } = await voted();
    const retries = board.gate.stats.retries;
    host.injectRateLimitErrors({ next: 4 });
    await link.syncBadges(tally(doc, roundId), listClusters(doc));
    expect(board.gate.stats.retries - retries).toBe(4);
    expect(Object.keys(badgeTexts(host, roundId)).sort()).toEqual([ids[0]!, ids[1]!, listClusters(doc)[0]!.id].sort());
  });

  it('a refusal while creating badges leaves none of the new ones behind', async () => {
    const { host, link, doc, roundId } = await voted();
    let n = 0;
    host.failWhen((call) => call.method === 'board.createShape' && ++n === 2);
    const err = await caught(link.syncBadges(tally(doc, roundId), listClusters(doc)));
    expect(err.code).toBe('refused');
    expect(ours(host, (m) => m.k === 'badge')).toEqual([]);
  });
});

describe('followBadges', () => {
  it('keeps the badges in step with the doc after the changes settle, until stopped', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['a', 'b']);
    const roundId = round(doc, ids, {});
    const seen: unknown[] = [];
    const stop = followBadges(link, doc, roundId, { debounceMs: 5, onSync: (o, e) => seen.push(o ?? e) });
    const badges = () => ours(host, (m) => m.k === 'badge').map((b) => contentText(b.content)).sort();
    castVote(doc, { roundId, ballotKey: 'v1', targetId: ids[0]! });
    castVote(doc, { roundId, ballotKey: 'v1', targetId: ids[0]! });
    castVote(doc, { roundId, ballotKey: 'v2', targetId: ids[1]! });
    await expect.poll(badges).toEqual(['1 · #2', '2 · #1']);
    // Two syncs: the first at once (nothing voted yet), one after the three votes settled.
    expect(seen).toHaveLength(2);
    stop();
    castVote(doc, { roundId, ballotKey: 'v3', targetId: ids[1]! });
    await new Promise((r) => setTimeout(r, 30));
    expect(badges()).toEqual(['1 · #2', '2 · #1']);
  });
});

describe('badges under any sequence of votes, moves and refusals (property)', () => {
  it('after every successful sync: exactly one badge per voted target, with its count and rank, at its corner', async () => {
    const step = fc.record({
      op: fc.constantFrom('cast', 'cast', 'withdraw', 'move'),
      voter: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
      target: fc.integer({ min: 0, max: 4 }),
      failAt: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { host, link, doc } = world();
        const ids = stickies(host, ['a', 'b', 'c', 'd', 'e', 'f']);
        host.setSelection(USER, ids.slice(4));
        const g = await link.groupSelection(doc, actor, 'K');
        const targets = [...ids.slice(0, 4), g.clusterId];
        const roundId = round(doc, targets, {}, 2);
        for (const s of steps) {
          const t = targets[s.target]!;
          if (s.op === 'cast') castVote(doc, { roundId, ballotKey: s.voter, targetId: t });
          if (s.op === 'withdraw') withdrawVote(doc, { roundId, ballotKey: s.voter, targetId: t });
          if (s.op === 'move' && s.target < 4) host.hostUpdate(t, { x: 2000 + 300 * s.target, y: -800 });
          if (s.failAt !== null) {
            let n = 0;
            const stop = host.failWhen((c) => ['board.createShape', 'item.sync', 'item.setMetadata', 'board.remove'].includes(c.method) && ++n === s.failAt);
            await link.syncBadges(tally(doc, roundId), listClusters(doc)).catch((e) => expect(e).toBeInstanceOf(BoardLinkError));
            stop();
          }
          await link.syncBadges(tally(doc, roundId), listClusters(doc));
          const now = tally(doc, roundId);
          const badges = ours(host, (m) => m.k === 'badge');
          const want = now.visible ? now.rows.filter((r) => r.votes > 0) : [];
          expect(badges).toHaveLength(want.length);
          for (const row of want) {
            const mine = badges.filter((b) => (markerOf(host, b.id) as { x: string }).x === row.targetId);
            expect(mine).toHaveLength(1);
            expect(contentText(mine[0]!.content)).toBe(`${row.votes} · ${row.tied ? '=' : '#'}${row.rank}`);
            if (row.kind === 'note') {
              const r = host.absoluteRect(row.targetId);
              expect(mine[0]!.absolute.x + mine[0]!.absolute.width).toBeCloseTo(r.x + r.width, 6);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('results frame', () => {
  async function revealed() {
    const w = world();
    const t = await w.board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const ids = stickies(w.host, ['Mere sparring', 'Faste pauser', 'Walk & talk', 'Tid til refleksion'], { x: 0, y: 2000 });
    const roundId = round(w.doc, ids, { v1: [ids[0]!, ids[0]!, ids[1]!], v2: [ids[0]!, ids[2]!], v3: [ids[1]!, ids[2]!] });
    return { ...w, t, ids, roundId };
  }
  const texts = (host: StandInBoard, frameId: string) => host.items().filter((i) => i.parentId === frameId && i.type === 'text').map((i) => contentText(i.content));

  it('writes the question, ranked bars, date and n of N beside the template; a second show replaces the first', async () => {
    const { host, link, doc, t, ids, roundId } = await revealed();
    const meta = { question: 'Hvad skal vi tale mere om?', eligible: 5, date: new Date(2026, 10, 27, 12), besideTemplate: 'practice' as const };
    const first = await link.showResults(roundId, tally(doc, roundId), meta);
    const frame = host.item(first.frameId)!;
    expect(frame.type).toBe('frame');
    expect(frame.absolute.x).toBeGreaterThan(t.frame.x + t.frame.width);
    expect(overlaps(frame.absolute, t.frame)).toBe(false);
    expect(markerOf(host, first.frameId)).toEqual({ k: 'results', r: roundId, e: 'frame', v: 1 });
    const txt = texts(host, first.frameId);
    expect(txt).toEqual(expect.arrayContaining(['Hvad skal vi tale mere om?', '1.', 'Mere sparring', '3', 'delt 2.', 'Faste pauser', 'Walk & talk', '2', '27. november 2026', '3 af 5 har stemt']));
    expect(txt).not.toContain('Tid til refleksion');
    const bars = host.items().filter((i) => i.parentId === first.frameId && i.type === 'shape');
    expect(bars).toHaveLength(3);
    for (const b of bars) expect(contains(frame.absolute, b.absolute, 1e-6)).toBe(true);
    expect(bars[1]!.width / bars[0]!.width).toBeCloseTo(2 / 3, 6);

    // More votes, show again: one frame, in the same place, with the new numbers.
    castVote(doc, { roundId, ballotKey: 'v4', targetId: ids[3]! });
    const second = await link.showResults(roundId, tally(doc, roundId), { ...meta, lang: 'en' });
    expect(second.replaced).toBe(1);
    expect(host.item(first.frameId)).toBeUndefined();
    const frames = ours(host, (m) => m.k === 'results').filter((i) => i.type === 'frame');
    expect(frames.map((f) => f.id)).toEqual([second.frameId]);
    expect(host.item(second.frameId)!.absolute).toMatchObject({ x: frame.absolute.x, y: frame.absolute.y });
    expect(texts(host, second.frameId)).toEqual(expect.arrayContaining(['4 of 5 voted', 'Tid til refleksion', '1st', 'tied 2nd']));
    // Nothing of the first frame is left.
    expect(host.items().filter((i) => i.parentId === first.frameId)).toEqual([]);
    expect(await link.hideResults(roundId)).toBe(1);
    expect(ours(host)).toEqual([]);
  });

  it('a refusal halfway through leaves nothing behind, and an earlier frame stays as it was', async () => {
    const { host, link, doc, roundId } = await revealed();
    const meta = { question: 'Q?', eligible: 3, zoom: false };
    const first = await link.showResults(roundId, tally(doc, roundId), meta);
    const before = host.items().map((i) => i.id);
    let n = 0;
    host.failWhen((call) => call.method === 'board.createShape' && ++n === 2);
    const err = await caught(link.showResults(roundId, tally(doc, roundId), meta));
    expect(err.code).toBe('refused');
    expect(err.textIn('da')).toContain('Boardet er som før');
    expect(host.items().map((i) => i.id)).toEqual(before);
    expect(ours(host, (m) => m.k === 'results').filter((i) => i.type === 'frame').map((f) => f.id)).toEqual([first.frameId]);
  });

  it('names clusters by their label on the board, notes by their text, and never shows n of N with N < n', async () => {
    const { host, link, doc } = world();
    const ids = stickies(host, ['Pauser', 'a', 'b']);
    host.setSelection(USER, ids.slice(1));
    const g = await link.groupSelection(doc, actor, 'Sparring i teamet');
    const roundId = round(doc, [ids[0]!, g.clusterId], { v1: [g.clusterId, g.clusterId, ids[0]!], v2: [ids[0]!] });
    const out = await link.showResults(roundId, tally(doc, roundId), { question: 'Q', eligible: 1, lang: 'en', zoom: false });
    expect(texts(host, out.frameId)).toEqual(expect.arrayContaining(['Sparring i teamet', 'Pauser', '2 of 2 voted']));
    const again = await link.showResults(roundId, tally(doc, roundId), { question: 'Q', eligible: 0, labels: { [g.clusterId]: 'Fra doc' }, lang: 'da', zoom: false });
    expect(texts(host, again.frameId)).toEqual(expect.arrayContaining(['Fra doc', '2 har stemt']));
  });

  it('cancelling halfway (abort) removes what was made', async () => {
    const { host, link, doc, roundId } = await revealed();
    const before = host.items().map((i) => i.id);
    host.latencyMs = 2;
    const ac = new AbortController();
    let created = 0;
    host.onChange((c) => c.kind === 'create' && ++created === 5 && ac.abort());
    const err = await caught(link.showResults(roundId, tally(doc, roundId), { question: 'Q?', signal: ac.signal }));
    expect(err.code).toBe('aborted');
    expect(err.textIn('en')).toBe('Cancelled. The board is as it was.');
    expect(host.items().map((i) => i.id)).toEqual(before);
  });

  it('refuses a tally that is not visible', async () => {
    const { link, doc } = world();
    const r = createRound(doc, actor, { question: 'Q', scope: { kind: 'selection' }, targets: ['1'], k: 3 });
    const roundId = r.ok ? r.value.roundId : '';
    const err = await caught(link.showResults(roundId, tally(doc, roundId), { question: 'Q' }));
    expect(err.code).toBe('not-visible');
  });
});
