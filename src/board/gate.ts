/**
 * The one door every Web SDK call goes through: at most `concurrency` calls in flight,
 * each paid for in the shared credit budget before it starts, and rate-limit refusals
 * retried with exponential backoff and jitter. Any other error fails for good at once.
 */
import { abortReason, realClock, type Clock } from './clock.js';
import { CreditBudget } from './credit-budget.js';
import { CREDITS_PER_CALL } from '../core/miro-rules.js';

export const DEFAULT_CONCURRENCY = 12;

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** [0, 1); injectable so tests are deterministic. */
  random: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseMs: 250, maxMs: 8_000, random: Math.random };

/** Miro's 429 / "rate limit" refusals (the stand-in: code RATE_LIMIT_EXCEEDED, status 429). */
export function isRateLimitError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { status, code, message } = e as { status?: unknown; code?: unknown; message?: unknown };
  if (status === 429 || code === 429) return true;
  if (typeof code === 'string' && /rate[_ -]?limit/i.test(code)) return true;
  return typeof message === 'string' && /rate[_ -]?limit|too many requests|\b429\b/i.test(message);
}

/** Backoff before attempt `n + 1` (n >= 1): exponential, capped, "equal jitter" (never zero). */
export function backoffMs(policy: RetryPolicy, n: number): number {
  const d = Math.min(policy.maxMs, policy.baseMs * 2 ** (n - 1));
  return d / 2 + policy.random() * (d / 2);
}

export interface GateOptions {
  concurrency?: number;
  budget?: CreditBudget;
  retry?: Partial<RetryPolicy>;
  clock?: Clock;
}

export interface GateStats {
  /** Calls that reached the SDK (retries included). */
  attempts: number;
  retries: number;
  failures: number;
  inFlight: number;
  maxInFlight: number;
}

export class SdkGate {
  readonly budget: CreditBudget;
  readonly concurrency: number;
  readonly retry: RetryPolicy;
  private readonly clock: Clock;
  private inFlight = 0;
  private readonly waiting: Array<{ resolve: () => void; reject: (e: unknown) => void; signal: AbortSignal | undefined }> = [];
  readonly stats: GateStats = { attempts: 0, retries: 0, failures: 0, inFlight: 0, maxInFlight: 0 };

  constructor(options: GateOptions = {}) {
    this.clock = options.clock ?? options.budget?.clock ?? realClock;
    this.budget = options.budget ?? new CreditBudget({ clock: this.clock });
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DEFAULT_CONCURRENCY));
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /** Runs `call` within the bound and the budget; retries it while Miro says "rate limit". */
  async run<T>(call: () => Promise<T>, signal?: AbortSignal, credits = CREDITS_PER_CALL): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.acquire(signal);
      let result: T;
      try {
        signal?.throwIfAborted();
        await this.budget.spend(credits, signal);
        signal?.throwIfAborted();
        this.stats.attempts++;
        result = await call();
      } catch (e) {
        this.release();
        if (!isRateLimitError(e) || attempt >= this.retry.attempts || signal?.aborted) {
          this.stats.failures++;
          throw e;
        }
        this.stats.retries++;
        await this.clock.sleep(backoffMs(this.retry, attempt), signal);
        continue;
      }
      this.release();
      return result;
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.inFlight < this.concurrency) {
      this.take();
      return Promise.resolve();
    }
    // No abort listener per waiter (hundreds may queue on one signal): an aborted waiter is
    // turned away when its turn comes, which is soon, since the queue only exists while calls run.
    return new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject, signal }));
  }

  private take(): void {
    this.inFlight++;
    this.stats.inFlight = this.inFlight;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
  }

  private release(): void {
    this.inFlight--;
    this.stats.inFlight = this.inFlight;
    for (let next = this.waiting.shift(); next; next = this.waiting.shift()) {
      if (next.signal?.aborted) {
        next.reject(abortReason(next.signal));
        continue;
      }
      this.take();
      next.resolve();
      return;
    }
  }
}
