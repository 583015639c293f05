/**
 * A Yjs provider over Miro's realtime events and board storage: no server.
 *
 * The bus loses messages and keeps no history, so correctness rests on anti-entropy, not on
 * delivery. Every frame carries the sender's state summary (state vector + digest of state
 * vector and delete set), so everyone learns what everyone has:
 * - authors resend: each frame also carries this replica's own edits that a peer's summary
 *   still lacks (bytes are free, calls are not), so a lost frame is usually repaired by the
 *   author's next one;
 * - laggers ask: a replica that sees it lacks something (a peer is ahead, an update waits on a
 *   missing dependency, equal vectors but other deletes) sends a request — sync step 1 plus
 *   its delete set — after a delay, and again with backoff until the gap is gone;
 * - one answers: replicas holding more answer with sync step 2 in a ranked order, so usually
 *   only the first does; a request that covers ours puts ours off.
 * - everyone relays: a frame also carries what its sender learnt from anyone in the last
 *   `relayMs`, so a delivery lost to one peer is mended by the next frame anyone sends.
 * Idle replicas send a heartbeat (summary + presence) every `heartbeatMs`, which also finds a
 * loss at the tail of a burst. Local updates are merged and flushed every `flushMs`.
 * frame-sender.ts builds and sends the frames; requests.ts asks and answers.
 *
 * Presence: frames carry everyone's presence this replica knows (within a size limit), and a
 * joiner's request is always answered, so a joiner sees who is here at once. A leaving replica
 * says goodbye (a data frame with reqId BYE): the others stop counting it at once.
 *
 * The snapshot in storage (snapshot-store.ts) is what late joiners and an empty board load;
 * saver.ts decides when and who writes it: within seconds of a change, the lowest client id
 * present first, the next in line when that one has gone; a closing page saves at once.
 *
 * Ending the session (`end`, the facilitator's panel) sends its last frame, stops, and leaves
 * a tombstone where the snapshot was (snapshot-store.ts erase). From then on every replica
 * ignores updates and snapshots that carry anything of the ended session (core/session/end.ts),
 * and one that learns its own doc is the ended session's stops without a word or a save
 * (`onEnded`).
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { SyncStatus, SyncTransport } from './transport.js';
import type { MiroChannel } from './miro-channel.js';
import { emptyStats, meterChannel, type ChannelStats } from './metered-channel.js';
import { SnapshotStore, ENDED_KEY, MANIFEST_KEY, type EndedMark } from './snapshot-store.js';
import { Saver, type SaveStatus } from './saver.js';
import { decodeFrame, FrameKind, parseEnvelope, Reassembler, type Frame } from './wire.js';
import { summarize, type DeleteSet, type StateVector } from './state.js';
import { PeerTable } from './peers.js';
import { readMessage } from './messages.js';
import { resolveTuning, systemClock, type Clock, type Logger, type MiroTransportOptions, type Tuning } from './miro-transport-options.js';
import { NamedTimers } from './named-timers.js';
import { StatusCell } from './status-cell.js';
import { EndedWatch } from './ended-watch.js';
import { BYE, FrameSender, SYNC_EVENT, type Replica, type Summary } from './frame-sender.js';
import { JOIN, Requests } from './requests.js';

export { systemClock, type Clock, type Logger, type MiroTransportOptions } from './miro-transport-options.js';
export type { SaveState, SaveStatus } from './saver.js';
export { BYE, SYNC_EVENT } from './frame-sender.js';

export class MiroTransport implements SyncTransport {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  /** Calls made (each broadcast and storage call costs 50 credits, paid by the channel: the host's gate). */
  readonly stats: ChannelStats = emptyStats();
  private readonly channel: MiroChannel;
  private readonly store: SnapshotStore;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly o: Tuning;
  private readonly reassembler: Reassembler;
  private readonly peers: PeerTable;
  private readonly statusCell = new StatusCell('connecting');
  /** Client ids this replica has written under (the doc's own, and the session's throwaway ones). */
  private readonly myClients = new Set<number>();
  private summaryCache: Summary | null = null;
  private readonly saver: Saver;
  private readonly timers: NamedTimers;
  private readonly sender: FrameSender;
  private readonly requests: Requests;
  private joined = false;
  private joinTries = 0;
  private destroyed = false;
  /** Sessions ended on this board: nothing of them is taken in (ended-watch.ts). */
  private readonly ended: EndedWatch;
  /** What this panel's own ending writes (kept: a refused erase is tried again). */
  private endMark: EndedMark | null = null;

  private readonly onPayload = (payload: unknown): void => this.receive(payload);
  private readonly onManifest = (value: unknown): void => this.manifestChanged(value);
  private readonly onEndedValue = (value: unknown): void => {
    // A session on this board ended: if this doc is its copy, this replica stops.
    if (!this.destroyed && this.ended.learn(value) && this.ended.holds(this.doc)) this.endedHere();
  };
  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.summaryCache = null;
    this.saver.changed();
    if (origin === this) return;
    for (const client of Y.parseUpdateMeta(update).from.keys()) this.myClients.add(client);
    this.sender.queue(update);
  };
  private readonly onAwarenessUpdate = (c: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const id = this.doc.clientID;
    if (origin === this) {
      // Presence that reached us, directly or passed on: its owner is here.
      for (const client of [...c.added, ...c.updated]) this.peers.touch(client);
      return;
    }
    if (c.added.includes(id) || c.updated.includes(id) || c.removed.includes(id)) this.sender.presenceChanged();
  };

  constructor(options: MiroTransportOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? console;
    this.o = resolveTuning(options);
    this.timers = new NamedTimers(this.clock, () => !this.destroyed);
    this.channel = meterChannel(options.channel, this.stats);
    this.reassembler = new Reassembler(Math.max(30_000, this.o.heartbeatMs));
    this.peers = new PeerTable(this.doc.clientID, this.o.presenceTimeoutMs, this.o.heartbeatMs / 2, () => this.clock.now());
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
    this.ended = new EndedWatch(this.store, this.channel.storage, this.log);
    this.saver = new Saver({
      doc: this.doc, origin: this, store: this.store, clock: this.clock, timers: this.timers, log: this.log,
      saveDelayMs: this.o.saveDelayMs, saveGapMs: this.o.saveGapMs, writer: this.o.snapshotWriter,
      rank: () => this.peers.writerRank(), own: this.myClients,
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // Presence timing is ours (on the injected clock, with a longer timeout than the
    // library's 30 s, so an idle board renews presence less often): stop the library's timer.
    clearInterval(this.awareness._checkInterval);
    const replica: Replica = {
      doc: this.doc, awareness: this.awareness, channel: this.channel, clock: this.clock, random: this.random, log: this.log,
      o: this.o, timers: this.timers, peers: this.peers, own: this.myClients, summary: () => this.summary(), alive: () => !this.destroyed,
    };
    this.sender = new FrameSender(replica, (kind) => {
      this.setStatus(this.joined ? 'synced' : 'connecting');
      if (kind !== FrameKind.request) void this.requests.request(); // we may have missed things
    }, () => this.setStatus('offline'));
    this.requests = new Requests(replica, this.sender, () => this.markJoined());
    this.doc.on('update', this.onDocUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
    void this.start();
  }

  /** Frames sent, by purpose (a frame is one broadcast unless it needed chunks). */
  get frames(): FrameSender['frames'] {
    return this.sender.frames;
  }

  get status(): SyncStatus {
    return this.statusCell.value;
  }

  whenSynced(): Promise<void> {
    return this.statusCell.whenSynced();
  }

  onStatus(cb: (status: SyncStatus) => void): () => void {
    return this.statusCell.onChange(cb);
  }

  /** What this replica knows of the snapshot: saved, or saving (see saver.ts). */
  get saveStatus(): SaveStatus {
    return this.saver.status;
  }

  onSaveStatus(cb: (s: SaveStatus) => void): () => void {
    return this.saver.onStatus(cb);
  }

  destroy(): void {
    void this.leave();
  }

  /**
   * The page is hidden and may not come back (a mobile browser discards hidden pages without
   * pagehide): unsent edits go now, and so does the save of our own unsaved edits, at once.
   */
  saveNow(): void {
    if (this.destroyed) return;
    void this.sender.flush();
    void this.saver.saveNow();
  }

  /**
   * Leaves the board. Everything a closing page must do is issued before this returns, with
   * no waiting on replies: the goodbye frame (last edits, presence removed), the snapshot if
   * this replica holds unsaved edits of its own, and the lease given up. The promise settles
   * once those calls do (a page being unloaded never sees that; nothing depends on it).
   */
  leave(): Promise<void> {
    if (this.destroyed) return Promise.resolve();
    this.destroyed = true;
    this.timers.cancelAll();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.sender.presenceChanged();
    const sent = this.sender.send(FrameKind.data, { reqId: BYE });
    const saved = this.saver.leave();
    return this.afterLeave(Promise.allSettled([sent, saved]));
  }

  /** Called once this replica's session has ended (here, or learnt from the board's storage). */
  onEnded(cb: (endedAt: number) => void): () => void {
    return this.ended.onEnded(cb);
  }

  /**
   * The facilitator's panel ends the session: its last frame goes out (the session's end mark
   * among it), the transport stops, and the snapshot's place in storage becomes the `ended`
   * mark. Rejects if storage refused (the transport stays stopped; calling again tries again).
   */
  async end(endedAt: number): Promise<void> {
    if (!this.endMark) {
      if (this.destroyed) return;
      await this.sender.flush();
      this.endMark = await this.ended.markFor(this.doc, endedAt);
      this.stop();
    }
    await this.store.erase(this.endMark);
    this.ended.fire(endedAt);
  }

  /** Stops without a frame or a save: this replica's doc is an ended session's. */
  drop(): void {
    if (!this.destroyed) this.stop();
  }

  private stop(): void {
    this.destroyed = true;
    this.timers.cancelAll();
    this.doc.off('update', this.onDocUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.sender.dropUnsent();
    // Goodbye without a word of the doc: the others stop counting this replica at once.
    awarenessProtocol.removeAwarenessStates(this.awareness, [this.doc.clientID], 'local');
    this.sender.presenceChanged();
    void this.afterLeave(this.sender.send(FrameKind.data, { reqId: BYE, bare: true }));
  }

  /** A snapshot was saved: merged, unless it is an ended session's (an old copy saved it). */
  private manifestChanged(value: unknown): void {
    if (!this.destroyed && !this.ended.blocksManifest(value)) this.saver.onManifest(value);
  }

  private endedHere(): void {
    this.stop();
    this.ended.fire();
  }

  private async afterLeave(calls: Promise<unknown>): Promise<void> {
    await calls;
    await this.channel.off(SYNC_EVENT, this.onPayload).catch(() => undefined);
    await this.channel.storage.offValue(MANIFEST_KEY, this.onManifest).catch(() => undefined);
    await this.channel.storage.offValue(ENDED_KEY, this.onEndedValue).catch(() => undefined);
    this.awareness.destroy();
    this.setStatus('offline');
  }

  private async start(): Promise<void> {
    try {
      await this.channel.on(SYNC_EVENT, this.onPayload);
      await this.channel.storage.onValue(MANIFEST_KEY, this.onManifest);
      await this.channel.storage.onValue(ENDED_KEY, this.onEndedValue);
      const snap = await this.store.load();
      this.ended.learn();
      // A snapshot an old copy saved after the end: the session stays ended.
      if (snap && this.ended.blocks(snap.update)) this.log.warn('[miro-transport] ignored a snapshot of an ended session');
      else if (snap && !this.destroyed) {
        Y.applyUpdate(this.doc, snap.update, this);
        this.saver.loaded(snap.manifest);
      }
    } catch (err) {
      this.log.warn('[miro-transport] could not load the snapshot; peers will fill in', err);
    }
    if (this.destroyed) return;
    // This doc came with an ended session in it (an old copy): it stops before a word.
    if (this.ended.holds(this.doc)) return this.endedHere();
    this.timers.set('join', this.o.joinTimeoutMs, () => this.markJoined());
    this.timers.set('presence', this.o.presenceTimeoutMs / 4, () => this.presenceTick());
    this.sender.scheduleHeartbeat();
    await this.join();
  }

  /** Asks everyone for what we lack and who is here; again if no answer came (it may be lost). */
  private async join(): Promise<void> {
    if (this.joined || this.destroyed || this.joinTries >= 3) return;
    this.joinTries++;
    this.timers.set('join-retry', this.o.joinRetryMs, () => void this.join());
    await this.requests.request(JOIN);
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
    // A panel still holding an ended session (it was cut off when it ended): nothing of it is
    // taken in, it is no writer in line, and it is told again through storage (once).
    if (this.ended.isOldCopy(senderSv)) return this.ended.nudge(sender);
    // What we had before this frame: relays from now on pass on whatever it brings.
    this.sender.heard();
    let requesterSv: StateVector | null = null;
    const deleteSets: DeleteSet[] = [];
    for (const bytes of frame.messages) {
      try {
        const m = readMessage(bytes);
        if (m.type === 'step1') requesterSv = m.sv;
        else if (m.type === 'awareness') awarenessProtocol.applyAwarenessUpdate(this.awareness, m.update, this);
        else if (this.ended.blocks(m.update)) {
          // A panel still holding an ended session: nothing of it comes back.
          continue;
        } else {
          deleteSets.push(m.ds);
          Y.applyUpdate(this.doc, m.update, this);
        }
      } catch (err) {
        this.log.warn('[miro-transport] ignored a malformed part of a message', err);
      }
    }
    if (frame.kind === FrameKind.data && frame.reqId === BYE) {
      this.peers.leave(sender);
      if (this.awareness.getStates().has(sender)) awarenessProtocol.removeAwarenessStates(this.awareness, [sender], this);
      this.saver.lineChanged();
      return;
    }
    this.peers.record(sender, senderSv, frame.digest);
    const mine = this.summary();
    if (frame.kind === FrameKind.request && requesterSv) this.requests.requested(frame, sender, requesterSv, deleteSets, mine);
    if (frame.kind === FrameKind.reply) this.requests.replied(frame, senderSv);
    this.requests.checkGap(mine);
  }

  private presenceTick(): void {
    const gone = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID && !this.peers.isPresent(id));
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, this);
    this.peers.prune();
    this.reassembler.expire(this.clock.now());
    // The writer may have gone silent: the line moves up.
    if (gone.length > 0) this.saver.lineChanged();
    this.timers.set('presence', this.o.presenceTimeoutMs / 4, () => this.presenceTick());
  }

  // ---- helpers ---------------------------------------------------------------------------

  private summary(): Summary {
    if (!this.summaryCache) {
      const s = summarize(this.doc);
      this.summaryCache = { ...s, svMap: Y.decodeStateVector(s.sv) };
    }
    return this.summaryCache;
  }

  private markJoined(): void {
    this.timers.cancel('join');
    this.timers.cancel('join-retry');
    this.joined = true;
    if (!this.sender.offline && !this.destroyed) this.setStatus('synced');
  }

  private setStatus(s: SyncStatus): void {
    this.statusCell.set(s);
  }
}

