/**
 * When, and by whom, the Miro transport saves the snapshot (snapshot-store.ts), and what this
 * replica knows of what is saved.
 *
 * - Every replica knows what the stored snapshot covers: the manifest says (state vector and
 *   delete set), and its change notification reaches every instance for free, with the state
 *   itself when it is inline; that state is merged into the doc, so a write is always a
 *   superset of every snapshot the writer knew of.
 * - A change is saved `saveDelayMs` after this replica first held unsaved state, and no
 *   sooner than `saveGapMs` after its previous save (a busy round saves every few seconds, a
 *   quiet board once per change): by the writer in line (rank 0: the lowest client id present,
 *   so whoever is alone saves their own change). The others wait longer, by rank: if the
 *   writer left without a word or crashed, the next in line saves once its lease has run out.
 * - A closing page (`leave`) issues its save at once, without the lease and without waiting for
 *   anything, when it holds unsaved edits it authored (another leaving replica may lack them);
 *   and gives its lease up.
 */
import * as Y from 'yjs';
import type { Clock, Logger } from './miro-transport-options.js';
import type { NamedTimers } from './named-timers.js';
import { decodeBase64, hash53 } from './wire.js';
import { deleteSetUpdate, dsContains, svAhead, type DeleteSet, type StateVector } from './state.js';
import { inlineState, parseManifest, type Manifest, type SnapshotStore } from './snapshot-store.js';

/**
 * - `saved`: the stored snapshot holds everything this replica has.
 * - `saving`: this replica holds changes the snapshot lacks; a save is due or under way.
 * - `unsaved`: the last attempt failed (offline, refused); it is tried again.
 */
export type SaveState = 'saved' | 'saving' | 'unsaved';

export interface SaveStatus {
  state: SaveState;
  /** When (this replica's clock) the snapshot was last seen to hold all of this replica's state. */
  savedAt: number | null;
}

export interface SaverOptions {
  doc: Y.Doc;
  /** Origin of the transport's own doc writes (merged snapshots are not re-broadcast). */
  origin: unknown;
  store: SnapshotStore;
  clock: Clock;
  timers: NamedTimers;
  log: Logger;
  saveDelayMs: number;
  saveGapMs: number;
  /** Whether this replica may write the snapshot at all. */
  writer: boolean;
  /** 0: first in line to save (the lowest client id present); k: k-th after it. */
  rank(): number;
  /** Client ids this replica has written under. */
  own: ReadonlySet<number>;
}

interface Known {
  manifest: Manifest;
  /** Null when the manifest does not say (a v1 manifest): only an equal digest counts as covered. */
  sv: StateVector | null;
  ds: DeleteSet | null;
  /** Whether its state is merged into the doc. */
  merged: boolean;
}

const TIMER = 'save';

export class Saver {
  private known: Known | null = null;
  private dirtySince: number | null = null;
  /** The state at `dirtySince` (taken lazily): once the snapshot holds it, the clock restarts. */
  private checkpoint: { sv: StateVector; ds: DeleteSet } | null = null;
  private lastWriteAt = -Infinity;
  private writing = false;
  private failed = false;
  private closed = false;
  private current: SaveStatus = { state: 'saved', savedAt: null };
  private readonly listeners = new Set<(s: SaveStatus) => void>();

  constructor(private readonly o: SaverOptions) {}

  get status(): SaveStatus {
    return this.current;
  }

