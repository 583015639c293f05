/**
 * A board whose last connection just left stays in memory a few seconds before it is unloaded.
 * Loading a board applies all of it on the event loop (an 8 MiB board: tens of ms, more on a
 * busy machine), and every other board waits meanwhile. Without a grace, a participant who
 * connects and leaves again and again (a flooder whose connections are closed for sending
 * too much) had the server load the board anew each time; so does a panel's reload. Now a
 * board is loaded at most once per grace while it is used this way.
 *
 * Hocuspocus (3.4.4) keeps a document when a beforeUnloadDocument hook throws; this one
 * throws while the grace runs and asks again when it is over. A board whose session is
 * being ended (ended.ts) leaves at once.
 */
import type { beforeUnloadDocumentPayload, Extension, Hocuspocus, onDisconnectPayload } from '@hocuspocus/server';
import { parseRoom } from './miro-token.js';

/** Thrown to keep a document: no message, so Hocuspocus logs nothing. */
const KEEP = Object.freeze({ keep: true });

export class UnloadGrace implements Extension {
  extensionName = 'tryghed-unload-grace';
  /** When each document's last connection left, while its grace runs. */
  private readonly left = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly graceMs: number,
    /** A board whose session is being ended: its documents must leave now. */
    private readonly ending: (room: string) => boolean = () => false,
    private readonly now: () => number = Date.now,
  ) {}

  async onDisconnect({ documentName, clientsCount }: onDisconnectPayload): Promise<void> {
    if (clientsCount === 0) this.left.set(documentName, this.now());
  }

  async beforeUnloadDocument({ documentName, document, instance }: beforeUnloadDocumentPayload): Promise<void> {
    const at = this.left.get(documentName);
    const room = parseRoom(documentName)?.room;
    const remaining = at === undefined ? 0 : at + this.graceMs - this.now();
    if (remaining <= 0 || (room && this.ending(room))) {
      this.forget(documentName);
      return;
    }
    this.later(instance, documentName, remaining, document);
    throw KEEP;
  }

  private later(instance: Hocuspocus, name: string, ms: number, document: beforeUnloadDocumentPayload['document']): void {
    clearTimeout(this.timers.get(name));
    const t = setTimeout(() => {
      this.timers.delete(name);
      // Still the same document and still nobody on it: unload (the hook lets it go now).
      if (instance.documents.get(name) === document) void instance.unloadDocument(document);
    }, ms);
    t.unref();
    this.timers.set(name, t);
  }

  private forget(name: string): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
    this.left.delete(name);
  }

  async onDestroy(): Promise<void> {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.left.clear();
  }
}
