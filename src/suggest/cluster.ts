/**
 * Agglomerative clustering, average linkage, cut at a similarity threshold. The nearest-
 * neighbour chain finds the same merges as the textbook algorithm in O(n²) time (average
 * linkage never merges below an earlier merge), so 1,000 notes take milliseconds. Ties go
 * to the lower index; indexes follow the sorted note ids, so the result does not depend
 * on the order the notes came in.
 */

export interface Merge {
  a: number;
  b: number;
  similarity: number;
}

/** Every merge of the full dendrogram; `sim` is n×n and is overwritten. */
export function averageLinkage(sim: Float64Array, n: number): Merge[] {
  const size = new Int32Array(n).fill(1);
  const active = new Uint8Array(n).fill(1);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let left = n;
  while (left > 1) {
    if (chain.length === 0) chain.push(active.indexOf(1));
    for (;;) {
      const a = chain[chain.length - 1]!;
      const prev = chain.length > 1 ? chain[chain.length - 2]! : -1;
      // Nearest neighbour of a; keeping prev on a tie is what makes the chain end.
      let best = prev;
      let bestSim = prev >= 0 ? sim[a * n + prev]! : -Infinity;
      for (let k = 0; k < n; k++) {
        if (k === a || !active[k]) continue;
        const v = sim[a * n + k]!;
        if (v > bestSim || (v === bestSim && k < best && best !== prev)) {
          best = k;
          bestSim = v;
        }
      }
      if (best === prev) break;
      chain.push(best);
    }
    const b = chain.pop()!;
    const a = chain.pop()!;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    merges.push({ a: keep, b: gone, similarity: sim[keep * n + gone]! });
    const sk = size[keep]!;
    const sg = size[gone]!;
    for (let k = 0; k < n; k++) {
      if (!active[k] || k === keep || k === gone) continue;
      const v = (sk * sim[keep * n + k]! + sg * sim[gone * n + k]!) / (sk + sg);
      sim[keep * n + k] = v;
      sim[k * n + keep] = v;
    }
    size[keep] = sk + sg;
    active[gone] = 0;
    left--;
  }
  return merges;
}

/** Groups of indexes joined by merges at or above the threshold; each group ascending,
 *  groups ordered by their first index. Singletons are groups of one. */
export function cutAt(merges: readonly Merge[], n: number, threshold: number): number[][] {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (const m of merges) {
    if (m.similarity < threshold) continue;
    const ra = find(m.a);
    const rb = find(m.b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const g = groups.get(r);
    if (g === undefined) groups.set(r, [i]);
    else g.push(i);
  }
  return [...groups.values()];
}

/** Threshold clusters in one call. */
export function clusterByThreshold(sim: Float64Array, n: number, threshold: number): number[][] {
  return n === 0 ? [] : cutAt(averageLinkage(sim, n), n, threshold);
}
