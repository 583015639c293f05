/** A duration as m:ss, for countdowns (its own module: the step bar loads with the session, not the panels' words). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
