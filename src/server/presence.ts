/**
 * Presence from the token. Awareness (who has the app open) is relayed by Hocuspocus as the
 * clients send it, so before a frame reaches it this guard checks every entry:
 * - a Yjs client id belongs to the first connection that announces it; an entry for a client
 *   id another connection holds is refused (no forging someone's presence, no overwriting
 *   the victim's own state);
 * - a state names the connection's own user (`presence.user` = the token's user) and nothing
 *   else than the presence field the app uses; the name shown is looked up from that user id
 *   (session/presence.ts), so what others see comes from the verified identity;
 * - the control doc carries no awareness at all.
 * A refused frame closes that connection only, with the reason.
 */
import type { beforeHandleMessagePayload, Extension } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { PRESENCE_FIELD } from '../core/session/presence.js';
import { readPresence } from '../core/session/read.js';
import type { AuthContext } from './auth.js';
import type { ClientIds } from './client-ids.js';
import { CloseCodes } from './limits.js';

const AWARENESS = 1;
/** A panel uses one client id per doc; a few more cover a reload on the same socket. */
const MAX_IDS_PER_CONNECTION = 4;

type Conn = beforeHandleMessagePayload['connection'];

class Refused {
  readonly code = CloseCodes.forbidden;
  constructor(readonly reason: string) {}
}

export class PresenceGuard implements Extension {
  extensionName = 'tryghed-presence';
  /** Per document: client id → the connection that announced it first. */
  private readonly owners = new Map<string, Map<number, Conn>>();
  private readonly held = new WeakMap<Conn, Set<number>>();

  /** `ids`: where a presence's client id becomes its user's for writes too (client-ids.ts). */
  constructor(private readonly ids?: ClientIds) {}

  async beforeHandleMessage({ update, documentName, document, connection, context }: beforeHandleMessagePayload): Promise<void> {
    const d = decoding.createDecoder(update);
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== AWARENESS) return;
    const ctx = context as AuthContext;
    if (ctx.control) throw new Refused('no presence on the control doc');
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
    const entries: { id: number; clock: number; state: unknown }[] = [];
    for (let n = decoding.readVarUint(inner); n > 0; n--) {
      const id = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      entries.push({ id, clock, state: JSON.parse(decoding.readVarString(inner)) as unknown });
    }
    let owners = this.owners.get(documentName);
    if (!owners) this.owners.set(documentName, (owners = new Map()));
    const { meta, states } = document.awareness;
    for (const { id, clock, state } of entries) {
      // The provider sends back every state it receives: an echo changes nothing (y-protocols
      // applies a state only with a newer clock, or a removal at the same clock), so it passes.
      const current = meta.get(id)?.clock;
      if (current !== undefined && (clock < current || (clock === current && !(state === null && states.has(id))))) continue;
      const owner = owners.get(id);
      if (owner !== undefined && owner !== connection) throw new Refused('presence of another client');
      if (state === null) {
        if (owner === undefined && states.has(id)) throw new Refused('presence of another client');
        continue;
      }
      if (!stateOf(ctx.user, state)) throw new Refused('presence must name the signed-in user');
      if (owner === undefined) {
        // Someone else's id for the doc's writes may not become this user's presence either.
        if (this.ids?.ownedByAnother(documentName, id, ctx.user)) throw new Refused('presence of another client');
        this.claim(documentName, owners, connection, id);
        this.ids?.claim(documentName, id, ctx.user);
      }
    }
  }

  private claim(documentName: string, owners: Map<number, Conn>, connection: Conn, id: number): void {
    let mine = this.held.get(connection);
    if (!mine) {
      this.held.set(connection, (mine = new Set()));
      const held = mine;
      connection.onClose(() => {
        for (const i of held) if (owners.get(i) === connection) owners.delete(i);
        if (owners.size === 0 && this.owners.get(documentName) === owners) this.owners.delete(documentName);
      });
    }
    if (mine.size >= MAX_IDS_PER_CONNECTION) throw new Refused('too many client ids');
    owners.set(id, connection);
    mine.add(id);
  }
}

/** An awareness state a connection of `user` may send: empty, or the app's presence for `user`
 *  (name, user id, and the step they said "I'm done" with). */
function stateOf(user: string, state: unknown): boolean {
  if (typeof state !== 'object' || state === null || Array.isArray(state)) return false;
  const keys = Object.keys(state);
  if (keys.length === 0) return true;
  if (keys.length !== 1 || keys[0] !== PRESENCE_FIELD) return false;
  const p = (state as Record<string, Record<string, unknown>>)[PRESENCE_FIELD]!;
  if (Object.keys(p).some((k) => k !== 'name' && k !== 'user' && k !== 'done')) return false;
  if (p.done !== undefined && (typeof p.done !== 'string' || p.done.length > 100)) return false;
  return readPresence(state, CHECKS)?.user === user;
}

/** Where refused states are reported (once): the connection is closed anyway. */
const CHECKS = {};
