/**
 * The document snapshot in Miro's board storage: what late joiners and an empty board load.
 *
 * Layout (keys in the channel's collection):
 *   lease                 { writer, nonce, until }          who may write snapshots now
 *   manifest              { v, gen, n, bytes, hash, digest, sv, ds, writer, at, d? }
 *   snap.<gen>.<i>        { gen, i, d }                     base64 chunks of the state
 *
 * A state that fits one value travels inline in the manifest (`n` 0, `d` the data): one call
 * to save and one to load, and the manifest's change notification hands every instance the
 * saved state itself. `sv` and `ds` (state vector, delete-set update) say what the snapshot
 * covers, so a replica can tell whether its own state is saved without reading the data.
 *
 * Storage is last-writer-wins with no compare-and-set, so the lease is confirmed by writing
 * it, waiting `settleMs` for racing writes to land, and reading it back: only the instance
 * whose unique nonce is stored holds it (LWW picks one value; nonces never collide). Even if
 * two instances believed they held it, neither could corrupt the snapshot: chunks go under a
 * fresh generation id first and the manifest is flipped last, so it always names a complete
 * generation. Old generations are removed only after the flip is read back.
 *
 *   ended                 { clients, at }                   sessions ended on this board
 *
 * When the facilitator ends the session (erase), the manifest, its chunks and the lease go,
 * and `ended` says which Yjs client ids wrote the ended session (core/session/end.ts: numbers
 * only, no content, no person). No snapshot write touches `ended`, so a panel opening at any
 * time learns which old copies to ignore, even a snapshot an old copy saved afterwards.
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
  v: 1 | 2;
  gen: string;
  /** Chunks under snap.<gen>.<i>; 0 when the state is inline in `d`. */
  n: number;
  bytes: number;
  hash: string;
  /** State digest (state.ts `summarize`) of the snapshotted doc. */
  digest: string;
  writer: string;
  at: number;
  /** Base64 state vector and delete-set update of the snapshot (v2; '' when unknown). */
  sv: string;
  ds: string;
  /** The state itself, base64, when it fits inline (n = 0). */
  d?: string;
}

/** Sessions ended on this board: their client ids (encodeClients text) and when the last ended. */
export interface EndedMark {
  clients: string;
  at: number;
}

export function parseEnded(v: unknown): EndedMark | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  return typeof m.clients === 'string' && typeof m.at === 'number' ? { clients: m.clients, at: m.at } : null;
}

/** What a snapshot covers: its state vector and delete-set update (state.ts deleteSetUpdate). */
export interface Coverage {
  sv: Uint8Array;
  ds: Uint8Array;
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
export const ENDED_KEY = 'ended';
export const chunkKey = (gen: string, i: number): string => `snap.${gen}.${i}`;

export class SnapshotStore {
  private readonly chunkChars: number;
  readonly leaseMs: number;
  private readonly settleMs: number;
  private counter = 0;
  /** Until when (our clock) we hold the lease as far as we know; 0: not ours. */
  private heldUntil = 0;
  /** The manifest this instance last wrote. */
  lastWritten: Manifest | null = null;
  /** The lease as last read: someone else's expiry tells a would-be writer when to retry. */
  private seenLease: Lease | null = null;
  /** Ended sessions as last read or told (the `ended` key). */
  ended: EndedMark | null = null;

  constructor(private readonly storage: ChannelStorage, private readonly opts: SnapshotStoreOptions) {
    this.chunkChars = Math.floor((opts.chunkChars ?? 48 * 1024) / 4) * 4;
    this.leaseMs = opts.leaseMs ?? 30_000;
    this.settleMs = opts.settleMs ?? 500;
  }

  /** Loads the snapshot the manifest names; null when there is none or it cannot be read. */
  async load(attempts = 3): Promise<{ update: Uint8Array; manifest: Manifest } | null> {
    this.noteEnded(await this.storage.get(ENDED_KEY));
    for (let attempt = 0; attempt < attempts; attempt++) {
      const manifest = parseManifest(await this.storage.get(MANIFEST_KEY));
      if (!manifest) return null;
      try {
        return { update: await this.dataOf(manifest), manifest };
      } catch (err) {
        // The manifest may have been flipped and the old generation removed while we read.
        this.opts.warn(`snapshot read failed (attempt ${attempt + 1})`, err);
      }
    }
    return null;
  }

  /** The state a manifest names: inline, or read from its chunks; throws if it does not check. */
  async dataOf(manifest: Manifest): Promise<Uint8Array> {
    if (manifest.d !== undefined) return inlineState(manifest);
    const parts: string[] = [];
    for (let i = 0; i < manifest.n; i++) {
      const chunk = (await this.storage.get(chunkKey(manifest.gen, i))) as { gen?: unknown; i?: unknown; d?: unknown } | undefined;
      if (!chunk || chunk.gen !== manifest.gen || chunk.i !== i || typeof chunk.d !== 'string') {
        throw new Error(`chunk ${i} of ${manifest.gen} missing`);
      }
      parts.push(chunk.d);
    }
    return checked(manifest, parts.join(''));
  }

