/**
 * Documents are stored as a snapshot plus the updates appended since. On the event loop the
 * server only appends the updates it received (no encoding, no merging); merging them into
 * the snapshot ("compaction") and reading a board back run on the storage thread
 * (./storage-thread.ts), so a big board never holds up the others.
 */
import type { Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { BoardSizes } from './limits.js';

export interface DocStore {
  /** The stored state, snapshot and appended updates merged (off the event loop), or null. */
  load(name: string): Promise<Uint8Array | null>;
  /** Appends updates as they came: cheap, and safe from any instance. */
  append(name: string, updates: Uint8Array[]): Promise<void>;
  /** Merges the appended updates into the snapshot off the event loop; resolves with its size. */
  compact(name: string): Promise<number>;
  /** Deletes the documents (snapshot and appended updates). */
  delete(names: readonly string[]): Promise<void>;
  /** Waits for what is running, then lets go of the thread. */
  close(): Promise<void>;
}

/** One state from many updates, with deleted content collected (what a Y.Doc would encode). */
export function mergeState(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 0) return Y.encodeStateAsUpdate(new Y.Doc());
  const doc = new Y.Doc();
  Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
/** Hocuspocus applies a client's update with its Connection as the origin; ours are strings. */
const isClientConnection = (origin: unknown) => typeof origin === 'object' && origin !== null && 'socketId' in origin;

/**
 * The Hocuspocus side: loads a board, queues every update it applies, appends them when
 * Hocuspocus stores (debounced, and at once when the last client leaves), compacts after
 * `compactBytes` appended bytes, or half the document's size if that is more, and when the
 * document is unloaded. Keeps BoardSizes.
 *
 * Why half the size: a compaction merges the whole document. At a fixed threshold, a board
 * filled with big updates (a flood up to the size cap) was merged whole after every one of
 * them, work that grows with the square of its size (~40 MB merged to reach 8 MiB with 0.9 MB
 * updates, against ~13 MB now), on a thread that shares the machine's cores with the event loop.
 */
export class DocPersistence implements Extension {
  extensionName = 'tryghed-persistence';
  private readonly queued = new Map<string, Uint8Array[]>();
  private readonly appended = new Map<string, number>();
  private readonly compacting = new Map<string, Promise<void>>();
  private readonly appending = new Map<string, Promise<void>>();
  /** Documents being deleted (an ended session): nothing of them is stored until loaded again. */
  private readonly discarded = new Set<string>();
  private stopped = false;

  constructor(
    private readonly store: DocStore,
    private readonly sizes: BoardSizes,
    private readonly compactBytes = 256 * 1024,
    private readonly log: (m: string) => void = (m) => console.error(m),
  ) {}

  async onLoadDocument({ document, documentName }: onLoadDocumentPayload): Promise<void> {
    this.discarded.delete(documentName);
    const before = this.sizes.of(documentName);
    const state = await this.store.load(documentName);
    if (state) Y.applyUpdate(document, state);
    // What is stored, plus what the guard let in while it loaded (applied next).
    this.sizes.set(documentName, (state?.byteLength ?? 0) + Math.max(0, this.sizes.of(documentName) - before));
  }

  async onChange({ documentName, update, transactionOrigin }: onChangePayload): Promise<void> {
    if (this.discarded.has(documentName)) return;
    // A client's update was counted when the guard let it in; the server's own (and Redis's) here.
    if (!isClientConnection(transactionOrigin)) this.sizes.add(documentName, update.byteLength);
    // An update from another instance through Redis is appended by the instance that took it.
    if (transactionOrigin === REDIS_ORIGIN) return;
    const q = this.queued.get(documentName);
    if (q) q.push(update);
    else this.queued.set(documentName, [update]);
  }

  async onStoreDocument({ documentName }: onStoreDocumentPayload): Promise<void> {
    try {
      await this.flush(documentName);
    } catch (e) {
      // Logged, not thrown: Hocuspocus runs this from a timer, where a throw is an unhandled
      // rejection. The updates stay queued for the next store.
      this.log(`[tryghed] storing ${documentName} failed: ${(e as Error).message}`);
    }
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    // Its size stays known (the guard refuses updates that arrive before the next load).
    await this.onStoreDocument({ documentName } as onStoreDocumentPayload);
    if ((this.appended.get(documentName) ?? 0) > 0) this.compact(documentName);
    this.appended.delete(documentName);
  }

  /**
   * The documents are about to be deleted (the session ended): what is queued goes, and nothing
   * of them is appended or compacted until one is loaded again. Resolves once no write of
   * theirs is under way, so a delete after it is the last word.
   */
  async discard(names: readonly string[]): Promise<void> {
    for (const n of names) {
      this.discarded.add(n);
      this.queued.delete(n);
      this.appended.delete(n);
      this.sizes.set(n, 0);
    }
    await Promise.all(names.flatMap((n) => [this.compacting.get(n), this.appending.get(n)]));
  }

  /** Appends what is queued; on failure puts it back, so the next store tries again. */
  async flush(name: string): Promise<void> {
    const batch = this.queued.get(name);
    if (!batch || batch.length === 0 || this.discarded.has(name)) return;
    this.queued.delete(name);
    const appended = this.store.append(name, batch);
    const settled = appended.then(() => undefined, () => undefined);
    this.appending.set(name, settled);
    void settled.then(() => this.appending.get(name) === settled && this.appending.delete(name));
    try {
      await appended;
    } catch (e) {
      if (this.discarded.has(name)) return;
      this.queued.set(name, [...batch, ...(this.queued.get(name) ?? [])]);
      throw e;
    }
    const bytes = (this.appended.get(name) ?? 0) + batch.reduce((n, u) => n + u.byteLength, 0);
    this.appended.set(name, bytes);
    if (bytes >= Math.max(this.compactBytes, this.sizes.of(name) / 2)) this.compact(name);
  }

  /** Starts a compaction unless one runs; never rejects (a failed one leaves the rows for the next). */
  compact(name: string): Promise<void> {
    const running = this.compacting.get(name);
    if (running || this.stopped || this.discarded.has(name)) return running ?? Promise.resolve();
    this.appended.set(name, 0);
    const run = (async () => {
      // Everything counted so far is in the store before it is read (a queued update would
      // otherwise drop out of the count); then: the snapshot, plus what arrived meanwhile.
      await this.flush(name);
      const before = this.sizes.of(name);
      const size = await this.store.compact(name);
      this.sizes.set(name, size + Math.max(0, this.sizes.of(name) - before));
    })()
      .catch((e: unknown) => this.log(`[tryghed] compacting ${name} failed: ${(e as Error).message}`))
      .finally(() => {
        this.compacting.delete(name);
      });
    this.compacting.set(name, run);
    return run;
  }

  /** Starts no more compactions; resolves when none runs (server shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    while (this.compacting.size > 0) await Promise.all(this.compacting.values());
  }
}
