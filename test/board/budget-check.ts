/** Test helper: the largest amount spent in any window of `ms` ending at a spend, over a log of spends. */
export function peakInWindow(log: ReadonlyArray<{ at: number; credits: number }>, ms: number): number {
  const sorted = [...log].sort((a, b) => a.at - b.at);
  let peak = 0;
  let sum = 0;
  let tail = 0;
  for (const s of sorted) {
    sum += s.credits;
    // The window (s.at - ms, s.at]: drop spends at or before s.at - ms.
    while (sorted[tail]!.at <= s.at - ms) sum -= sorted[tail++]!.credits;
    peak = Math.max(peak, sum);
  }
  return peak;
}
