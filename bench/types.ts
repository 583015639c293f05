/** One measured figure; `npm run bench` writes a list of these to bench/results.json. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The target the figure is held to (same unit); null for a reference measured beside the others. */
  target: number | null;
  better: 'lower' | 'higher';
}

/** A bench module: bench/<name>.bench.ts exports `run`. */
export type BenchModule = { run(log: (line: string) => void): Promise<BenchResult[]> };

export function meetsTarget(r: BenchResult): boolean {
  if (r.target === null) return true;
  return r.better === 'lower' ? r.value <= r.target : r.value >= r.target;
}
