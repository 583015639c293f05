/**
 * Board and session never disagree after the last panel closes (issue 8): a label written just
 * before its panel was lost says more than the saved session; the next facilitator panel to
 * open corrects it from the session (src/actions/correct-labels.ts).
 */
import { describe, expect, it } from 'vitest';
import { perform as correctLabels } from '../../src/actions/correct-labels.js';
import { contentText } from '../../src/board/session-board.js';
import { listClusters, renameCluster } from '../../src/core/session/index.js';
import { actor, group, ours, stickies, USER, world } from '../board/session-board-support.js';

describe('cluster labels follow the saved session', () => {
  it('a session without themes has no label to correct: the board is not read', async () => {
    const { host, ctx } = world();
    const calls = host.stats().totalCalls;
    expect(await correctLabels(ctx)).toEqual({ ok: true, value: { corrected: 0 } });
    expect(host.stats().totalCalls - calls).toBe(0);
  });

  it('a label that says more than the session is written back from it; matching ones are left alone', async () => {
    const { host, link, doc, ctx } = world();
    host.setSelection(USER, stickies(host, ['a', 'b']));
    const first = await group(ctx, 'Arbejdspres');
    host.setSelection(USER, stickies(host, ['c', 'd'], { x: 3_000, y: 0 }));
    const second = await group(ctx, 'Pauser');
    // The board got the new name; the session as saved did not (the change was lost with its panel).
    await link.relabelCluster(first.clusterId, 'Travlhed');
    renameCluster(doc, actor, { clusterId: first.clusterId, label: 'Arbejdspres' });
    expect(contentText(host.item(first.labelId)!.content)).toBe('Travlhed');
    // A participant's panel writes nothing.
    expect(await correctLabels({ ...ctx, actor: { userId: 'someone-else' } })).toEqual({ ok: true, value: { corrected: 0 } });
    const calls = host.stats().totalCalls;
    expect(await correctLabels(ctx)).toEqual({ ok: true, value: { corrected: 1 } });
    expect(contentText(host.item(first.labelId)!.content)).toBe('Arbejdspres');
    expect(contentText(host.item(second.labelId)!.content)).toBe('Pauser');
    expect(host.stats().totalCalls - calls).toBeLessThanOrEqual(2); // one read of the labels, one write
    expect(await correctLabels(ctx)).toEqual({ ok: true, value: { corrected: 0 } });
    expect(ours(host, (m) => m.k === 'cluster-label')).toHaveLength(2);
    expect(listClusters(doc).map((c) => c.label).sort()).toEqual(['Arbejdspres', 'Pauser']);
  });
});
