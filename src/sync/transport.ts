/**
 * The one interface both sync transports implement: the Miro transport (realtime events +
 * board storage, no server; miro-transport.ts) and the server transport (Hocuspocus).
 * The app builds one of them and hands `doc` and `awareness` to core and ui; nothing above
 * src/sync needs to know which one it got.
 */
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

/**
 * - `connecting`: started, the initial state (snapshot or server document) not yet loaded.
 * - `synced`: the initial state is loaded and the transport is exchanging updates.
 * - `offline`: the transport cannot reach its peers/server (or was destroyed); local edits
 *   keep going into `doc` and are sent when it comes back.
 */
export type SyncStatus = 'connecting' | 'synced' | 'offline';

export interface SyncTransport {
  /** The shared document (one Y.Doc per board). */
  readonly doc: Y.Doc;
  /** Presence: who has the app open (y-protocols awareness). */
  readonly awareness: Awareness;
  readonly status: SyncStatus;
  /** Resolves once the status first becomes `synced` (immediately if it already is). */
  whenSynced(): Promise<void>;
  /** Called on every status change; returns the unsubscribe function. */
  onStatus(cb: (status: SyncStatus) => void): () => void;
  /** Stops sending and listening; leaves `doc` intact (the caller owns it). */
  destroy(): void;
  /** Leaves for good, first handing on what others need (the Miro transport writes its
   *  snapshot); resolves once gone. Never rejects. */
  leave(): Promise<void>;
}
