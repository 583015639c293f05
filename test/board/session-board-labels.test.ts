/**
 * Board and session never disagree after the last panel closes (issue 8): a label written just
 * before its panel was lost says more than the saved session; the next facilitator panel to
 * open corrects it from the session.
 */
import { describe, expect, it } from 'vitest';
import { contentText } from '../../src/board/session-board.js';
import { listClusters, renameCluster } from '../../src/core/session/index.js';
import { actor, ours, stickies, USER, world } from './session-board-support.js';

describe('cluster labels follow the saved session', () => {
  it('a label that says more than the session is written back from it; matching ones are left alone', async () => {
    const { host, link, doc } = world();
    host.setSelection(USER, stickies(host, ['a', 'b']));
    const first = await link.groupSelection(doc, actor, 'Arbejdspres');
    host.setSelection(USER, stickies(host, ['c', 'd'], { x: 3_000, y: 0 }));
    const second = await link.groupSelection(doc, actor, 'Pauser');
    // The board got the new name; the session as saved did not (the change was lost with its panel).
    await link.relabel(doc, actor, first.clusterId, 'Travlhed');
    renameCluster(doc, actor, { clusterId: first.clusterId, label: 'Arbejdspres' });
    const saved = doc;
    expect(contentText(host.item(first.labelId)!.content)).toBe('Travlhed');
    const calls = host.stats().totalCalls;
    expect(await link.correctLabels(saved)).toBe(1);
    expect(contentText(host.item(first.labelId)!.content)).toBe('Arbejdspres');
    expect(contentText(host.item(second.labelId)!.content)).toBe('Pauser');
    expect(host.stats().totalCalls - calls).toBeLessThanOrEqual(2); // one read of the labels, one write
    expect(await link.correctLabels(saved)).toBe(0);
    expect(ours(host, (m) => m.k === 'cluster-label')).toHaveLength(2);
    expect(listClusters(saved).map((c) => c.label).sort()).toEqual(['Arbejdspres', 'Pauser']);
  });
});
