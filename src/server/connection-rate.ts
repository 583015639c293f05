/**
 * New connections per signed-in user (team + user from the verified token): a token bucket
 * per person, taken once per socket at its first sign-in, before any document is loaded.
 * Every connection brings a fresh allowance of its own (a first sync of the whole board, 64
 * new client ids), so without this one person could have the server send the whole board again
 * and again, or fill a board's client-id claims, just by reconnecting. Per instance: with Redis
 * each instance counts its own.
 */
import { TokenBucket } from './limits.js';

export class NewConnections {
  private readonly buckets = new Map<string, { bucket: TokenBucket; at: number }>();
  /** After this long unused, a bucket is full again: forgetting it changes nothing. */
  private readonly refillMs: number;
  private lastSweep = Date.now();

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {
    this.refillMs = (burst / perMinute) * 60_000;
  }

  /** True if `who` may open one more connection now (and counts it). */
  take(who: string): boolean {
    const now = Date.now();
    if (now - this.lastSweep > 60_000) this.sweep(now);
    let e = this.buckets.get(who);
    if (!e) this.buckets.set(who, (e = { bucket: new TokenBucket(this.perMinute / 60, this.burst), at: now }));
    e.at = now;
    return e.bucket.take();
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [who, e] of this.buckets) if (now - e.at >= this.refillMs) this.buckets.delete(who);
  }
}
