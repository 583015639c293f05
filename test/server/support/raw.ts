/**
 * A raw client: a signed-in WebSocket that sends whatever frames a test builds, the way a
 * modified app could, past every check the project's own client makes.
 */
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { ROOM as ROOM_DEFAULT, token } from './helpers.js';

const T = { Sync: 0, Awareness: 1, Auth: 2, Stateless: 5 } as const;

export function frame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

export const updateFrame = (room: string, update: Uint8Array) =>
  frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, T.Sync), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, update)));

/** A sync step 2 frame: what a client sends in reply to the server's sync request. */
export const replyFrame = (room: string, update: Uint8Array) =>
  frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, T.Sync), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, update)));

/** A change made as if by the client `id`: items under its id, right after its last ones. */
export const asClient = (id: number, change: (d: Y.Doc) => void) => (d: Y.Doc) => {
  d.clientID = id;
  change(d);
};

export const awarenessFrame = (room: string, entries: { clientId: number; clock: number; state: unknown }[]) =>
  frame((e) => {
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, T.Awareness);
    encoding.writeVarUint8Array(e, frame((a) => {
      encoding.writeVarUint(a, entries.length);
      for (const x of entries) {
        encoding.writeVarUint(a, x.clientId);
        encoding.writeVarUint(a, x.clock);
        encoding.writeVarString(a, JSON.stringify(x.state));
      }
    }));
  });

export interface RawClient {
  ws: WebSocket;
  send(data: Uint8Array): void;
  /** A stateless RPC as the app sends it; resolves with the reply. */
  rpc(op: string, args: unknown): Promise<{ ok: boolean; result?: unknown; code?: string }>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
  /** Sync-status answers per room: false = the server did not apply an update. */
  statuses: Map<string, boolean[]>;
}

let seq = 0;

/** Signs in to each room (a board's shared doc and/or its control doc) on one socket. */
export async function rawClient(url: string, user: string, rooms: string[]): Promise<RawClient> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const replies = new Map<string, (r: { ok: boolean; result?: unknown; code?: string }) => void>();
  const statuses = new Map<string, boolean[]>();
  const authenticated = new Set<string>();
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const room = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === T.Auth) {
      if (decoding.readVarUint(d) === 2) authenticated.add(room); // Authenticated
    } else if (type === T.Stateless) {
      const r = JSON.parse(decoding.readVarString(d)) as { id: string; ok: boolean };
      replies.get(r.id)?.(r);
    } else if (type === 8) {
      // SyncStatus: whether the last update was applied.
      const list = statuses.get(room) ?? [];
      list.push(decoding.readVarUint(d) === 1);
      statuses.set(room, list);
    }
  });
  for (const room of rooms) {
    ws.send(frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, T.Auth), encoding.writeVarUint(e, 0), encoding.writeVarString(e, token(user)))));
    ws.send(frame((e) => (encoding.writeVarString(e, room), encoding.writeVarUint(e, T.Sync), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc())))));
  }
  for (let i = 0; i < 500 && authenticated.size < rooms.length; i++) await new Promise((r) => setTimeout(r, 10));
  if (authenticated.size < rooms.length) throw new Error(`raw client ${user} was not authenticated`);
  return {
    ws,
    closed,
    statuses,
    send: (data) => ws.send(data),
    rpc(op, args) {
      const id = `raw-${seq++}`;
      ws.send(frame((e) => (encoding.writeVarString(e, rooms[0]!), encoding.writeVarUint(e, T.Stateless), encoding.writeVarString(e, JSON.stringify({ tryghed: 'rpc', id, op, args })))));
      return new Promise((resolve) => replies.set(id, resolve));
    },
  };
}

/** An update that makes `change` on top of `base` (a replica's state), as a peer would send it. */
export function forgedUpdate(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  change(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/**
 * Sends one update forged on a copy of `base` as `user` on a fresh raw socket to `room`;
 * resolves with the code the server closed it with, or 0 if it stayed open for half a second.
 */
export async function forgeAs(url: string, user: string, base: Y.Doc, change: (d: Y.Doc) => void, room = ROOM_DEFAULT): Promise<number> {
  const raw = await rawClient(url, user, [room]);
  raw.send(updateFrame(room, forgedUpdate(base, change)));
  const code = await Promise.race([raw.closed, new Promise<number>((r) => setTimeout(() => r(0), 500))]);
  raw.ws.terminate();
  return code;
}
