/** The session board link's badges: one per voted target, in step with the tally, all or none under refusals. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoardLinkError } from '../../src/board/link-items.js';
import { contentText } from '../../src/board/session-board.js';
import { castVote, createRound, listClusters, openRound, revealRound, tally, withdrawVote, type TallyResult } from '../../src/core/session/index.js';
import type { StandInBoard } from '../../sandbox/host/stand-in.js';
import { overlaps } from '../../src/core/geometry.js';
import { actor, caught, group, markerOf, ours, round, stickies, USER, world } from './session-board-support.js';

describe('badges', () => {
  async function voted() {
    const w = world();
    const ids = stickies(w.host, ['a', 'b', 'c', 'd', 'e', 'f']);
    w.host.setSelection(USER, ids.slice(3, 6));
    const g = await group(w.ctx, 'Klynge');
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

describe('badges under any sequence of votes, moves and refusals (property)', () => {
  it('after every successful sync: exactly one badge per voted target, with its count and rank, beside it and over no note', async () => {
    const step = fc.record({
      op: fc.constantFrom('cast', 'cast', 'withdraw', 'move'),
      voter: fc.constantFrom('v1', 'v2', 'v3', 'v4'),
      target: fc.integer({ min: 0, max: 4 }),
      failAt: fc.option(fc.integer({ min: 1, max: 6 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const { host, link, doc, ctx } = world();
        const ids = stickies(host, ['a', 'b', 'c', 'd', 'e', 'f']);
        host.setSelection(USER, ids.slice(4));
        const g = await group(ctx, 'K');
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
            const refused = await link.syncBadges(tally(doc, roundId), listClusters(doc)).then(() => null, (e: unknown) => e);
            stop();
            // Refused exactly when the board refused one of its calls, and then as a BoardLinkError.
            if (n >= s.failAt) expect(refused).toBeInstanceOf(BoardLinkError);
            else expect(refused).toBeNull();
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
            // Beside its note (within a badge's reach), never over any note's text.
            const b = mine[0]!.absolute;
            for (const n of host.items().filter((i) => i.type === 'sticky_note')) expect(overlaps(b, n.absolute)).toBe(false);
            if (row.kind === 'note') {
              const r = host.absoluteRect(row.targetId);
              const near = { x: r.x - b.width - 10, y: r.y - b.height - 10, width: r.width + 2 * b.width + 20, height: r.height + 2 * b.height + 20 };
              expect(overlaps(b, near)).toBe(true);
            }
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
