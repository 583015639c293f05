/**
 * Badges follow the visible tally: one implementation (src/actions/follow-badges.ts), run by
 * the facilitator's panel only, synced after changes settle, and no board call when nothing
 * changed. (Moved here from test/board/session-board-badges.test.ts with the use case.)
 */
import { describe, expect, it } from 'vitest';
import { follow, perform as syncBadges } from '../../src/actions/follow-badges.js';
import { contentText } from '../../src/board/session-board.js';
import { castVote } from '../../src/core/session/index.js';
import { ours, round, stickies, world } from '../board/session-board-support.js';

describe('follow badges', () => {
  it('keeps the badges in step with the doc after the changes settle, until stopped', async () => {
    const { host, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b']);
    const roundId = round(doc, ids, {});
    const seen: unknown[] = [];
    const stop = follow(ctx, { debounceMs: 5, onSync: (r) => seen.push(r) });
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

  it('an unchanged tally costs no board call; only the facilitator draws', async () => {
    const { host, doc, ctx } = world();
    const ids = stickies(host, ['a', 'b']);
    const roundId = round(doc, ids, { v1: [ids[0]!] });
    const state = { key: '' };
    const first = await syncBadges(ctx, state);
    expect(first.ok && first.value?.created).toBe(1);
    const calls = host.stats().totalCalls;
    expect(await syncBadges(ctx, state)).toEqual({ ok: true, value: null });
    expect(host.stats().totalCalls).toBe(calls);
    castVote(doc, { roundId, ballotKey: 'v2', targetId: ids[1]! });
    const participant = { ...ctx, actor: { userId: 'someone-else' } };
    expect(await syncBadges(participant, { key: '' })).toEqual({ ok: true, value: null });
    expect(ours(host, (m) => m.k === 'badge')).toHaveLength(1);
  });
});