  onStatus(cb: (s: SaveStatus) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** The snapshot loaded at start (already applied to the doc). */
  loaded(manifest: Manifest): void {
    this.known = { ...covers(manifest), manifest, merged: true };
    this.evaluate();
  }

  /** The manifest changed in storage (anyone's write, ours included). */
  onManifest(value: unknown): void {
    const m = parseManifest(value);
    if (!m || this.closed || m.gen === this.known?.manifest.gen) return;
    let merged = false;
    if (m.d !== undefined) {
      try {
        Y.applyUpdate(this.o.doc, inlineState(m), this.o.origin);
        merged = true;
      } catch (err) {
        this.o.log.warn('[miro-transport] ignored a stored snapshot that does not decode', err);
        return;
      }
    }
    this.known = { ...covers(m), manifest: m, merged };
    this.evaluate();
  }

  /** The doc changed (any origin). */
  changed(): void {
    if (this.closed || !this.o.writer) return;
    if (this.dirtySince === null) {
      this.dirtySince = this.o.clock.now();
      this.checkpoint = null;
      this.set(this.failed ? 'unsaved' : 'saving');
    }
    if (!this.o.timers.has(TIMER)) this.arm(this.o.saveDelayMs);
  }

  /** Someone joined or left: the line may have moved. */
  lineChanged(): void {
    if (this.dirtySince !== null && !this.writing) this.arm(0);
  }

  /**
   * A closing page's save: issued at once (see SnapshotStore.writeNow), resolving when the
   * calls settle (a page being unloaded never sees that). Null when nothing needs saving here.
   */
  leave(): Promise<unknown> | null {
    this.closed = true;
    this.o.timers.cancel(TIMER);
    const saved = this.saveNow(true);
    return saved ?? (this.o.store.holdsLease() ? this.o.store.releaseLease() : null);
  }

  /**
   * The page may be going away (hidden): our unsaved edits are written at once, as `leave`
   * does, and the lease kept. Null when there is nothing of ours to save.
   */
  saveNow(release = false): Promise<unknown> | null {
    if (!this.o.writer) return null;
    const now = Y.snapshot(this.o.doc);
    if (this.covered(now) || !this.authoredUnsaved(now)) return null;
    const { manifest, done } = this.o.store.writeNow(Y.encodeStateAsUpdate(this.o.doc), digestOf(now), this.cover(), release);
    this.lastWriteAt = this.o.clock.now();
    if (!this.closed) void done.then(() => this.onWritten(manifest));
    return done;
  }

  private onWritten(m: Manifest): void {
    if (this.closed || (this.known && this.known.manifest.at > m.at)) return;
    this.known = { ...covers(m), manifest: m, merged: true };
    this.evaluate();
  }

  // ---- internals -------------------------------------------------------------------------

  private arm(ms: number): void {
    this.o.timers.set(TIMER, Math.max(0, ms), () => void this.tick());
  }

  /** Whether the snapshot we know of holds `state`. */
  private covered(state: Y.Snapshot): boolean {
    const k = this.known;
    if (!k) return false;
    if (!k.sv || !k.ds) return k.manifest.digest === digestOf(state);
    return !svAhead(state.sv, k.sv) && dsContains(k.ds, state.ds);
  }

  /** Inserts of ours the snapshot lacks, or deletes it lacks (we cannot tell whose those are). */
  private authoredUnsaved(state: Y.Snapshot): boolean {
    const k = this.known;
    if (!k?.sv || !k.ds) return true;
    for (const c of this.o.own) if ((state.sv.get(c) ?? 0) > (k.sv.get(c) ?? 0)) return true;
    return !dsContains(k.ds, state.ds);
  }

  private evaluate(): void {
    if (this.closed) return;
    const state = Y.snapshot(this.o.doc);
    if (this.covered(state)) {
      this.dirtySince = null;
      this.checkpoint = null;
      this.failed = false;
      this.o.timers.cancel(TIMER);
      this.current = { state: 'saved', savedAt: this.o.clock.now() };
      for (const cb of [...this.listeners]) cb(this.current);
      return;
    }
    const now = this.o.clock.now();
    if (this.dirtySince === null || (this.checkpoint && this.covered(snapshotOf(this.checkpoint)))) {
      // Newly dirty, or the snapshot caught up with what was unsaved then: count from now.
      this.dirtySince = now;
      this.checkpoint = { sv: state.sv, ds: state.ds };
    } else if (!this.checkpoint) this.checkpoint = { sv: state.sv, ds: state.ds };
    this.set(this.failed ? 'unsaved' : 'saving');
    if (!this.o.timers.has(TIMER) && !this.writing) this.arm(this.o.saveDelayMs);
  }

  /** When this replica should write, given its place in line and the lease. */
  private dueAt(): number {
    const since = this.dirtySince ?? this.o.clock.now();
    const rank = this.o.rank();
    let due = rank === 0
      ? Math.max(since + this.o.saveDelayMs, this.lastWriteAt + this.o.saveGapMs)
      : since + this.o.saveDelayMs + this.o.saveGapMs + 4 * this.o.saveDelayMs * rank;
    const leased = this.o.store.otherLeaseUntil();
    if (leased > this.o.clock.now()) due = Math.max(due, leased + 50);
    return due;
  }

  private async tick(): Promise<void> {
    if (this.closed || !this.o.writer || this.writing) return;
    this.evaluate();
    if (this.dirtySince === null) return;
    const wait = this.dueAt() - this.o.clock.now();
    if (wait > 0) return this.arm(wait);
    this.writing = true;
    try {
      await this.write();
    } finally {
      this.writing = false;
    }
    if (!this.closed) this.evaluate();
  }

  private async write(): Promise<void> {
    const k = this.known;
    if (k && !k.merged) {
      // A chunked snapshot we have not merged: read it, so our write holds it too.
      try {
        Y.applyUpdate(this.o.doc, await this.o.store.dataOf(k.manifest), this.o.origin);
        k.merged = true;
      } catch (err) {
        this.o.log.warn('[miro-transport] could not read the stored snapshot before saving', err);
        return this.retry();
      }
    }
    if (this.closed) return;
    const state = Y.snapshot(this.o.doc);
    const cover = this.cover();
    const result = await this.o.store.write(Y.encodeStateAsUpdate(this.o.doc), digestOf(state), cover, k?.manifest ?? null);
    this.lastWriteAt = this.o.clock.now();
    if (result === 'written') {
      this.failed = false;
      const m = this.o.store.lastWritten;
      if (m) this.known = { ...covers(m), manifest: m, merged: true };
      return;
    }
    if (result === 'lease-held') return; // dueAt waits for the lease to run out
    this.retry();
  }

  private retry(): void {
    this.failed = true;
    this.set('unsaved');
  }

  private cover(): { sv: Uint8Array; ds: Uint8Array } {
    return { sv: Y.encodeStateVector(this.o.doc), ds: deleteSetUpdate(this.o.doc) };
  }

  private set(state: SaveState): void {
    if (this.current.state === state) return;
    this.current = { state, savedAt: this.current.savedAt };
    for (const cb of [...this.listeners]) cb(this.current);
  }
}

function covers(m: Manifest): { sv: StateVector | null; ds: DeleteSet | null } {
  if (!m.sv || !m.ds) return { sv: null, ds: null };
  try {
    return { sv: Y.decodeStateVector(decodeBase64(m.sv)), ds: Y.decodeUpdate(decodeBase64(m.ds)).ds };
  } catch {
    return { sv: null, ds: null };
  }
}

function snapshotOf(c: { sv: StateVector; ds: DeleteSet }): Y.Snapshot {
  return Y.createSnapshot(c.ds, c.sv);
}

/** The same digest as state.ts `summarize`, from a snapshot already taken. */
function digestOf(s: Y.Snapshot): string {
  return hash53(Y.encodeSnapshot(s));
}
