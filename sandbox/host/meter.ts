/**
 * Every SDK call the stand-in serves goes through CallMeter.run: it counts the call, applies
 * latency (with seeded jitter), charges credits against per-minute and per-hour budgets like
 * Miro's rate limiter, and injects failures the host asked for. The counters are what the
 * board's benchmark and tests read.
 */
import { CREDITS_PER_CALL, CREDITS_PER_HOUR, CREDITS_PER_MINUTE } from '../../src/core/miro-rules.js';
import { mulberry32 } from '../../src/core/random.js';
import { SdkError, rateLimitError } from './errors.js';

export interface CallInfo {
  /** 1-based, in the order calls started. */
  readonly seq: number;
  readonly method: string;
  readonly userId: string;
  readonly args: readonly unknown[];
}

/** Return true (or an Error to throw) to make the call fail. */
export type FailPredicate = (call: CallInfo) => boolean | Error | undefined | null;

export interface MeterOptions {
  latencyMs?: number;
  jitterMs?: number;
  seed?: number;
  creditsPerCall?: number;
  creditsPerMinute?: number;
  creditsPerHour?: number;
  now?: () => number;
  /**
   * Whose budget a call spends: one budget for the whole board ('board', default: the strict
   * reading, so an app that fits it fits Miro however Miro counts) or each user's own ('user').
   */
  creditScope?: 'user' | 'board';
}

