/**
 * The Miro transport's outgoing side: local updates merged and flushed every `flushMs`, the
 * idle heartbeat, and each frame built (unsent updates, resends and relays, presence) and
 * broadcast in chunks. A broadcast that fails marks the link offline until one goes through.
 */
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { MiroChannel } from './miro-channel.js';
import type { Clock, Logger, Tuning } from './miro-transport-options.js';
import type { NamedTimers } from './named-timers.js';
import type { PeerTable } from './peers.js';
import type { StateSummary, StateVector } from './state.js';
import { awarenessMessage, awarenessUpdateMessage, updateMessage } from './messages.js';
import { encodeFrame, FrameKind, splitFrame, type Frame } from './wire.js';

export const SYNC_EVENT = 'y';
/** The reqId of a data frame that says goodbye (older replicas see a plain data frame). */
export const BYE = '!bye';
/** Presence of everyone known rides on a frame while it stays under this many bytes. */
const MAX_PRESENCE_BYTES = 4_096;

/** Our state summary, with the state vector decoded. */
export type Summary = StateSummary & { svMap: StateVector };

export interface SendOptions {
  reqId?: string;
  replyTo?: string[];
  extra?: Uint8Array[];
  heartbeat?: boolean;
  /** Nothing of the doc beyond `extra`: no unsent updates, no resends (an ended session's goodbye). */
  bare?: boolean;
}

/** What the transport's parts share: the replica's doc, presence, channel, clock and peers. */
export interface Replica {
  doc: Y.Doc;
  awareness: awarenessProtocol.Awareness;
  channel: MiroChannel;
  clock: Clock;
  random: () => number;
  log: Logger;
  o: Tuning;
  timers: NamedTimers;
  peers: PeerTable;
  /** Client ids this replica has written under. */
  own: ReadonlySet<number>;
  summary: () => Summary;
  alive: () => boolean;
}

export class FrameSender {
  /** Frames sent, by purpose (a frame is one broadcast unless it needed chunks). */
  readonly frames = { data: 0, heartbeat: 0, request: 0, reply: 0 };
  private pendingUpdates: Uint8Array[] = [];
  private awarenessDirty = false;
  private lastAwarenessAt = -Infinity;
  private lastSentAt = -Infinity;
  /** Our state vector at each recent frame sent or received: what the last seconds brought. */
  private history: Array<{ at: number; sv: StateVector }> = [];
  private seq = 0;
  private isOffline = false;

  constructor(
    private readonly d: Replica,
    /** A broadcast went through after some failed (`kind`: the frame that did). */
    private readonly onBack: (kind: FrameKind) => void,
    /** A broadcast failed while the link was up. */
    private readonly onLost: () => void,
  ) {}

  get offline(): boolean {
    return this.isOffline;
  }

  /** The next number in this replica's sequence (request ids and chunk keys). */
  nextSeq(): number {
    return ++this.seq;
  }

  /** A local update, sent with the next flush. */
  queue(update: Uint8Array): void {
    this.pendingUpdates.push(update);
    this.scheduleFlush();
  }

  /** Our presence changed: it goes with the next flush. */
  presenceChanged(): void {
    this.awarenessDirty = true;
    this.scheduleFlush();
  }

  /** Sends a data frame if anything waits. */
  async flush(): Promise<void> {
    if (this.pendingUpdates.length > 0 || this.awarenessDirty) await this.send(FrameKind.data);
  }

  /** Unsent updates are dropped: something else carries them (a reply's step 2) or nothing must. */
  dropUnsent(): void {
    this.pendingUpdates = [];
  }

  /** Our state vector before a frame received is applied: relays pass on what it brings. */
  heard(): void {
    this.history.push({ at: this.d.clock.now(), sv: Y.decodeStateVector(Y.encodeStateVector(this.d.doc)) });
  }

  scheduleHeartbeat(): void {
    const { o, timers, clock } = this.d;
    const ms = o.heartbeatMs * (0.8 + 0.4 * this.d.random());
    timers.set('heartbeat', this.isOffline ? Math.min(ms, 5_000) : ms, () => {
      if (this.isOffline || clock.now() - this.lastSentAt >= o.heartbeatMs * 0.8) void this.send(FrameKind.data, { heartbeat: true });
      this.scheduleHeartbeat();
    });
  }

  private scheduleFlush(): void {
    if (!this.d.alive() || this.d.timers.has('flush')) return;
    this.d.timers.set('flush', this.d.o.flushMs, () => void this.flush());
  }

