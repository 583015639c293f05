/**
 * A Yjs provider over Miro's realtime events and board storage: no server.
 *
 * The bus loses messages and keeps no history, so correctness rests on anti-entropy, not on
 * delivery: every frame carries the sender's state summary (state vector + digest of state
 * vector and delete set). A replica that sees it lacks something (a peer is ahead, an update
 * waits on a missing dependency, or states of equal vectors differ in deletes) sends a
 * request — y-protocols sync step 1 plus its own delete set — after a short random delay,
 * and retries with backoff until the lag is gone. Whoever has more answers with sync step 2,
 * after a random delay, unless someone else already answered with at least as much
 * (suppression keeps one answer per request on a busy board). Idle replicas send a
 * heartbeat (summary + presence) every `heartbeatMs`, so a loss at the tail of a burst is
 * found too. Local updates are merged and flushed every `flushMs`.
 *
 * The snapshot in storage (snapshot-store.ts) is what late joiners and an empty board load;
 * one replica — the lowest client id it can see, confirmed by a storage lease — rewrites it
 * from the merged doc (compaction) after changes and when it leaves.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CreditMeter, SyncStatus, SyncTransport } from './transport.js';
import type { MiroChannel } from './miro-channel.js';
import { emptyStats, meterChannel, type ChannelStats } from './metered-channel.js';
import { SnapshotStore, MANIFEST_KEY, parseManifest } from './snapshot-store.js';
import { decodeFrame, encodeFrame, FrameKind, hash53, parseEnvelope, Reassembler, splitFrame, type Frame } from './wire.js';
import { dsContains, deleteSetOf, deleteSetUpdate, hasPending, summarize, svAhead, svEqual, svMin, type DeleteSet, type StateVector } from './state.js';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
export const SYNC_EVENT = 'y';

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
  credits?: CreditMeter;
  log?: Logger;
  /** Local updates are merged and sent this often (clamped to 250–500 ms). Default 300. */
  flushMs?: number;
  /** Largest broadcast payload, in JSON characters. Default 16,000 (see README of sync). */
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
   * for the same gap puts ours off again. Default 2–6 s.
   */
  pullDelayMs?: [number, number];
  /**
   * Each frame resends this replica's own edits that some peer's summary still lacks, plus
   * the delete set, while that fits in this many bytes: a lost frame is then repaired by the
   * author's next one at no extra broadcast (credits are per call, not per byte). Default 8 KiB.
   */
  redundancyBytes?: number;
  /** Each frame also resends what our frames of the last this-many ms carried. Default 20 s. */
  redundancyMs?: number;
  /** Status becomes `synced` this long after the join request if nobody had more to send. */
  joinTimeoutMs?: number;
  /** The snapshot is rewritten this long after the first unsaved change. Default 30 s. */
  snapshotIntervalMs?: number;
  /** Whether this replica may write the snapshot at all. Default true. */
  snapshotWriter?: boolean;
  snapshotChunkChars?: number;
  leaseMs?: number;
  settleMs?: number;
}

interface PeerState {
  sv: StateVector;
  digest: string;
  at: number;
  /** A delete-set mismatch with this summary was already requested once. */
  dsPulled: boolean;
}

export class MiroTransport implements SyncTransport {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly stats: ChannelStats = emptyStats();
  /** Frames sent, by purpose (a frame is one broadcast unless it needed chunks). */
  readonly frames = { data: 0, heartbeat: 0, request: 0, reply: 0 };
  status: SyncStatus = 'connecting';

