/**
 * Yjs names every item by (client id, clock) and does not tie a client id to anyone: a modified
 * app could write items under another person's client id ahead of them, and that person's next
 * edit with those ids would be dropped as a duplicate (or someone's writes shown as theirs).
 * On the server a client id of a board's shared doc belongs to the user who first showed it: in
 * their presence (the presence guard claims it), or by writing with it in a live update. From
 * then on an update whose items use that id comes only from that user; the server's own id on
 * the doc from nobody. A connection's first reply to the server's sync request (sync step 2)
 * claims nothing, as it may relay items the server lacks (the user's own, lost in a crash or
 * made offline; or items under ids nobody owns), and it is refused if it carries items under an
 * id another user owns, by writing or by presence. A refused update closes that connection only
 * (4403) and is never applied. A panel that reconnects keeps its id (its own); a reloaded panel,
 * or one moving between sync modes, starts a fresh doc with a fresh id that nobody owns.
 * A connection's live writes claim at most `maxNewIdsPerConnection` ids (config.ts says why the
 * default is 64): each id nobody owns counts once per connection, claimed or not (past the
 * board's cap), and is checked before anything of the update is claimed; one id more closes the
 * connection (4403 'too many new client ids'), that update unapplied and unclaimed. The reply's
 * ids are not counted, as they are not claimed, but they stay nobody's: the connection's later
 * writes under them count like any other; a second sync step 2 is live writing.
 *
 * Owners are kept as a tag per id (tag(): never the user id) in the votes store
 * (client-id-owners.ts: table client_ids), read when the doc loads, so they outlive an unload and a restart; written in batches (STORE_DEBOUNCE_MS) off the
 * message's path; deleted with the board (end and delete, in its transaction; idle deletion).
 * With several instances (Redis), each claim is also published at once on a Redis channel, and
 * an instance holding the board takes it into memory: it does not read the store again while
 * the board stays loaded.
 *
 * What it cannot hold: claims not yet written when the server crashes are lost (so are the items
 * written under them), and the first writer after that claims such an id; an instance that loads
 * the board in the moment between another's claim and its write misses it likewise. After a crash
 * that lost a user's items, a panel of someone else relaying them in its reply is refused (4403,
 * it keeps reconnecting) until the owner's own panel brings them back, or for good if it never
 * does (a reload then drops what that panel held that the server lacks). The server's own ids
 * from before a restart are left to nobody on purpose: claimed, items it wrote and lost in a
 * crash could never come back. With Redis, an instance other than the one that ended a session
 * may write claims of it it still held after the deletion (ids the tombstone refuses anyway).
 * At most MAX_IDS_PER_DOC ids are held per board; beyond them an id is checked only against the
 * server's own. The limit is per connection, not per person: one who opens connection after
 * connection (each with its own count, and 4 more ids each by presence) can still fill a board's
 * 50,000 claims, in about 740 connections; after that, nobody's new ids are claimed there.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { afterUnloadDocumentPayload, beforeHandleMessagePayload, Document, Extension, onLoadDocumentPayload } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { AuthContext } from './auth.js';
import { ClaimLog, MAX_IDS_PER_DOC, type ClaimPeers, type ClaimStore } from './client-id-owners.js';
import { defaultLimits } from './config.js';
import { CloseCodes, decodedUpdate } from './limits.js';
import { parseRoom } from './miro-token.js';

const UPDATE = 2; // y-protocols messageYjsUpdate: a client's own new changes

class Refused {
  readonly code = CloseCodes.forbidden;
  constructor(readonly reason: string) {}
}

export interface ClientIdOptions {
  /** Where owners are kept; without it they last as long as the board is loaded. */
  store?: ClaimStore;
  /** Other instances (Redis), told of each claim. */
  peers?: ClaimPeers;
  /** How long claims wait to be written together. */
  flushMs?: number;
  /** Keys each owner's tag (the server's ballot secret); without one, a secret of this process. */
  secret?: string;
  /** Ids a connection may claim by writing (config.ts `maxNewClientIdsPerConnection`). */
  maxNewIdsPerConnection?: number;
  log?: (m: string) => void;
}

export class ClientIds implements Extension {
  extensionName = 'tryghed-client-ids';
  /** Per loaded document: id → the tag (tag()) of the user who first wrote with it
   *  live or showed it in presence. */
  private readonly owners = new Map<string, { document: Document | null; ids: Map<number, string> }>();
  /** Connections whose one reply to the sync request has come, per document. */
  private readonly replied = new WeakMap<object, Set<string>>();
  /** Per connection: the ids it wrote under live that were nobody's then (claimed, or past the
   *  board's MAX_IDS_PER_DOC), at most `maxNew`. */
  private readonly fresh = new WeakMap<object, Set<number>>();
  private readonly maxNew: number;
  private readonly log: ClaimLog;
  private readonly secret: string;

