/** Options of the Miro transport, their defaults, and the injected clock and logger. */
import type * as Y from 'yjs';
import type { MiroChannel } from './miro-channel.js';

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
  /**
   * Each frame also passes on what this replica learnt from anyone in the last `relayMs`
   * (within `redundancyBytes`), so a delivery lost to one peer is repaired by the next frame
   * anyone sends, usually within a second, at no extra broadcast. 0 turns it off. Default 4 s.
   */
  relayMs?: number;
  /** Status becomes `synced` this long after the join request if nobody had more to send. */
  joinTimeoutMs?: number;
  /**
   * The snapshot is saved this long after the first unsaved change (see saver.ts). Default
   * 1.5 s: on a quiet board a change is in storage within about two seconds.
   */
  saveDelayMs?: number;
  /**
   * A writer saves at most once per this long: a busy round costs one storage call (50
   * credits) per 4 s, 15 a minute, under a tenth of what its broadcasts cost. Default 4 s.
   */
  saveGapMs?: number;
  /** Whether this replica may write the snapshot at all. Default true. */
  snapshotWriter?: boolean;
  /** Base64 characters per storage key. Default 48 KiB (Miro: about 64 KB a key). */
  snapshotChunkChars?: number;
  /** The snapshot writer's lease: how long a crashed writer keeps others from saving. Default 30 s. */
  leaseMs?: number;
  settleMs?: number;
  /** A join request unanswered this long is sent again (twice at most). Default 600 ms. */
  joinRetryMs?: number;
}

export type Tuning = Required<Omit<MiroTransportOptions, 'channel' | 'doc' | 'clock' | 'random' | 'log'>>;

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
    relayMs: o.relayMs ?? 4_000,
    saveDelayMs: o.saveDelayMs ?? 1_500,
    saveGapMs: o.saveGapMs ?? 4_000,
    joinRetryMs: o.joinRetryMs ?? 600,
    snapshotWriter: o.snapshotWriter ?? true,
    snapshotChunkChars: o.snapshotChunkChars ?? 48 * 1024,
    leaseMs: o.leaseMs ?? 30_000,
    settleMs: o.settleMs ?? 500,
  };
}