  /** Builds one frame (unsent updates, resends and presence folded in) and broadcasts it. */
  async send(kind: FrameKind, opts: SendOptions = {}): Promise<void> {
    const { doc, awareness, channel, clock, o } = this.d;
    this.frames[opts.heartbeat ? 'heartbeat' : kind === FrameKind.request ? 'request' : kind === FrameKind.reply ? 'reply' : 'data']++;
    const messages = [...(opts.extra ?? [])];
    const resend = kind === FrameKind.reply || opts.bare ? null : this.resend();
    if (resend) messages.push(updateMessage(resend));
    else if (this.pendingUpdates.length > 0) messages.push(updateMessage(Y.mergeUpdates(this.pendingUpdates)));
    this.pendingUpdates = [];
    const now = clock.now();
    // Presence renewal rides on frames we send anyway, at most every half heartbeat.
    const renew = this.d.alive() && now - this.lastAwarenessAt >= o.heartbeatMs / 2 && awareness.getLocalState() !== null;
    if (renew) awareness.setLocalState(awareness.getLocalState());
    if (this.awarenessDirty || renew || kind === FrameKind.reply || opts.heartbeat) {
      messages.push(this.presenceMessage());
      this.awarenessDirty = false;
      this.lastAwarenessAt = now;
    }
    this.d.timers.cancel('flush'); // whatever it would have sent is in this frame
    const { sv, digest } = this.d.summary();
    const frame: Frame = { kind, reqId: opts.reqId ?? '', replyTo: opts.replyTo ?? [], sv, digest, messages };
    const key = `${this.nextSeq().toString(36)}${Math.floor(this.d.random() * 1e9).toString(36)}`;
    try {
      const chunks = splitFrame(encodeFrame(frame), doc.clientID, key, o.maxPayloadChars);
      if (opts.reqId === BYE) {
        // A closing page: every chunk goes at once.
        await Promise.all(chunks.map((chunk) => channel.broadcast(SYNC_EVENT, { ...chunk })));
      } else {
        for (const chunk of chunks) await channel.broadcast(SYNC_EVENT, { ...chunk });
      }
      this.lastSentAt = clock.now();
      if (this.isOffline) {
        this.isOffline = false;
        this.onBack(kind);
      }
    } catch (err) {
      this.d.log.warn('[miro-transport] broadcast failed', err);
      if (!this.isOffline) {
        this.isOffline = true;
        this.onLost();
      }
    }
  }

  /**
   * What this frame carries beyond unsent updates, if it fits the limit: our own edits some
   * peer still lacks or our frames of the last `redundancyMs` carried, and everything we learnt
   * from anyone in the last `relayMs`. Failing the limit, our own edits alone.
   */
  private resend(): Uint8Array | null {
    const { o, doc } = this.d;
    if (o.redundancyBytes <= 0) return null;
    const mine = this.d.summary().svMap;
    const now = this.d.clock.now();
    this.history = this.history.filter((e) => now - e.at <= Math.max(o.redundancyMs, o.relayMs));
    const ownFloor = this.history.find((e) => now - e.at <= o.redundancyMs)?.sv;
    const relayFloor = o.relayMs > 0 ? this.history.find((e) => now - e.at <= o.relayMs)?.sv : undefined;
    this.history.push({ at: now, sv: mine });
    const own = this.d.peers.resendBase(mine, this.d.own, ownFloor);
    let relay: StateVector | null = null;
    if (relayFloor) {
      for (const [c, clock] of mine) {
        const low = Math.min(own?.get(c) ?? clock, relayFloor.get(c) ?? 0);
        if (low < clock) (relay ??= new Map(own ?? mine)).set(c, low);
      }
    }
    for (const base of [relay, own]) {
      if (!base) continue;
      const diff = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base));
      if (diff.length <= o.redundancyBytes) return diff;
    }
    return null; // nothing to resend, or too much: unsent updates, if any, go as they are
  }

  /** Everyone's presence we know, or only ours when that would be too big for one frame. */
  private presenceMessage(): Uint8Array {
    const { awareness, doc } = this.d;
    const all = awarenessProtocol.encodeAwarenessUpdate(awareness, [...new Set([doc.clientID, ...awareness.getStates().keys()])]);
    return all.length <= MAX_PRESENCE_BYTES ? awarenessUpdateMessage(all) : awarenessMessage(awareness, doc.clientID);
  }
}
