/** Options of the Miro transport, their defaults, and the injected clock and logger. */
import type * as Y from 'yjs';
import type { MiroChannel } from './miro-channel.js';
import type { CreditMeter } from './transport.js';

/** Time, injectable so tests run on a simulated clock. */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface Logger {
  warn(message: string, ...details: unknown[]): void;
}

export interface MiroTransportOptions {
  channel: MiroChannel;
  doc?: Y.Doc;
  clock?: Clock;
  random?: () => number;
  /** Pays 50 credits before every broadcast and storage call (the board's credit budget). */
  credits?: CreditMeter;
  log?: Logger;
  /** Local updates are merged and sent this often (clamped to 250–500 ms). Default 300. */
  flushMs?: number;
  /**
   * Largest broadcast payload, in JSON characters. Default 16,000: Miro documents no limit
   * for realtime events, so we stay well under the ~64 KB it allows a storage value.
   */
  maxPayloadChars?: number;
  /** An idle replica sends its summary and presence this often. Default 30 s. */
  heartbeatMs?: number;
  /** A peer unheard for this long is gone (presence removed): over 3 heartbeats. Default 100 s. */
  presenceTimeoutMs?: number;
  /**
   * Replicas able to answer a request take turns (a rank drawn from the request id): the first
   * answers at once, the next after this long if no answer covering its own came. Default 700 ms.
   */
  replyStepMs?: number;
  /**
   * A detected lag waits this long (random in range) before a request: the author of what is
   * missing usually resends it first (see `redundancyBytes`), and a request someone else sends
   * for the same gap puts ours off again. Default 4–10 s.
   */
  pullDelayMs?: [number, number];
  /**
   * Each frame resends this replica's own edits that some peer's summary still lacks (or that
   * its frames of the last `redundancyMs` carried), with the delete set, while that fits in
   * this many bytes: a lost frame is then repaired by the author's next one at no extra
   * broadcast, since credits are per call, not per byte. 0 turns it off. Default 8 KiB.
   */
  redundancyBytes?: number;
  /** Default 20 s. */
  redundancyMs?: number;
  /** Status becomes `synced` this long after the join request if nobody had more to send. */
  joinTimeoutMs?: number;
  /** The snapshot is rewritten this long after the first unsaved change. Default 30 s. */
  snapshotIntervalMs?: number;
  /** Whether this replica may write the snapshot at all. Default true. */
  snapshotWriter?: boolean;
  /** Base64 characters per storage key. Default 48 KiB (Miro: about 64 KB a key). */
  snapshotChunkChars?: number;
  leaseMs?: number;
  settleMs?: number;
}

export type Tuning = Required<Omit<MiroTransportOptions, 'channel' | 'doc' | 'clock' | 'random' | 'credits' | 'log'>>;

export function resolveTuning(o: MiroTransportOptions): Tuning {
  return {
    flushMs: Math.min(500, Math.max(250, o.flushMs ?? 300)),
    maxPayloadChars: o.maxPayloadChars ?? 16_000,
    heartbeatMs: o.heartbeatMs ?? 30_000,
    presenceTimeoutMs: o.presenceTimeoutMs ?? 100_000,
    replyStepMs: o.replyStepMs ?? 700,
    pullDelayMs: o.pullDelayMs ?? [4_000, 10_000],
    redundancyBytes: o.redundancyBytes ?? 8 * 1024,
    redundancyMs: o.redundancyMs ?? 20_000,
    joinTimeoutMs: o.joinTimeoutMs ?? 2_000,
    snapshotIntervalMs: o.snapshotIntervalMs ?? 30_000,
    snapshotWriter: o.snapshotWriter ?? true,
    snapshotChunkChars: o.snapshotChunkChars ?? 48 * 1024,
    leaseMs: o.leaseMs ?? 90_000,
    settleMs: o.settleMs ?? 500,
  };
}
