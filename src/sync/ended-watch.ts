/**
 * What a Miro-transport replica knows of sessions ended on its board (the `ended` key of the
 * snapshot store): their client ids, and who to tell when its own doc turns out to be one of
 * them. Nothing of an ended session is taken in: not an update, not a snapshot, not a peer's
 * frame; a peer still holding one is told again through storage, once.
 */
import type * as Y from 'yjs';
import { addClients, clientsOf, decodeClients, encodeClients, holdsEnded, touchesEnded, type EndedClients } from '../core/session/end.js';
import type { ChannelStorage } from './miro-channel.js';
import type { Logger } from './miro-transport-options.js';
import { ENDED_KEY, inlineState, parseManifest, type EndedMark, type SnapshotStore } from './snapshot-store.js';

export class EndedWatch {
  /** Client ids of ended sessions on this board. */
  private clients: EndedClients = new Map();
  private readonly listeners = new Set<(endedAt: number) => void>();
  private readonly nudged = new Set<number>();

  constructor(
    private readonly store: SnapshotStore,
    private readonly storage: ChannelStorage,
    private readonly log: Logger,
  ) {}

  onEnded(cb: (endedAt: number) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Tells every listener this replica's session has ended. */
  fire(at = this.store.ended?.at ?? 0): void {
    for (const cb of [...this.listeners]) cb(at);
  }

  /** Takes in what the store read or was told (`value`: the `ended` key's new value); true if news. */
  learn(value?: unknown): boolean {
    if (value !== undefined && !this.store.noteEnded(value)) return false;
    this.clients = addClients(this.clients, decodeClients(this.store.ended?.clients));
    return true;
  }

  /** Whether `doc` holds an ended session (then it is an old copy). */
  holds(doc: Y.Doc): boolean {
    return holdsEnded(doc, this.clients);
  }

  /** Whether an update (or a saved snapshot's value) carries anything of an ended session. */
  blocks(update: Uint8Array): boolean {
    return touchesEnded(update, this.clients);
  }

  blocksManifest(value: unknown): boolean {
    const m = parseManifest(value);
    if (m?.d === undefined) return false;
    try {
      return this.blocks(inlineState(m));
    } catch {
      return false;
    }
  }

  /** A peer whose state vector names an ended session's client: it holds an old copy. */
  isOldCopy(sv: ReadonlyMap<number, number>): boolean {
    if (this.clients.size === 0) return false;
    for (const c of sv.keys()) if (this.clients.has(c)) return true;
    return false;
  }

  /** The `ended` value written again as it is: storage's change notification reaches every
   *  panel, the cut-off one too (once per peer). */
  nudge(peer: number): void {
    const e = this.store.ended;
    if (this.nudged.has(peer) || !e) return;
    this.nudged.add(peer);
    void this.storage.set(ENDED_KEY, { clients: e.clients, at: e.at }).catch((err: unknown) => this.log.warn('[miro-transport] could not repeat the end', err));
  }

  /** The mark that ends `doc`'s session: its client ids with every earlier ending's (read again). */
  async markFor(doc: Y.Doc, at: number): Promise<EndedMark> {
    this.store.noteEnded(await this.storage.get(ENDED_KEY).catch(() => null));
    this.learn();
    this.clients = addClients(clientsOf(doc), this.clients);
    return { clients: encodeClients(this.clients), at };
  }
}
