/**
 * Ending a session and deleting its data. What marks a session as ended, everywhere, is the
 * set of Yjs client ids that wrote it, with their clocks (a state vector: numbers only, no
 * content, no person). Once a session is ended, a replica that still holds any of it (a panel
 * that was offline, an old tab) writes under, or refers to, one of those ids: its updates are
 * refused (by the sync server) or ignored (by the other panels), so it can never bring the
 * session back. A new session on the board is new Y.Docs with new client ids and is untouched.
 */
import * as Y from 'yjs';
import { readSession } from './read.js';
import { requireFacilitator } from './roles.js';
import { controlDoc, sessionMap } from './schema.js';
import { ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

/** Client id → the clock up to which it wrote the ended session. */
export type EndedClients = Map<number, number>;

/** Miro mode: the facilitator marks the session ended (every panel then drops its copy). The
 *  sync server does not run this: it deletes the session's documents instead. */
export function endSession(doc: Y.Doc, actor: Actor, input: { now?: number } = {}): Result<{ endedAt: number }, RoleError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const at = readSession(doc).endedAt ?? input.now ?? Date.now();
  doc.transact(() => sessionMap(doc).set('endedAt', at), SESSION_ORIGIN);
  return ok({ endedAt: at });
}

/** Every client that wrote `doc` (and its linked control doc), with its clock. */
export function clientsOf(doc: Y.Doc): EndedClients {
  const out: EndedClients = new Map();
  for (const d of new Set([doc, controlDoc(doc)])) addClients(out, Y.decodeStateVector(Y.encodeStateVector(d)));
  return out;
}

/** Adds `more` to `into` (the higher clock wins): a second ending keeps the first's ids. */
export function addClients(into: EndedClients, more: ReadonlyMap<number, number>): EndedClients {
  for (const [c, clock] of more) into.set(c, Math.max(clock, into.get(c) ?? 0));
  return into;
}

/** A struct as Y.decodeUpdate gives it: its id, and for an item where it was put (ids or a root's name). */
type DecodedStruct = { id: { client: number }; origin?: unknown; rightOrigin?: unknown; parent?: unknown };
const idClient = (v: unknown): number | null =>
  typeof v === 'object' && v !== null && typeof (v as { client?: unknown }).client === 'number' ? (v as { client: number }).client : null;

/** The client ids an update names: who wrote its items, the items they were put next to or
 *  inside (an edit of an old item names its author), and whose items it deletes. */
export function clientsIn(update: { structs: ReadonlyArray<DecodedStruct>; ds: { clients: Map<number, unknown> } }): Set<number> {
  const out = new Set<number>(update.ds.clients.keys());
  for (const s of update.structs) {
    out.add(s.id.client);
    for (const c of [idClient(s.origin), idClient(s.rightOrigin), idClient(s.parent)]) if (c !== null) out.add(c);
  }
  return out;
}

/** Whether an update carries anything of an ended session. */
export function touchesEnded(update: Uint8Array | Parameters<typeof clientsIn>[0], ended: ReadonlyMap<number, number>): boolean {
  if (ended.size === 0) return false;
  const decoded = update instanceof Uint8Array ? Y.decodeUpdate(update) : update;
  for (const c of clientsIn(decoded)) if (ended.has(c)) return true;
  return false;
}

/** Whether the doc holds anything of an ended session (then it is the ended session's copy). */
export function holdsEnded(doc: Y.Doc, ended: ReadonlyMap<number, number>): boolean {
  for (const c of clientsOf(doc).keys()) if (ended.has(c)) return true;
  return false;
}

/** Ended clients as text (for storage): base64 of Yjs's state-vector encoding. */
export function encodeClients(clients: ReadonlyMap<number, number>): string {
  // Y.encodeStateVector takes a doc or a map.
  const bytes = Y.encodeStateVector(clients as Map<number, number>);
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

/** The reverse of encodeClients; a bad value is no clients (never a throw). */
export function decodeClients(text: unknown): EndedClients {
  if (typeof text !== 'string' || text.length > 4 * 1024 * 1024) return new Map();
  try {
    const bin = atob(text);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return Y.decodeStateVector(bytes);
  } catch {
    return new Map();
  }
}
