/**
 * Miro's credit budget as a sliding-window meter: 100,000 credits in any minute and
 * 1,000,000 in any hour (most calls cost 50). `spend` waits until the credits fit both
 * windows, so whoever spends through one shared instance (the gate: insertion, the Host port and
 * the Miro transport's channel) never goes over.
 *
 * Invariant (tested over a fake clock): for every spend at time t, the credits spent in
 * (t - window, t] never exceed the window's limit. Waiters are served first come, first served.
 *
 * Miro counts credits per user, not per panel: `observe` counts a spend made elsewhere (the
 * same user's other panels, shared-credits.ts) so all of them stay within one budget.
 */
import { CREDITS_PER_HOUR, CREDITS_PER_MINUTE } from '../core/miro-rules.js';
import { realClock, type Clock } from './clock.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

export interface CreditBudgetOptions {
  perMinute?: number;
  perHour?: number;
  clock?: Clock;
}

interface Window {
  ms: number;
  limit: number;
  /** Index of the oldest spend still inside the window. */
  head: number;
  sum: number;
}

export class CreditBudget {
  readonly clock: Clock;
  private readonly minute: Window;
  private readonly hour: Window;
  // Parallel arrays of spends in time order; trimmed when the hour window has moved on.
  private times: number[] = [];
  private credits: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private total = 0;
  private peakMinute = 0;
  private peakHour = 0;
  /** Told of every spend made through this budget (not of observed ones). */
  onSpend: ((credits: number, at: number) => void) | null = null;

  constructor(options: CreditBudgetOptions = {}) {
    this.clock = options.clock ?? realClock;
    this.minute = { ms: MINUTE_MS, limit: options.perMinute ?? CREDITS_PER_MINUTE, head: 0, sum: 0 };
    this.hour = { ms: HOUR_MS, limit: options.perHour ?? CREDITS_PER_HOUR, head: 0, sum: 0 };
  }

  /** Resolves once `credits` have been spent within budget; rejects if `signal` aborts while waiting. */
  spend(credits: number, signal?: AbortSignal): Promise<void> {
    if (!(credits >= 0) || credits > this.minute.limit || credits > this.hour.limit) {
      return Promise.reject(new RangeError(`A spend of ${credits} credits can never fit the budget`));
    }
    const turn = this.queue.then(() => this.admit(credits, signal));
    // The next waiter goes after this one, whether it was admitted or gave up.
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /**
   * Counts credits spent elsewhere at `at` (our clock). A spend older than an hour is ignored;
   * one older than what we hold counts as of our latest (a little longer in the windows: safe).
   */
  observe(credits: number, at: number): void {
    if (!(credits > 0) || !(at > this.clock.now() - HOUR_MS)) return;
    this.record(credits, Math.max(at, this.times.at(-1) ?? at));
  }

  /** Spends of the last hour, oldest first: what a panel that opens is told. */
  recent(): Array<[number, number]> {
    this.prune(this.clock.now());
    return this.times.slice(this.hour.head).map((t, k) => [t, this.credits[this.hour.head + k]!]);
  }

  /** Credits spent in the last minute / hour / ever, as of now; peaks: the most any window ever held. */
  usage(): { minute: number; hour: number; total: number; peakMinute: number; peakHour: number } {
    this.prune(this.clock.now());
    const { peakMinute, peakHour } = this;
    return { minute: this.minute.sum, hour: this.hour.sum, total: this.total, peakMinute, peakHour };
  }

  private async admit(credits: number, signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = this.clock.now();
      this.prune(now);
      const wait = Math.max(this.waitFor(this.minute, credits, now), this.waitFor(this.hour, credits, now));
      if (wait <= 0) {
        this.record(credits, now);
        this.onSpend?.(credits, now);
        return;
      }
      await this.clock.sleep(wait, signal);
    }
  }

  private record(credits: number, at: number): void {
    this.prune(this.clock.now());
    this.times.push(at);
    this.credits.push(credits);
    this.minute.sum += credits;
    this.hour.sum += credits;
    this.total += credits;
    // A window's sum only grows at a spend, so the peaks are seen here.
    this.peakMinute = Math.max(this.peakMinute, this.minute.sum);
    this.peakHour = Math.max(this.peakHour, this.hour.sum);
  }

  /** How long until enough old spends leave `w` for `credits` more to fit (0 if they fit now). */
  private waitFor(w: Window, credits: number, now: number): number {
    let excess = w.sum + credits - w.limit;
    if (excess <= 0) return 0;
    for (let i = w.head; i < this.times.length; i++) {
      excess -= this.credits[i]!;
      if (excess <= 0) return this.times[i]! + w.ms - now;
    }
    return w.ms; // unreachable: credits <= limit
  }

  private prune(now: number): void {
    for (const w of [this.minute, this.hour]) {
      while (w.head < this.times.length && this.times[w.head]! <= now - w.ms) {
        w.sum -= this.credits[w.head]!;
        w.head++;
      }
    }
    // The hour head is never behind the minute head; drop what both have passed.
    const drop = this.hour.head;
    if (drop > 1024 && drop * 2 > this.times.length) {
      this.times = this.times.slice(drop);
      this.credits = this.credits.slice(drop);
      this.hour.head -= drop;
      this.minute.head -= drop;
    }
  }
}
