/**
 * The document snapshot in Miro's board storage: what late joiners and an empty board load.
 *
 * Layout (keys in the channel's collection):
 *   lease                 { writer, nonce, until }          who may write snapshots now
 *   manifest              { v, gen, n, bytes, hash, digest, writer, at }
 *   snap.<gen>.<i>        { gen, i, d }                     base64 chunks of the state
 *
 * Storage is last-writer-wins with no compare-and-set, so the lease is confirmed by writing
 * it, waiting `settleMs` for racing writes to land, and reading it back: only the instance
 * whose unique nonce is stored holds it (LWW picks one value; nonces never collide). Even if
 * two instances believed they held it, neither could corrupt the snapshot: chunks go under a
 * fresh generation id first and the manifest is flipped last, so it always names a complete
 * generation. Old generations are removed only after the flip is read back.
 */
import type { ChannelStorage, JsonValue } from './miro-channel.js';
import { decodeBase64, hash53 } from './wire.js';
import { toBase64 } from 'lib0/buffer';

export interface Lease {
  writer: string;
  nonce: string;
  until: number;
}

export interface Manifest {
  v: 1;
  gen: string;
  n: number;
  bytes: number;
  hash: string;
  /** State digest (state.ts `summarize`) of the snapshotted doc. */
  digest: string;
  writer: string;
  at: number;
}

export type WriteResult = 'written' | 'lease-held' | 'lost-race' | 'failed';

export interface SnapshotStoreOptions {
  writerId: string;
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  warn(msg: string, err?: unknown): void;
  /** Base64 characters per storage key (default 48 KiB: Miro allows about 64 KB a key). */
  chunkChars?: number;
  leaseMs?: number;
  settleMs?: number;
}

export const LEASE_KEY = 'lease';
export const MANIFEST_KEY = 'manifest';
export const chunkKey = (gen: string, i: number): string => `snap.${gen}.${i}`;

export class SnapshotStore {
  private readonly chunkChars: number;
  readonly leaseMs: number;
  private readonly settleMs: number;
  private counter = 0;
  /** Whether this instance took the lease at some point (only then is there one to release). */
  private tookLease = false;

  constructor(private readonly storage: ChannelStorage, private readonly opts: SnapshotStoreOptions) {
    this.chunkChars = Math.floor((opts.chunkChars ?? 48 * 1024) / 4) * 4;
    this.leaseMs = opts.leaseMs ?? 90_000;
    this.settleMs = opts.settleMs ?? 500;
  }

