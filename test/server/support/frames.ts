/** Raw Hocuspocus frames and sockets, for tests that send what the provider would refuse to. */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { ROOM, token } from './helpers.js';

export function frame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

/** Message types on the wire (@hocuspocus/server MessageType). */
const SYNC = 0;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const STATELESS = 5;

export const authFrame = (room: string, tok: string) =>
  frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, AUTH), encoding.writeVarUint(e, 0), encoding.writeVarString(e, tok)));
export const awarenessQuery = (room = ROOM) => frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, QUERY_AWARENESS)));
export const statelessFrame = (payload: string, room = ROOM) =>
  frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, STATELESS), encoding.writeVarString(e, payload)));
/** Sync step 1 (0) with a state vector, or an update (2). */
export const syncFrame = (step: 0 | 2, payload: Uint8Array, room = ROOM) =>
  frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, SYNC), encoding.writeVarUint(e, step), encoding.writeVarUint8Array(e, payload)));
export const syncStep1 = (room = ROOM) => syncFrame(0, Y.encodeStateVector(new Y.Doc()), room);

export interface Closed {
  code: number;
  reason: string;
}

/** An open socket and how the server ends up closing it. */
export function openSocket(url: string): Promise<{ ws: WebSocket; closed: Promise<Closed> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const closed = new Promise<Closed>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString() })));
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}

/** A socket signed in to ROOM as `user`: resolves once the server has answered the sign-in,
 *  or closed the socket instead (too many new connections: no answer comes). */
export async function signedIn(url: string, user: string, room = ROOM): Promise<{ ws: WebSocket; closed: Promise<Closed> }> {
  const s = await openSocket(url);
  const answered = Promise.race([new Promise((r) => s.ws.once('message', r)), s.closed]);
  s.ws.send(authFrame(room, token(user)));
  await answered;
  return s;
}

/** True if the socket is still open after `ms`. */
export async function stillOpen(ws: WebSocket, ms = 200): Promise<boolean> {
  await new Promise((r) => setTimeout(r, ms));
  return ws.readyState === WebSocket.OPEN;
}
