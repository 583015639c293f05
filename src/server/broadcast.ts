/**
 * Hocuspocus 3.4.4 encodes a document's update (and its awareness update) once per connection
 * and sends an update back to the connection it came from. On a board with 50 voters every
 * tally update was copied 51 times, and under a flood every 0.9 MB update was copied and
 * written back to its sender. Here the message is encoded once and the same bytes go to every
 * other connection (the sender has the update; its acknowledgement is the separate
 * sync-status message, which is unchanged).
 *
 * Installed on Document's prototype before any document exists: the constructor binds
 * `handleUpdate` and `handleAwarenessUpdate` from it.
 */
import { Document, OutgoingMessage } from '@hocuspocus/server';

type Conn = Parameters<Document['addConnection']>[0];
type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

let installed = false;

export function encodeBroadcastsOnce(): void {
  if (installed) return;
  installed = true;
  const proto = Document.prototype as unknown as {
    handleUpdate(this: Document, update: Uint8Array, origin: unknown): Document;
    handleAwarenessUpdate(this: Document, change: AwarenessChange, origin: unknown): Document;
  };

  proto.handleUpdate = function (update, origin) {
    this.callbacks.onUpdate(this, origin as Conn, update);
    // Encoded only if someone gets it: a board being loaded (all of it, up to the size cap)
    // or an update from the only connection goes to nobody.
    let message: Uint8Array | undefined;
    for (const { connection } of this.connections.values()) {
      if (connection === origin) continue;
      message ??= new OutgoingMessage(this.name).createSyncMessage().writeUpdate(update).toUint8Array();
      connection.send(message);
    }
    return this;
  };

  proto.handleAwarenessUpdate = function ({ added, updated, removed }, origin) {
    const changed = added.concat(updated, removed);
    if (origin !== null) {
      const entry = this.connections.get(origin as Conn['webSocket']);
      if (entry) {
        for (const id of added) entry.clients.add(id);
        for (const id of removed) entry.clients.delete(id);
      }
    }
    if (this.connections.size === 0) return this;
    const message = new OutgoingMessage(this.name).createAwarenessUpdateMessage(this.awareness, changed).toUint8Array();
    for (const { connection } of this.connections.values()) connection.send(message);
    return this;
  };
}
