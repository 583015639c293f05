/**
 * A clock for tests: time moves only when every pending promise has settled and someone is
 * sleeping; then it jumps to the earliest wake-up. `drive(p)` runs until `p` settles.
 */
import type { Clock } from '../../src/board/clock.js';

interface Timer {
  at: number;
  seq: number;
  resolve: () => void;
}

/** Real 10 ms waits for work outside the fake clock before `drive` calls a wait a deadlock. */
const REAL_WAITS = 200;

export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private timers: Timer[] = [];

  constructor(start = 1_000_000) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        seq: this.seq++,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  get pending(): number {
    return this.timers.length;
  }

  /** Lets every ready promise run (a few macrotask turns). */
  async settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
  }

  /** Moves time to the earliest timer and fires every timer due then; false if none. */
  fireNext(): boolean {
    if (this.timers.length === 0) return false;
    const at = Math.min(...this.timers.map((x) => x.at));
    this.t = Math.max(this.t, at);
    const due = this.timers.filter((x) => x.at <= this.t).sort((a, b) => a.at - b.at || a.seq - b.seq);
    this.timers = this.timers.filter((x) => x.at > this.t);
    for (const x of due) x.resolve();
    return true;
  }

  /** Runs the clock until `p` settles; fails if nothing can move any more. */
  async drive<T>(p: Promise<T>): Promise<T> {
    let state = 'pending' as 'pending' | 'done';
    const watched = p.finally(() => (state = 'done'));
    watched.catch(() => undefined);
    for (;;) {
      await this.settle();
      if (state === 'done') return watched;
      if (this.fireNext()) continue;
      // No timer, but real work may still be under way (a module loaded on first use: the
      // loader reads files off the fake clock); wait for it in real time before calling it a deadlock.
      for (let i = 0; i < REAL_WAITS && state === 'pending' && this.timers.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      if (state === 'pending' && this.timers.length === 0) throw new Error('FakeClock: deadlock — promise pending and no timer left');
    }
  }
}