  constructor(opts: ClientIdOptions = {}) {
    this.secret = opts.secret ?? randomBytes(32).toString('base64');
    this.maxNew = opts.maxNewIdsPerConnection ?? defaultLimits.maxNewClientIdsPerConnection;
    this.log = new ClaimLog(opts.store, opts.peers, opts.flushMs ?? 500, opts.log);
    opts.peers?.onClaims((documentName, claims) => {
      const held = this.owners.get(documentName);
      if (held) for (const [id, tag] of claims) put(held.ids, id, tag);
    });
  }

  /** Resolves once claims from other instances are heard. */
  get ready(): Promise<void> {
    return this.log.ready;
  }

  private held(documentName: string, document: Document | null = null) {
    let h = this.owners.get(documentName);
    if (!h) this.owners.set(documentName, (h = { document, ids: new Map() }));
    return h;
  }

  /** `user` showed `id` in their presence (the presence guard): theirs unless someone's already. */
  claim(documentName: string, id: number, user: string): void {
    const tag = this.tag(documentName, id, user);
    if (put(this.held(documentName).ids, id, tag)) this.log.add(documentName, [[id, tag]]);
  }

  /** True if `id` belongs to someone other than `user`. */
  ownedByAnother(documentName: string, id: number, user: string): boolean {
    const tag = this.owners.get(documentName)?.ids.get(id);
    return tag !== undefined && tag !== this.tag(documentName, id, user);
  }

  /**
   * Who owns an id, as kept in memory, in the store and on Redis: a keyed hash of the board, the
   * id and the user, not the user id. An anonymous ballot or pulse answer is written under a
   * throwaway id; with the user id next to it, the store alone (a backup, a leaked file) would
   * tell whose it is, and tags that repeated across ids would link one person's ballots. A tag
   * differs for every id; only the server's secret can test it against a user.
   */
  private tag(documentName: string, id: number, user: string): string {
    return createHmac('sha256', this.secret).update(`client-id\n${documentName}\n${id}\n${user}`).digest('base64url').slice(0, 22);
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    if (parseRoom(documentName)?.control !== false) return;
    // Claims heard over Redis while the store is read land here too.
    const held = this.held(documentName);
    held.document = document;
    for (const [id, tag] of await this.log.load(documentName)) put(held.ids, id, tag);
  }

  async beforeHandleMessage({ update, document, documentName, context, connection }: beforeHandleMessagePayload): Promise<void> {
    const ctx = context as AuthContext | undefined;
    const decoded = decodedUpdate(update);
    if (!ctx?.user || ctx.control || !decoded) return;
    const d = decoding.createDecoder(update);
    decoding.readVarString(d);
    decoding.readVarUint(d);
    // A connection's first sync step 2 answers the server's request and may relay others' items
    // (lost by a crash, or a board moving from Miro): it claims nothing, but may not carry items
    // under an id someone else owns; anything later is the connection's own writing.
    let replied = this.replied.get(connection);
    if (!replied) this.replied.set(connection, (replied = new Set()));
    const reply = decoding.readVarUint(d) !== UPDATE && !replied.has(documentName);
    if (reply) replied.add(documentName);
    const ids = new Set<number>();
    for (const s of decoded.structs) ids.add(s.id.client);
    for (const id of ids) {
      if (id === document.clientID) throw new Refused('writes under the server’s client id');
      if (this.ownedByAnother(documentName, id, ctx.user)) throw new Refused('writes under another client’s id');
    }
    if (reply) return;
    // Each id nobody owns counts once per connection, checked before anything is claimed: one
    // update under thousands of ids cannot fill the board's claims. An id the reply brought in
    // unclaimed counts here like any other when the connection writes under it.
    const held = this.held(documentName).ids;
    const unowned = [...ids].filter((id) => !held.has(id));
    let fresh = this.fresh.get(connection);
    if (!fresh) this.fresh.set(connection, (fresh = new Set()));
    const more = unowned.filter((id) => !fresh.has(id));
    if (fresh.size + more.length > this.maxNew) throw new Refused('too many new client ids');
    for (const id of more) fresh.add(id);
    const claims = unowned.map((id) => [id, this.tag(documentName, id, ctx.user)] as const);
    this.log.add(documentName, claims.filter(([id, tag]) => put(held, id, tag)));
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    // Only the unloaded copy's: a new load may have begun meanwhile.
    const held = this.owners.get(documentName);
    if (held && (held.document === null || held.document.isDestroyed)) this.owners.delete(documentName);
    this.log.unloaded(documentName);
    await this.log.flush(documentName);
  }

  /** The session is being ended: no claim of it is written while `end` deletes the board's rows. */
  whileEnding<T>(room: string, end: () => Promise<T>): Promise<T> {
    return this.log.withheld(room, end);
  }

  /** Writes what waits, and lets go of the other instances (server shutdown). */
  async onDestroy(): Promise<void> {
    await this.log.close();
  }
}

/** Records `tag` as the owner of `id` unless it has one or the board holds too many; true if new. */
function put(ids: Map<number, string>, id: number, tag: string): boolean {
  if (ids.has(id) || ids.size >= MAX_IDS_PER_DOC) return false;
  ids.set(id, tag);
  return true;
}
