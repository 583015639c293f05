/**
 * A transport that never connects: what the session shows when the server mode cannot even
 * start (no id token, no team). The doc stays empty and local; the status says offline, so
 * the panel says why and the facilitator can switch the board back to Miro's channel.
 */
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import type { SyncStatus, SyncTransport } from '../sync/transport.js';

export class OfflineTransport implements SyncTransport {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly status: SyncStatus = 'offline';

  constructor(
    doc: Y.Doc,
    readonly reason: string,
  ) {
    this.doc = doc;
    this.awareness = new Awareness(doc);
  }

  whenSynced(): Promise<void> {
    return new Promise(() => undefined);
  }

  onStatus(): () => void {
    return () => undefined;
  }

  async leave(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    this.awareness.destroy();
  }
}
