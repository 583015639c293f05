/**
 * A board's two documents on the server: the shared doc (`tryghed:<team>:<board>`, everyone
 * writes it) and the control doc (`…:control`, the facilitator's state, written only here).
 * While the shared doc is loaded the server holds the control doc too (a direct connection),
 * and links the two (schema.ts linkControlDoc) so the session model reads both as one.
 */
import type { afterLoadDocumentPayload, afterUnloadDocumentPayload, DirectConnection, Document, Extension } from '@hocuspocus/server';
import { linkControlDoc } from '../core/session/schema.js';
import { controlRoom, parseRoom } from './miro-token.js';

export class BoardDocs implements Extension {
  extensionName = 'tryghed-board-docs';
  // Before the vote service's afterLoadDocument: it wants the pair.
  priority = 500;
  private readonly shared = new Map<string, Document>();
  private readonly control = new Map<string, Document>();
  private readonly held = new Map<string, Promise<DirectConnection | null>>();
  private readonly ready = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private readonly readyListeners = new Set<(room: string, doc: Document) => void>();

  /** Called whenever a board's docs are both loaded and linked (again after a reload). */
  onReady(cb: (room: string, doc: Document) => void): void {
    this.readyListeners.add(cb);
  }

  /** The board's shared doc, linked to its control doc, or null if not both are loaded. */
  linked(room: string): Document | null {
    const s = this.shared.get(room);
    return s && this.control.has(room) ? s : null;
  }

  /** The linked shared doc once its control doc has loaded; null if the board is not loaded. */
  async pair(room: string): Promise<Document | null> {
    if (!this.shared.has(room)) return null;
    await this.waiter(room).promise;
    return this.linked(room);
  }

  private waiter(room: string) {
    let w = this.ready.get(room);
    if (!w) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.ready.set(room, (w = { promise, resolve }));
    }
    return w;
  }

  async afterLoadDocument({ documentName, document, instance }: afterLoadDocumentPayload): Promise<void> {
    const p = parseRoom(documentName);
    if (!p) return;
    if (p.control) this.control.set(p.room, document);
    else {
      this.shared.set(p.room, document);
      // Not awaited: the shared doc's load must not wait on the control doc's.
      this.held.set(p.room, instance.openDirectConnection(controlRoom(p.room), { server: true }).catch((e: Error) => {
        console.error(`[tryghed] loading the control doc of ${p.room} failed:`, e.message);
        return null;
      }));
    }
    const s = this.shared.get(p.room);
    const c = this.control.get(p.room);
    if (s && c) {
      linkControlDoc(s, c);
      for (const cb of this.readyListeners) cb(p.room, s);
      this.waiter(p.room).resolve();
    }
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const p = parseRoom(documentName);
    if (!p) return;
    this.ready.delete(p.room);
    if (p.control) {
      this.control.delete(p.room);
      return;
    }
    this.shared.delete(p.room);
    const held = this.held.get(p.room);
    this.held.delete(p.room);
    await (await held)?.disconnect();
  }
}
