/**
 * The facilitator ends a session and deletes its data (the `end-session` command). Then:
 * - every connection to the board's two documents is closed (4410 `session ended`), and new
 *   ones are refused until both documents have left memory;
 * - the documents are deleted from the document store, and the seat, rounds, sealed ballots,
 *   pulse answers, activity and client ids' owners from the votes store, in one transaction with
 * - a tombstone: which Yjs client ids wrote the session (core/session/end.ts; numbers only, no
 *   content, no person). An update that names one of them comes from an old copy (a panel
 *   that was offline, reconnecting) and closes its connection (4410) instead of writing the
 *   session back. A new session on the board is new client ids: untouched.
 * With Redis (several instances), only the instance that ran the command closes its own
 * connections; the tombstone, in the shared database, refuses the others' old copies as soon
 * as those instances load the board again.
 */
import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Extension, Hocuspocus, onAuthenticatePayload, onLoadDocumentPayload } from '@hocuspocus/server';
import { addClients, clientsOf, decodeClients, encodeClients, touchesEnded, type EndedClients } from '../core/session/end.js';
import type { AuthContext } from './auth.js';
import type { ClientIds } from './client-ids.js';
import type { DocPersistence, DocStore } from './doc-store.js';
import { CloseCodes, decodedUpdate, SocketGuard } from './limits.js';
import { controlRoom, parseRoom } from './miro-token.js';
import type { BoardDocs } from './rooms.js';
import type { Storage } from './votes/types.js';

const ENDED = { code: CloseCodes.ended, reason: 'session ended' };
/** A new connection while the ended session's documents leave memory: not the old session's, so it tries again. */
const ENDING = { code: CloseCodes.ending, reason: 'session being ended, try again' };
/** Longest a board stays closed to new connections while its documents leave memory. */
const ENDING_MS = 10_000;

export class EndedSessions implements Extension {
  extensionName = 'tryghed-ended';
  // Before every other extension's beforeHandleMessage (the ballot guard's), after Auth.
  priority = 900;
  /** Per room: the ended sessions' client ids, read once per load. */
  private readonly ended = new Map<string, Promise<EndedClients>>();
  /** Rooms whose session is being ended: closed to everyone until its documents are gone. */
  private readonly ending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly storage: Storage,
    private readonly docs: Pick<DocStore, 'delete'>,
    private readonly persistence: Pick<DocPersistence, 'discard'>,
    private readonly ids: Pick<ClientIds, 'whileEnding'>,
    private readonly boards: BoardDocs,
    private readonly instance: () => Hocuspocus,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the room's session is being ended now (its docs still in memory). */
  isEnding(room: string): boolean {
    return this.ending.has(room);
  }

  /** Ends the room's session (the caller checked the seat); resolves once it is deleted. */
  async end(room: string): Promise<{ endedAt: number }> {
    const names = [room, controlRoom(room)];
    clearTimeout(this.ending.get(room));
    this.ending.set(room, setTimeout(() => this.ending.delete(room), ENDING_MS).unref());
    const doc = this.boards.linked(room);
    const clients = doc ? clientsOf(doc) : new Map<number, number>();
    const at = this.now();
    let merged: EndedClients = clients;
    // No claim of a client id written back after the transaction deletes them (client-ids.ts).
    await this.ids.whileEnding(room, () => this.storage.endRoom(room, at, (earlier) => encodeClients((merged = addClients(decodeClients(earlier), clients)))));
    this.ended.set(room, Promise.resolve(merged));
    await this.persistence.discard(names);
    await this.docs.delete(names);
    // Closed once the answer is on its way (the caller's own socket is one of them).
    for (const name of names) {
      for (const { connection } of this.instance().documents.get(name)?.connections.values() ?? []) SocketGuard.of(connection.request)?.close(ENDED, 50);
    }
    this.released(room);
    return { endedAt: at };
  }

  private endedOf(room: string): Promise<EndedClients> {
    let e = this.ended.get(room);
    if (!e) {
      e = this.storage.endedClients(room).then(decodeClients);
      this.ended.set(room, e);
      // A failed read is tried again on the next message, not remembered.
      e.catch(() => this.ended.get(room) === e && this.ended.delete(room));
    }
    return e;
  }

  private refuse(request: onAuthenticatePayload['request'] | undefined, why: { code: number; reason: string } = ENDED): never {
    SocketGuard.of(request)?.close(why, 50);
    throw { ...why };
  }

  async onAuthenticate({ documentName, request }: onAuthenticatePayload): Promise<void> {
    const p = parseRoom(documentName);
    // A panel starting the next session at once (or any new one) waits until the old is gone.
    if (p && this.ending.has(p.room)) this.refuse(request, ENDING);
  }

  async onLoadDocument({ documentName }: onLoadDocumentPayload): Promise<void> {
    // Another instance may have ended it since: read the tombstone again with each load.
    const p = parseRoom(documentName);
    if (p && !p.control) this.ended.delete(p.room);
  }

  async beforeHandleMessage({ context, update, connection }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as AuthContext | undefined;
    if (!ctx?.room) return;
    if (this.ending.has(ctx.room)) this.refuse(connection.request);
    const decoded = decodedUpdate(update);
    if (decoded && touchesEnded(decoded, await this.endedOf(ctx.room))) this.refuse(connection.request);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const p = parseRoom(documentName);
    if (!p) return;
    // Read again with the next load; a board nobody has open costs no memory here.
    if (!p.control) this.ended.delete(p.room);
    this.released(p.room);
  }

  /** Opens the room again once neither of its documents is in memory. */
  private released(room: string): void {
    const loaded = this.instance().documents;
    if (!this.ending.has(room) || loaded.has(room) || loaded.has(controlRoom(room))) return;
    clearTimeout(this.ending.get(room));
    this.ending.delete(room);
  }
}