export interface MeterStats {
  calls: Record<string, number>;
  totalCalls: number;
  creditsSpent: number;
  creditsByUser: Record<string, number>;
  inFlight: number;
  maxInFlight: number;
  rateLimited: number;
  injectedFailures: number;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Seeded dice for jitter and injected errors (kept under this name for the stand-in's callers). */
export const seededRandom = mulberry32;

function delay(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

export class CallMeter {
  latencyMs: number;
  jitterMs: number;
  creditsPerCall: number;
  creditsPerMinute: number;
  creditsPerHour: number;
  creditScope: 'user' | 'board';
  private readonly now: () => number;
  private random: () => number;
  private seq = 0;
  private stats: MeterStats = CallMeter.emptyStats();
  private windows = new Map<string, CreditWindow>();
  private failures: Array<{ id: number; predicate: FailPredicate }> = [];
  private nextFailureId = 0;
  private rateLimitProbability = 0;
  private rateLimitNext = 0;

  constructor(options: MeterOptions = {}) {
    this.latencyMs = options.latencyMs ?? 0;
    this.jitterMs = options.jitterMs ?? 0;
    this.creditsPerCall = options.creditsPerCall ?? CREDITS_PER_CALL;
    this.creditsPerMinute = options.creditsPerMinute ?? CREDITS_PER_MINUTE;
    this.creditsPerHour = options.creditsPerHour ?? CREDITS_PER_HOUR;
    this.creditScope = options.creditScope ?? 'board';
    this.now = options.now ?? (() => Date.now());
    this.random = seededRandom(options.seed ?? 1);
  }

  private static emptyStats(): MeterStats {
    return { calls: {}, totalCalls: 0, creditsSpent: 0, creditsByUser: {}, inFlight: 0, maxInFlight: 0, rateLimited: 0, injectedFailures: 0 };
  }

  seed(seed: number): void {
    this.random = seededRandom(seed);
  }

  /** A copy of the counters. */
  getStats(): MeterStats {
    return { ...this.stats, calls: { ...this.stats.calls }, creditsByUser: { ...this.stats.creditsByUser } };
  }

  /** Zero the counters (not the credit windows: those model Miro's clock). */
  resetStats(): void {
    const inFlight = this.stats.inFlight;
    this.stats = CallMeter.emptyStats();
    this.stats.inFlight = inFlight;
    this.stats.maxInFlight = inFlight;
  }

  /** Forget credits spent so far (a new minute and hour). */
  resetCredits(): void {
    this.windows.clear();
  }

  /** Credits spent in the last minute and hour by `userId` (or by the board, in 'board' scope). */
  creditsInWindow(userId = '*'): { minute: number; hour: number } {
    const w = this.windows.get(this.creditScope === 'board' ? '*' : userId);
    if (!w) return { minute: 0, hour: 0 };
    w.prune(this.now());
    return { minute: w.minuteSum, hour: w.hourSum };
  }

  /** Rate-limit errors regardless of budget: each call with `probability`, and/or the next `next` calls. */
  injectRateLimitErrors(options: { probability?: number; next?: number } | null): void {
    this.rateLimitProbability = options?.probability ?? 0;
    this.rateLimitNext = options?.next ?? 0;
  }

  /** The next `n` calls succeed, the one after fails with `error` (once). Returns a canceller. */
  failAfter(n: number, error?: Error): () => void {
    const target = this.seq + n + 1;
    let fired = false;
    return this.failWhen((call) => {
      if (fired || call.seq !== target) return false;
      fired = true;
      return error ?? new SdkError('INJECTED_FAILURE', `Request failed: injected failure at call ${call.seq} (${call.method})`, 400);
    });
  }

  /** Every call for which `predicate` answers true (or an Error) fails. Returns a canceller. */
  failWhen(predicate: FailPredicate): () => void {
    const id = ++this.nextFailureId;
    this.failures.push({ id, predicate });
    return () => {
      this.failures = this.failures.filter((f) => f.id !== id);
    };
  }

  clearFailures(): void {
    this.failures = [];
    this.injectRateLimitErrors(null);
  }

  /** Serve one call: count, decide its fate, wait the latency, then run `fn` (or reject). */
  async run<T>(method: string, userId: string, args: readonly unknown[], fn: () => T | Promise<T>): Promise<T> {
    const call: CallInfo = { seq: ++this.seq, method, userId, args };
    const s = this.stats;
    s.calls[method] = (s.calls[method] ?? 0) + 1;
    s.totalCalls++;
    s.inFlight++;
    s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
    try {
      const failure = this.decide(call);
      const jitter = this.jitterMs > 0 ? this.random() * this.jitterMs : 0;
      await delay(this.latencyMs + jitter);
      if (failure) throw failure;
      return await fn();
    } finally {
      s.inFlight--;
    }
  }

  private decide(call: CallInfo): Error | null {
    for (const { predicate } of this.failures) {
      const verdict = predicate(call);
      if (verdict) {
        this.stats.injectedFailures++;
        return verdict instanceof Error
          ? verdict
          : new SdkError('INJECTED_FAILURE', `Request failed: injected failure at call ${call.seq} (${call.method})`, 400);
      }
    }
    if (this.rateLimitNext > 0) {
      this.rateLimitNext--;
      this.stats.rateLimited++;
      return rateLimitError('injected');
    }
    if (this.rateLimitProbability > 0 && this.random() < this.rateLimitProbability) {
      this.stats.rateLimited++;
      return rateLimitError('injected');
    }
    const t = this.now();
    const scope = this.creditScope === 'board' ? '*' : call.userId;
    let w = this.windows.get(scope);
    if (!w) this.windows.set(scope, (w = new CreditWindow()));
    w.prune(t);
    const cost = this.creditsPerCall;
    if (w.minuteSum + cost > this.creditsPerMinute) {
      this.stats.rateLimited++;
      return rateLimitError(`${this.creditsPerMinute} credits per minute`);
    }
    if (w.hourSum + cost > this.creditsPerHour) {
      this.stats.rateLimited++;
      return rateLimitError(`${this.creditsPerHour} credits per hour`);
    }
    w.spend(t, cost);
    this.stats.creditsSpent += cost;
    this.stats.creditsByUser[call.userId] = (this.stats.creditsByUser[call.userId] ?? 0) + cost;
    return null;
  }
}

/** Credits spent, oldest first; two cursors keep running sums for the last minute and hour. */
class CreditWindow {
  private spends: Array<{ t: number; credits: number }> = [];
  private minuteFrom = 0;
  private hourFrom = 0;
  minuteSum = 0;
  hourSum = 0;

  spend(t: number, credits: number): void {
    this.spends.push({ t, credits });
    this.minuteSum += credits;
    this.hourSum += credits;
  }

  prune(t: number): void {
    const spends = this.spends;
    while (this.minuteFrom < spends.length && spends[this.minuteFrom]!.t <= t - MINUTE) {
      this.minuteSum -= spends[this.minuteFrom++]!.credits;
    }
    while (this.hourFrom < spends.length && spends[this.hourFrom]!.t <= t - HOUR) {
      this.hourSum -= spends[this.hourFrom++]!.credits;
    }
    if (this.hourFrom > 4096 && this.hourFrom * 2 > spends.length) {
      this.spends = spends.slice(this.hourFrom);
      this.minuteFrom -= this.hourFrom;
      this.hourFrom = 0;
    }
  }
}