  /** Loads the snapshot the manifest names; null when there is none or it cannot be read. */
  async load(attempts = 3): Promise<{ update: Uint8Array; manifest: Manifest } | null> {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const manifest = parseManifest(await this.storage.get(MANIFEST_KEY));
      if (!manifest) return null;
      try {
        const parts: string[] = [];
        for (let i = 0; i < manifest.n; i++) {
          const chunk = (await this.storage.get(chunkKey(manifest.gen, i))) as { gen?: unknown; i?: unknown; d?: unknown } | undefined;
          if (!chunk || chunk.gen !== manifest.gen || chunk.i !== i || typeof chunk.d !== 'string') {
            throw new Error(`chunk ${i} of ${manifest.gen} missing`);
          }
          parts.push(chunk.d);
        }
        const update = decodeBase64(parts.join(''));
        if (update.length !== manifest.bytes || hash53(update) !== manifest.hash) throw new Error('snapshot hash mismatch');
        return { update, manifest };
      } catch (err) {
        // The manifest may have been flipped and the old generation removed while we read.
        this.opts.warn(`snapshot read failed (attempt ${attempt + 1})`, err);
      }
    }
    return null;
  }

  async readManifest(): Promise<Manifest | null> {
    return parseManifest(await this.storage.get(MANIFEST_KEY));
  }

  /** Takes or renews the lease; true when this instance holds it afterwards. */
  async acquireLease(): Promise<boolean> {
    const now = this.opts.now();
    const current = parseLease(await this.storage.get(LEASE_KEY));
    if (current && current.writer !== this.opts.writerId && current.until > now) return false;
    if (current && current.writer === this.opts.writerId && current.until - now > this.leaseMs / 2) return (this.tookLease = true);
    const mine: Lease = { writer: this.opts.writerId, nonce: this.nonce(), until: now + this.leaseMs };
    await this.storage.set(LEASE_KEY, mine as unknown as JsonValue);
    await this.opts.sleep(this.settleMs);
    const back = parseLease(await this.storage.get(LEASE_KEY));
    this.tookLease = back !== null && back.nonce === mine.nonce;
    return this.tookLease;
  }

  async releaseLease(): Promise<void> {
    if (!this.tookLease) return;
    this.tookLease = false;
    const current = parseLease(await this.storage.get(LEASE_KEY));
    if (current && current.writer === this.opts.writerId) {
      await this.storage.set(LEASE_KEY, { ...current, until: 0 } as unknown as JsonValue);
    }
  }

  /** Writes `state` (Y.encodeStateAsUpdate of the merged doc) as a new generation. */
  async write(state: Uint8Array, digest: string): Promise<WriteResult> {
    try {
      if (!(await this.acquireLease())) return 'lease-held';
      const previous = await this.readManifest();
      const gen = `${this.opts.writerId}-${++this.counter}-${Math.floor(this.opts.random() * 1e9).toString(36)}`;
      const data = toBase64(state);
      const n = Math.max(1, Math.ceil(data.length / this.chunkChars));
      for (let i = 0; i < n; i++) {
        const d = data.slice(i * this.chunkChars, (i + 1) * this.chunkChars);
        await this.storage.set(chunkKey(gen, i), { gen, i, d });
      }
      // Someone may have taken an expired lease from us while the chunks were written.
      const lease = parseLease(await this.storage.get(LEASE_KEY));
      if (!lease || lease.writer !== this.opts.writerId) {
        await this.removeGeneration(gen, n);
        return 'lost-race';
      }
      const manifest: Manifest = { v: 1, gen, n, bytes: state.length, hash: hash53(state), digest, writer: this.opts.writerId, at: this.opts.now() };
      await this.storage.set(MANIFEST_KEY, manifest as unknown as JsonValue);
      const back = await this.readManifest();
      if (back?.gen !== gen) {
        // Another writer flipped after us: our generation is an orphan, theirs is complete.
        await this.removeGeneration(gen, n);
        return 'lost-race';
      }
      if (previous && previous.gen !== gen) await this.removeGeneration(previous.gen, previous.n);
      return 'written';
    } catch (err) {
      this.opts.warn('snapshot write failed', err);
      return 'failed';
    }
  }

  private async removeGeneration(gen: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.storage.remove(chunkKey(gen, i));
  }

  private nonce(): string {
    return `${this.opts.writerId}:${++this.counter}:${Math.floor(this.opts.random() * 1e12).toString(36)}`;
  }
}

export function parseManifest(v: unknown): Manifest | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  if (m.v !== 1 || typeof m.gen !== 'string' || typeof m.hash !== 'string' || typeof m.digest !== 'string') return null;
  if (typeof m.n !== 'number' || !Number.isInteger(m.n) || m.n < 1 || m.n > 10_000) return null;
  if (typeof m.bytes !== 'number' || !Number.isInteger(m.bytes) || m.bytes < 0) return null;
  return {
    v: 1, gen: m.gen, n: m.n, bytes: m.bytes, hash: m.hash, digest: m.digest,
    writer: typeof m.writer === 'string' ? m.writer : '', at: typeof m.at === 'number' ? m.at : 0,
  };
}

export function parseLease(v: unknown): Lease | null {
  if (typeof v !== 'object' || v === null) return null;
  const l = v as Record<string, unknown>;
  if (typeof l.writer !== 'string' || typeof l.nonce !== 'string' || typeof l.until !== 'number') return null;
  return { writer: l.writer, nonce: l.nonce, until: l.until };
}
