import { describe, expect, it } from 'vitest';
import { averageLinkage, clusterByThreshold, cutAt } from '../../src/suggest/cluster.js';

function matrix(n: number, pairs: [number, number, number][]): Float64Array {
  const s = new Float64Array(n * n);
  for (const [a, b, v] of pairs) s[a * n + b] = s[b * n + a] = v;
  return s;
}

describe('average-linkage clustering with a threshold', () => {
  it('joins what is near, leaves a singleton alone', () => {
    const s = matrix(5, [[0, 1, 0.9], [0, 2, 0.6], [1, 2, 0.7], [3, 4, 0.1]]);
    expect(clusterByThreshold(s, 5, 0.5)).toEqual([[0, 1, 2], [3], [4]]);
  });
  it('uses the average, not the nearest pair: one close note does not pull a group in', () => {
    // 3 is close to 0 only; the average over {0,1,2} is (0.9 + 0 + 0) / 3 = 0.3.
    const s = matrix(4, [[0, 1, 0.95], [0, 2, 0.95], [1, 2, 0.95], [0, 3, 0.9]]);
    expect(clusterByThreshold(s, 4, 0.5)).toEqual([[0, 1, 2], [3]]);
    const merges = averageLinkage(matrix(4, [[0, 1, 0.95], [0, 2, 0.95], [1, 2, 0.95], [0, 3, 0.9]]), 4);
    expect(merges.find((m) => m.b === 3)!.similarity).toBeCloseTo(0.3, 12);
  });
  it('the cut is the same whatever order the merges come in', () => {
    const merges = averageLinkage(matrix(6, [[0, 1, 0.8], [2, 3, 0.7], [1, 2, 0.4], [4, 5, 0.2]]), 6);
    expect(cutAt([...merges].reverse(), 6, 0.5)).toEqual(cutAt(merges, 6, 0.5));
    expect(cutAt(merges, 6, 0.5)).toEqual([[0, 1], [2, 3], [4], [5]]);
    expect(cutAt(merges, 6, 0.1)).toEqual([[0, 1, 2, 3], [4, 5]]);
  });
  it('no notes, no groups', () => {
    expect(clusterByThreshold(new Float64Array(0), 0, 0.5)).toEqual([]);
  });
});