  /** Keeps the `ended` value read or told; true if it is news. */
  noteEnded(value: unknown): boolean {
    const e = parseEnded(value);
    if (!e || (this.ended && this.ended.at >= e.at && this.ended.clients === e.clients)) return false;
    this.ended = e;
    return true;
  }

  /**
   * The session ended: `ended` is written, and the manifest, the snapshot's chunks and the
   * lease go. A save that started before the end may land after it: the manifest is read again
   * after a while, and removed again with its chunks.
   */
  async erase(ended: EndedMark, attempts = 3): Promise<void> {
    this.ended = ended;
    this.heldUntil = 0;
    await this.storage.set(ENDED_KEY, { clients: ended.clients, at: ended.at });
    const gone = new Set<string>();
    for (let attempt = 0; attempt < attempts; attempt++) {
      const before = await this.readManifest();
      if (before || attempt === 0) await this.storage.remove(MANIFEST_KEY);
      for (const m of [before, this.lastWritten]) {
        if (m && m.n > 0 && !gone.has(m.gen)) {
          gone.add(m.gen);
          await this.removeGeneration(m.gen, m.n);
        }
      }
      this.lastWritten = null;
      await this.storage.remove(LEASE_KEY);
      await this.opts.sleep(this.settleMs * 2);
      if ((await this.readManifest()) === null) return;
    }
  }

  async readManifest(): Promise<Manifest | null> {
    return parseManifest(await this.storage.get(MANIFEST_KEY));
  }

  /** Whether we hold the lease by our own count (no call). */
  holdsLease(): boolean {
    return this.heldUntil > this.opts.now();
  }

  /** When someone else's lease, as last read, runs out (0 if none was seen). */
  otherLeaseUntil(): number {
    const l = this.seenLease;
    return l && l.writer !== this.opts.writerId ? l.until : 0;
  }

  /**
   * Takes or renews the lease; true when this instance holds it afterwards. While we hold it
   * with more than half its time left this costs nothing; with less, one write renews it.
   */
  async acquireLease(): Promise<boolean> {
    const now = this.opts.now();
    if (this.heldUntil - now > this.leaseMs / 2) return true;
    if (this.heldUntil > now) {
      // Ours and unexpired: nobody else writes it before it expires, so no settle and read-back.
      const until = now + this.leaseMs;
      await this.storage.set(LEASE_KEY, { writer: this.opts.writerId, nonce: this.nonce(), until } as unknown as JsonValue);
      this.heldUntil = until;
      return true;
    }
    const current = parseLease(await this.storage.get(LEASE_KEY));
    this.seenLease = current;
    if (current && current.writer !== this.opts.writerId && current.until > now) return false;
    const mine: Lease = { writer: this.opts.writerId, nonce: this.nonce(), until: now + this.leaseMs };
    await this.storage.set(LEASE_KEY, mine as unknown as JsonValue);
    await this.opts.sleep(this.settleMs);
    const back = parseLease(await this.storage.get(LEASE_KEY));
    this.seenLease = back;
    this.heldUntil = back !== null && back.nonce === mine.nonce ? mine.until : 0;
    return this.heldUntil > 0;
  }

  /** Gives the lease up (one write, not awaited by a closing page: it is issued at once). */
  releaseLease(): Promise<void> {
    if (this.heldUntil === 0) return Promise.resolve();
    this.heldUntil = 0;
    return this.storage.set(LEASE_KEY, { writer: this.opts.writerId, nonce: this.nonce(), until: 0 } as unknown as JsonValue);
  }

  /**
   * Writes `state` (Y.encodeStateAsUpdate of the merged doc) as a new generation, under the
   * lease. `previous` is the manifest we last knew (read when not given), whose chunks go.
   */
  async write(state: Uint8Array, digest: string, cover?: Coverage, previous?: Manifest | null): Promise<WriteResult> {
    try {
      if (!(await this.acquireLease())) return 'lease-held';
      const before = previous === undefined ? await this.readManifest() : previous;
      const { manifest, chunks } = this.prepare(state, digest, cover);
      if (chunks.length === 0) {
        await this.storage.set(MANIFEST_KEY, manifest as unknown as JsonValue);
        this.lastWritten = manifest;
        if (before && before.n > 0) await this.removeGeneration(before.gen, before.n);
        return 'written';
      }
      for (const [key, value] of chunks) await this.storage.set(key, value);
      // Someone may have taken an expired lease from us while the chunks were written.
      const lease = parseLease(await this.storage.get(LEASE_KEY));
      if (!lease || lease.writer !== this.opts.writerId) {
        this.heldUntil = 0;
        await this.removeGeneration(manifest.gen, manifest.n);
        return 'lost-race';
      }
      await this.storage.set(MANIFEST_KEY, manifest as unknown as JsonValue);
      const back = await this.readManifest();
      if (back?.gen !== manifest.gen) {
        // Another writer flipped after us: our generation is an orphan, theirs is complete.
        await this.removeGeneration(manifest.gen, manifest.n);
        return 'lost-race';
      }
      this.lastWritten = manifest;
      if (before && before.gen !== manifest.gen && before.n > 0) await this.removeGeneration(before.gen, before.n);
      return 'written';
    } catch (err) {
      this.opts.warn('snapshot write failed', err);
      return 'failed';
    }
  }

