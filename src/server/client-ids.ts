/**
 * Yjs names every item by (client id, clock) and does not tie a client id to anyone: a modified
 * app could write items under another person's client id ahead of them, and that person's next
 * edit with those ids would be dropped as a duplicate (or someone's writes shown as theirs).
 * On the server a client id belongs to the user who first showed it: in their presence (the
 * presence guard claims it), or by writing with it in a live update. From then on an update
 * whose items use that id comes only from that user; the server's own id on the doc from
 * nobody. A refused update closes that connection only (4403) and is never applied.
 *
 * What it cannot hold: ids are learnt per server instance and forgotten when the board is
 * unloaded or the server restarts (the doc does not say who wrote what), so the first writer
 * after that claims an id. A connection's reply to the server's sync request (its first sync
 * step 2) may carry others' items the server lacks (lost in a crash, or a board moving from
 * Miro): it claims nothing and is refused only for ids another user has written with live, so
 * a forger's first frame on each new connection may still use an id known from presence alone.
 */
import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { AuthContext } from './auth.js';
import { CloseCodes, decodedUpdate } from './limits.js';

/** Ids held per document: more are not claimed (an id nobody holds is only checked against the server's own). */
const MAX_IDS_PER_DOC = 50_000;
const UPDATE = 2; // y-protocols messageYjsUpdate: a client's own new changes

class Refused {
  readonly code = CloseCodes.forbidden;
  constructor(readonly reason: string) {}
}

export class ClientIds implements Extension {
  extensionName = 'tryghed-client-ids';
  /** Per document: id → the user who wrote with it in a live update, or showed it in presence. */
  private readonly writers = new Map<string, Map<number, string>>();
  private readonly present = new Map<string, Map<number, string>>();
  /** Connections whose one reply to the sync request has come, per document. */
  private readonly replied = new WeakMap<object, Set<string>>();

  private static put(maps: Map<string, Map<number, string>>, documentName: string, id: number, user: string): void {
    let m = maps.get(documentName);
    if (!m) maps.set(documentName, (m = new Map()));
    if (!m.has(id) && m.size < MAX_IDS_PER_DOC) m.set(id, user);
  }

  /** `user` showed `id` in their presence (the presence guard): theirs unless someone's already. */
  claim(documentName: string, id: number, user: string): void {
    ClientIds.put(this.present, documentName, id, user);
  }

  owner(documentName: string, id: number): string | undefined {
    return this.writers.get(documentName)?.get(id) ?? this.present.get(documentName)?.get(id);
  }

  async beforeHandleMessage({ update, document, documentName, context, connection }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as AuthContext | undefined;
    const decoded = decodedUpdate(update);
    if (!ctx?.user || !decoded) return;
    const d = decoding.createDecoder(update);
    decoding.readVarString(d);
    decoding.readVarUint(d);
    // A connection's first sync step 2 answers the server's request and may relay others' items
    // (lost by a crash, or a board moving from Miro): it claims nothing and yields only to ids
    // someone has written with live; anything later is the connection's own writing.
    let replied = this.replied.get(connection);
    if (!replied) this.replied.set(connection, (replied = new Set()));
    const reply = decoding.readVarUint(d) !== UPDATE && !replied.has(documentName);
    if (reply) replied.add(documentName);
    const ids = new Set<number>();
    for (const s of decoded.structs) ids.add(s.id.client);
    for (const id of ids) {
      if (id === document.clientID) throw new Refused('writes under the server’s client id');
      const owner = reply ? this.writers.get(documentName)?.get(id) : this.owner(documentName, id);
      if (owner !== undefined && owner !== ctx.user) throw new Refused('writes under another client’s id');
    }
    if (!reply) for (const id of ids) ClientIds.put(this.writers, documentName, id, ctx.user);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.writers.delete(documentName);
    this.present.delete(documentName);
  }
}