  private readonly channel: MiroChannel;
  private readonly store: SnapshotStore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly o: Required<Omit<MiroTransportOptions, 'channel' | 'doc' | 'clock' | 'random' | 'credits' | 'log'>>;
  private readonly reassembler: Reassembler;
  private readonly statusListeners = new Set<(s: SyncStatus) => void>();
  private readonly syncedWaiters: Array<() => void> = [];
  private readonly peers = new Map<number, PeerState>();
  /** Requests to answer: the requester's state vector, and ours when the request came. */
  private readonly pendingReplies = new Map<string, { theirs: StateVector; ours: StateVector }>();
  private readonly myRequests = new Set<string>();
  private pendingUpdates: Uint8Array[] = [];
  /** Client ids this replica has written under (the doc's own, and the session's throwaway ones). */
  private readonly myClients = new Set<number>();
  /** Our own clocks when each recent frame was sent: what the last `redundancyMs` carried. */
  private sentClocks: Array<{ at: number; sv: StateVector }> = [];
  private awarenessDirty = false;
  private lastAwarenessAt = -Infinity;
  private lastSentAt = -Infinity;
  private summaryCache: { sv: Uint8Array; svMap: StateVector; digest: string } | null = null;
  private lastSnapshotDigest: string | null = null;
  private timers = new Map<string, unknown>();
  private pullBackoff = 0;
  private seq = 0;
  private joined = false;
  private offline = false;
  private writing = false;
  private destroyed = false;
  private readonly onPayload = (payload: unknown): void => this.receive(payload);
  private readonly onManifest = (value: unknown): void => {
    const m = parseManifest(value);
    if (m) this.lastSnapshotDigest = m.digest;
  };
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.summaryCache = null;
    if (!this.timers.has('snapshot')) this.after('snapshot', this.o.snapshotIntervalMs, () => void this.maybeSnapshot());
    if (origin === this) return;
    for (const client of Y.parseUpdateMeta(update).from.keys()) this.myClients.add(client);
    this.pendingUpdates.push(update);
    this.scheduleFlush();
  };
  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this) return;
    const id = this.doc.clientID;
    if (changes.added.includes(id) || changes.updated.includes(id) || changes.removed.includes(id)) {
      this.awarenessDirty = true;
      this.scheduleFlush();
    }
  };

  constructor(options: MiroTransportOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? console;
    this.o = {
      flushMs: Math.min(500, Math.max(250, options.flushMs ?? 300)),
      maxPayloadChars: options.maxPayloadChars ?? 16_000,
      heartbeatMs: options.heartbeatMs ?? 30_000,
      presenceTimeoutMs: options.presenceTimeoutMs ?? 100_000,
      replyStepMs: options.replyStepMs ?? 700,
      pullDelayMs: options.pullDelayMs ?? [6_000, 14_000],
      redundancyBytes: options.redundancyBytes ?? 8 * 1024,
      redundancyMs: options.redundancyMs ?? 20_000,
      joinTimeoutMs: options.joinTimeoutMs ?? 2_000,
      snapshotIntervalMs: options.snapshotIntervalMs ?? 30_000,
      snapshotWriter: options.snapshotWriter ?? true,
      snapshotChunkChars: options.snapshotChunkChars ?? 48 * 1024,
      leaseMs: options.leaseMs ?? 90_000,
      settleMs: options.settleMs ?? 500,
    };
    this.channel = meterChannel(options.channel, this.stats, options.credits);
    this.reassembler = new Reassembler(Math.max(30_000, this.o.heartbeatMs));
    this.store = new SnapshotStore(this.channel.storage, {
      writerId: this.doc.clientID.toString(36),
      now: () => this.clock.now(),
      sleep: (ms) => new Promise((resolve) => this.clock.setTimeout(resolve, ms)),
      random: this.random,
      warn: (m, e) => this.log.warn(`[miro-transport] ${m}`, e),
      chunkChars: this.o.snapshotChunkChars,
      leaseMs: this.o.leaseMs,
      settleMs: this.o.settleMs,
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // Presence timing is ours (on the injected clock, with a longer timeout than the
    // library's 30 s, so an idle board renews presence less often): stop the library's timer.
    clearInterval(this.awareness._checkInterval);
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    void this.start();
  }

  whenSynced(): Promise<void> {
    if (this.status === 'synced') return Promise.resolve();
    return new Promise((resolve) => this.syncedWaiters.push(resolve));
  }

  onStatus(cb: (status: SyncStatus) => void): () => void {
    this.statusListeners.add(cb);
    return () => this.statusListeners.delete(cb);
  }

  destroy(): void {
    void this.leave();
  }

  /** Leaves the board: last flush, presence removed, snapshot written if ours is newer. */
  async leave(): Promise<void> {
    if (this.destroyed) return;
    this.destroyed = true;
    for (const h of this.timers.values()) this.clock.clearTimeout(h);
    this.timers.clear();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.awarenessDirty = true;
    try {
      await this.send(FrameKind.data, { forceAwareness: true });
      if (this.o.snapshotWriter && this.summary().digest !== this.lastSnapshotDigest) await this.writeSnapshot();
      await this.store.releaseLease();
    } catch (err) {
      this.log.warn('[miro-transport] leave incomplete', err);
    }
    await this.channel.off(SYNC_EVENT, this.onPayload).catch(() => undefined);
    await this.channel.storage.offValue(MANIFEST_KEY, this.onManifest).catch(() => undefined);
    this.awareness.destroy();
    this.setStatus('offline');
  }

  private async start(): Promise<void> {
    try {
      await this.channel.on(SYNC_EVENT, this.onPayload);
      await this.channel.storage.onValue(MANIFEST_KEY, this.onManifest);
      const snap = await this.store.load();
      if (snap && !this.destroyed) {
        Y.applyUpdate(this.doc, snap.update, this);
        this.lastSnapshotDigest = snap.manifest.digest;
      }
    } catch (err) {
      this.log.warn('[miro-transport] could not load the snapshot; peers will fill in', err);
    }
    if (this.destroyed) return;
    this.after('join', this.o.joinTimeoutMs, () => this.markJoined());
    this.after('presence', this.o.presenceTimeoutMs / 4, () => this.presenceTick());
    await this.sendRequest();
    this.scheduleHeartbeat();
  }

  // ---- sending ---------------------------------------------------------------------------

  private scheduleFlush(): void {
    if (this.destroyed || this.timers.has('flush')) return;
    this.after('flush', this.o.flushMs, () => {
      if (this.pendingUpdates.length > 0 || this.awarenessDirty) void this.send(FrameKind.data);
    });
  }

  private scheduleHeartbeat(): void {
    const ms = this.o.heartbeatMs * (0.8 + 0.4 * this.random());
    this.after('heartbeat', this.offline ? Math.min(ms, 5_000) : ms, () => {
      if (this.offline || this.clock.now() - this.lastSentAt >= this.o.heartbeatMs * 0.8) void this.send(FrameKind.data, { heartbeat: true });
      this.scheduleHeartbeat();
    });
  }

  private async sendRequest(): Promise<void> {
    const reqId = `${this.doc.clientID.toString(36)}.${++this.seq}`;
    this.myRequests.add(reqId);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, this.doc);
    await this.send(FrameKind.request, { reqId, extra: [encoding.toUint8Array(e), syncMessage(deleteSetUpdate(this.doc))] });
  }

  private async sendReplies(): Promise<void> {
    if (this.pendingReplies.size === 0) return;
    const replyTo = [...this.pendingReplies.keys()];
    const base = svMin([...this.pendingReplies.values()].map((r) => r.theirs));
    this.pendingReplies.clear();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep2(e, this.doc, Y.encodeStateVector(base));
    // Step 2 holds everything beyond `base`, our unsent local updates included.
    this.pendingUpdates = [];
    await this.send(FrameKind.reply, { replyTo, extra: [encoding.toUint8Array(e)] });
  }

  /** Builds one frame (with unsent updates and presence folded in) and broadcasts it. */
  private async send(
    kind: FrameKind,
    opts: { reqId?: string; replyTo?: string[]; extra?: Uint8Array[]; forceAwareness?: boolean; heartbeat?: boolean } = {},
  ): Promise<void> {
    this.frames[opts.heartbeat ? 'heartbeat' : kind === FrameKind.request ? 'request' : kind === FrameKind.reply ? 'reply' : 'data']++;
    this.cancel('flush');
    const messages = [...(opts.extra ?? [])];
    const own = kind === FrameKind.reply ? null : this.ownRepair();
    if (own) messages.push(syncMessage(own));
    else if (this.pendingUpdates.length > 0) messages.push(syncMessage(Y.mergeUpdates(this.pendingUpdates)));
    this.pendingUpdates = [];
    const now = this.clock.now();
    const renew = now - this.lastAwarenessAt >= this.o.heartbeatMs / 2 && this.awareness.getLocalState() !== null;
    if (renew && !this.destroyed) this.awareness.setLocalState(this.awareness.getLocalState());
    if (this.awarenessDirty || renew || opts.forceAwareness) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
      messages.push(encoding.toUint8Array(e));
      this.awarenessDirty = false;
      this.lastAwarenessAt = now;
    }
    this.cancel('flush'); // a presence renewal above may have scheduled one: it is in this frame
    const { sv, digest } = this.summary();
    const frame: Frame = { kind, reqId: opts.reqId ?? '', replyTo: opts.replyTo ?? [], sv, digest, messages };
    const key = `${(++this.seq).toString(36)}${Math.floor(this.random() * 1e9).toString(36)}`;
    try {
      for (const chunk of splitFrame(encodeFrame(frame), this.doc.clientID, key, this.o.maxPayloadChars)) {
        await this.channel.broadcast(SYNC_EVENT, { ...chunk });
      }
      this.lastSentAt = this.clock.now();
      if (this.offline) {
        this.offline = false;
        this.setStatus(this.joined ? 'synced' : 'connecting');
        if (kind !== FrameKind.request) void this.sendRequest(); // we may have missed things
      }
    } catch (err) {
      this.log.warn('[miro-transport] broadcast failed', err);
      if (!this.offline) {
        this.offline = true;
        this.setStatus('offline');
      }
    }
  }

  // ---- receiving -------------------------------------------------------------------------

  private receive(payload: unknown): void {
    if (this.destroyed) return;
    const env = parseEnvelope(payload, 4 * this.o.maxPayloadChars);
    if (typeof env === 'string') return this.log.warn(`[miro-transport] ignored a message: ${env}`);
    if (env.s === this.doc.clientID) return;
    try {
      const bytes = this.reassembler.accept(env, this.clock.now());
      if (bytes) this.handleFrame(env.s, decodeFrame(bytes));
    } catch (err) {
      this.log.warn('[miro-transport] ignored a malformed message', err);
    }
  }

  private handleFrame(sender: number, frame: Frame): void {
    const senderSv = Y.decodeStateVector(frame.sv);
    let requesterSv: StateVector | null = null;
    const deleteSets: DeleteSet[] = [];
    for (const m of frame.messages) {
      try {
        const d = decoding.createDecoder(m);
        const type = decoding.readVarUint(d);
        if (type === MESSAGE_AWARENESS) {
          awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
        } else if (type === MESSAGE_SYNC) {
          const step = decoding.readVarUint(d);
          const data = decoding.readVarUint8Array(d);
          if (step === syncProtocol.messageYjsSyncStep1) {
            requesterSv = Y.decodeStateVector(data);
          } else if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
            deleteSets.push(Y.decodeUpdate(data).ds); // parses the whole update: garbage throws here
            Y.applyUpdate(this.doc, data, this);
          } else throw new Error(`unknown sync step ${step}`);
        } else throw new Error(`unknown message type ${type}`);
      } catch (err) {
        this.log.warn('[miro-transport] ignored a malformed part of a message', err);
      }
    }
    const prev = this.peers.get(sender);
    this.peers.set(sender, {
      sv: senderSv,
      digest: frame.digest,
      at: this.clock.now(),
      dsPulled: prev !== undefined && prev.digest === frame.digest && prev.dsPulled,
    });
    const mine = this.summary();
    if (frame.kind === FrameKind.request && requesterSv) {
      const theirDs = Y.mergeDeleteSets(deleteSets);
      if (svAhead(mine.svMap, requesterSv) || !dsContains(theirDs, deleteSetOf(this.doc))) {
        this.pendingReplies.set(frame.reqId, { theirs: requesterSv, ours: mine.svMap });
        if (!this.timers.has('reply')) {
          const delay = this.replyRank(frame.reqId, sender, requesterSv) * this.o.replyStepMs + this.random() * 150;
          this.after('reply', delay, () => void this.sendReplies());
        }
      }
      // Its answer will hold everything beyond its state vector: if that is behind ours, it
      // covers our own gap too, so put our request off.
      if (this.timers.has('pull') && !svAhead(requesterSv, mine.svMap)) this.armPull();
    }
    if (frame.kind === FrameKind.reply) {
      for (const id of frame.replyTo) {
        if (this.myRequests.delete(id)) this.markJoined();
        // The replier had every insert the requester lacked that we had when the request came,
        // bar our own (our next frames resend those anyway): its answer covers ours. A delete
        // only we have is found later by the digest comparison.
        const pending = this.pendingReplies.get(id);
        if (pending && covers(senderSv, pending, this.myClients)) this.pendingReplies.delete(id);
      }
      if (this.pendingReplies.size === 0) this.cancel('reply');
    }
    this.schedulePull();
  }

  // ---- anti-entropy ----------------------------------------------------------------------

  private lagging(): boolean {
    if (hasPending(this.doc)) return true;
    const mine = this.summary();
    const cutoff = this.clock.now() - this.o.presenceTimeoutMs;
    for (const p of this.peers.values()) {
      if (p.at < cutoff) continue;
      if (svAhead(p.sv, mine.svMap)) return true;
      if (!p.dsPulled && p.digest !== mine.digest && svEqual(p.sv, mine.svMap)) return true;
    }
    return false;
  }

  private schedulePull(): void {
    if (this.destroyed || this.timers.has('pull') || !this.lagging()) return;
    this.armPull();
  }

  private armPull(): void {
    const [lo, hi] = this.o.pullDelayMs;
    this.after('pull', lo + this.random() * (hi - lo), () => void this.pull());
  }

  /**
   * This replica's turn to answer a request: replicas that may hold what the requester lacks,
   * ordered by a hash of (request id, client id) — the same order everywhere they agree on
   * who is present. The first answers at once; the others wait their turn and usually find
   * an answer covering theirs already sent.
   */
  private replyRank(reqId: string, requester: number, requesterSv: StateVector): number {
    const cutoff = this.clock.now() - this.o.presenceTimeoutMs;
    const candidates = [this.doc.clientID];
    for (const [id, p] of this.peers) {
      if (id !== requester && p.at >= cutoff && (svAhead(p.sv, requesterSv) || p.digest !== this.peers.get(requester)?.digest)) candidates.push(id);
    }
    const key = (id: number) => hash53(new TextEncoder().encode(`${reqId}:${id}`));
    candidates.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a - b));
    return Math.min(4, candidates.indexOf(this.doc.clientID));
  }

  /**
   * Our own edits that some present peer's latest summary still lacks, with the whole delete
   * set; null when nobody lacks any and nothing is unsent, or when it would exceed
   * `redundancyBytes` (then the unsent updates go alone and requests repair the rest).
   */
  private ownRepair(): Uint8Array | null {
    const mine = this.summary().svMap;
    const base = new Map(mine);
    const cutoff = this.clock.now() - this.o.presenceTimeoutMs;
    let behind = false;
    const now = this.clock.now();
    this.sentClocks = this.sentClocks.filter((e) => now - e.at <= this.o.redundancyMs);
    const oldest = this.sentClocks[0]?.sv;
    this.sentClocks.push({ at: now, sv: new Map([...this.myClients].map((c) => [c, mine.get(c) ?? 0])) });
    for (const c of this.myClients) {
      const have = mine.get(c) ?? 0;
      let low = Math.min(have, oldest?.get(c) ?? have);
      for (const p of this.peers.values()) if (p.at >= cutoff) low = Math.min(low, p.sv.get(c) ?? 0);
      if (low < have) {
        base.set(c, low);
        behind = true;
      }
    }
    if (!behind) return null; // (unsent updates, if any, then go as they are)
    const diff = Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(base));
    return diff.length <= this.o.redundancyBytes ? diff : null;
  }

  private async pull(): Promise<void> {
    if (!this.lagging()) {
      this.pullBackoff = 0;
      return;
    }
    for (const p of this.peers.values()) p.dsPulled = true;
    await this.sendRequest();
    // Answers may be lost too: look again later, backing off up to the heartbeat period.
    this.pullBackoff = Math.min(this.o.heartbeatMs, this.pullBackoff === 0 ? 3_000 : this.pullBackoff * 2);
    if (!this.destroyed) this.after('pull', this.pullBackoff * (0.75 + 0.5 * this.random()), () => void this.pull());
  }

  private presenceTick(): void {
    const cutoff = this.clock.now() - this.o.presenceTimeoutMs;
    const gone = [...this.awareness.getStates().keys()].filter(
      (id) => id !== this.doc.clientID && (this.peers.get(id)?.at ?? -Infinity) < cutoff,
    );
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, this);
    for (const [id, p] of this.peers) if (p.at < cutoff) this.peers.delete(id);
    this.reassembler.expire(this.clock.now());
    // The writer may have gone with unsaved changes: the next one in line picks them up.
    if (this.lastSnapshotDigest !== this.summary().digest && !this.timers.has('snapshot')) {
      this.after('snapshot', this.o.snapshotIntervalMs, () => void this.maybeSnapshot());
    }
    this.after('presence', this.o.presenceTimeoutMs / 4, () => this.presenceTick());
  }

  // ---- snapshot --------------------------------------------------------------------------

  /** The lowest client id this replica can see writes the snapshot; the lease arbitrates. */
  private isDesignatedWriter(): boolean {
    const cutoff = this.clock.now() - this.o.presenceTimeoutMs;
    for (const [id, p] of this.peers) if (p.at >= cutoff && id < this.doc.clientID) return false;
    return true;
  }

  private async maybeSnapshot(): Promise<void> {
    if (!this.o.snapshotWriter || !this.isDesignatedWriter() || this.summary().digest === this.lastSnapshotDigest) return;
    await this.writeSnapshot();
  }

  private async writeSnapshot(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      const { digest } = this.summary();
      const result = await this.store.write(Y.encodeStateAsUpdate(this.doc), digest);
      if (result === 'written') this.lastSnapshotDigest = digest;
    } finally {
      this.writing = false;
    }
  }

  // ---- helpers ---------------------------------------------------------------------------

  private summary(): { sv: Uint8Array; svMap: StateVector; digest: string } {
    if (!this.summaryCache) {
      const s = summarize(this.doc);
      this.summaryCache = { ...s, svMap: Y.decodeStateVector(s.sv) };
    }
    return this.summaryCache;
  }

  private markJoined(): void {
    this.cancel('join');
    this.joined = true;
    if (!this.offline && !this.destroyed) this.setStatus('synced');
  }

  private setStatus(s: SyncStatus): void {
    if (s === this.status) return;
    this.status = s;
    if (s === 'synced') for (const w of this.syncedWaiters.splice(0)) w();
    for (const cb of this.statusListeners) cb(s);
  }

  private after(name: string, ms: number, fn: () => void): void {
    this.cancel(name);
    this.timers.set(name, this.clock.setTimeout(() => {
      this.timers.delete(name);
      if (!this.destroyed) fn();
    }, ms));
  }

  private cancel(name: string): void {
    const h = this.timers.get(name);
    if (h !== undefined) this.clock.clearTimeout(h);
    this.timers.delete(name);
  }
}

function covers(replier: StateVector, req: { theirs: StateVector; ours: StateVector }, own: ReadonlySet<number>): boolean {
  for (const [c, clock] of req.ours) {
    if (!own.has(c) && clock > (req.theirs.get(c) ?? 0) && (replier.get(c) ?? 0) < clock) return false;
  }
  return true;
}

function syncMessage(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}