  /**
   * A closing (or hidden) page's save: every call is issued at once, in order, before this
   * returns (a page being unloaded gets no replies and no timers). No lease: the state written
   * holds every snapshot this instance knew of, and nothing is removed; the lease is given up
   * unless `release` is false.
   */
  writeNow(state: Uint8Array, digest: string, cover: Coverage, release = true): { manifest: Manifest; done: Promise<unknown> } {
    const { manifest, chunks } = this.prepare(state, digest, cover);
    const calls = chunks.map(([key, value]) => this.storage.set(key, value));
    calls.push(this.storage.set(MANIFEST_KEY, manifest as unknown as JsonValue));
    if (release) calls.push(this.releaseLease());
    this.lastWritten = manifest;
    return { manifest, done: Promise.allSettled(calls) };
  }

  private prepare(state: Uint8Array, digest: string, cover?: Coverage): { manifest: Manifest; chunks: Array<[string, JsonValue]> } {
    const gen = `${this.opts.writerId}-${++this.counter}-${Math.floor(this.opts.random() * 1e9).toString(36)}`;
    const data = toBase64(state);
    const manifest: Manifest = {
      v: 2, gen, n: 0, bytes: state.length, hash: hash53(state), digest, writer: this.opts.writerId, at: this.opts.now(),
      sv: cover ? toBase64(cover.sv) : '', ds: cover ? toBase64(cover.ds) : '',
    };
    // Inline if the whole manifest stays within one chunk's room.
    if (data.length + manifest.sv.length + manifest.ds.length + 400 <= this.chunkChars) return { manifest: { ...manifest, d: data }, chunks: [] };
    const n = Math.max(1, Math.ceil(data.length / this.chunkChars));
    const chunks: Array<[string, JsonValue]> = [];
    for (let i = 0; i < n; i++) chunks.push([chunkKey(gen, i), { gen, i, d: data.slice(i * this.chunkChars, (i + 1) * this.chunkChars) }]);
    return { manifest: { ...manifest, n }, chunks };
  }

  private async removeGeneration(gen: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) await this.storage.remove(chunkKey(gen, i));
  }

  private nonce(): string {
    return `${this.opts.writerId}:${++this.counter}:${Math.floor(this.opts.random() * 1e12).toString(36)}`;
  }
}

/** The state an inline manifest holds; throws if it does not decode or check. */
export function inlineState(m: Manifest): Uint8Array {
  if (m.d === undefined) throw new Error('the snapshot is not inline');
  return checked(m, m.d);
}

function checked(m: Manifest, data: string): Uint8Array {
  const update = decodeBase64(data);
  if (update.length !== m.bytes || hash53(update) !== m.hash) throw new Error('snapshot hash mismatch');
  return update;
}

export function parseManifest(v: unknown): Manifest | null {
  if (typeof v !== 'object' || v === null) return null;
  const m = v as Record<string, unknown>;
  if ((m.v !== 1 && m.v !== 2) || typeof m.gen !== 'string' || typeof m.hash !== 'string' || typeof m.digest !== 'string') return null;
  if (typeof m.n !== 'number' || !Number.isInteger(m.n) || m.n < 0 || m.n > 10_000) return null;
  if (typeof m.bytes !== 'number' || !Number.isInteger(m.bytes) || m.bytes < 0) return null;
  if (m.n === 0 && typeof m.d !== 'string') return null;
  return {
    v: m.v, gen: m.gen, n: m.n, bytes: m.bytes, hash: m.hash, digest: m.digest,
    writer: typeof m.writer === 'string' ? m.writer : '', at: typeof m.at === 'number' ? m.at : 0,
    sv: typeof m.sv === 'string' ? m.sv : '', ds: typeof m.ds === 'string' ? m.ds : '',
    ...(m.n === 0 ? { d: m.d as string } : {}),
  };
}

export function parseLease(v: unknown): Lease | null {
  if (typeof v !== 'object' || v === null) return null;
  const l = v as Record<string, unknown>;
  if (typeof l.writer !== 'string' || typeof l.nonce !== 'string' || typeof l.until !== 'number') return null;
  return { writer: l.writer, nonce: l.nonce, until: l.until };
}
