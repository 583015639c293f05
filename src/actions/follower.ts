/**
 * A sync that follows changes (badges, the plan on the board): run now, then once changes
 * settle, one run at a time (two quick changes must never both create the same item). The
 * first change starts the wait and later ones ride along, so a stream of changes (a busy doc)
 * never puts the run off for ever.
 */
export interface Follower {
  /** A run `wait` ms after the first change since the last run. */
  schedule(): void;
  /** A run now (after any under way). */
  now(): void;
  /** No more runs; one under way finishes. */
  stop(): void;
}

export function follower(run: () => Promise<void>, wait: number): Follower {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const now = () => {
    timer = null;
    running = running.then(async () => {
      if (!stopped) await run();
    }).catch((e: unknown) => console.warn('Tryghed: a board sync failed', e));
  };
  return {
    schedule: () => {
      if (!stopped && timer === null) timer = setTimeout(now, wait);
    },
    now,
    stop: () => {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
