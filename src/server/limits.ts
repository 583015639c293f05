/**
 * A guard in front of Hocuspocus on every socket: frame size, a token bucket per connection,
 * a deadline to authenticate, one room per socket, and a full structural check of every
 * frame. Anything wrong closes that socket (and only that one); Hocuspocus never sees it.
 *
 * Why before Hocuspocus: in 3.4.4 a frame that fails to decode makes `Connection.close()`
 * send a close message but leaves the socket open, messages before authentication queue
 * without bound, and BroadcastStateless from any client is relayed to everyone (a participant
 * could forge tallies). The guard closes those doors at the socket.
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { CloseCodes } from '../protocol/close.js';
import type { Limits } from './config.js';
import { parseRoom } from './miro-token.js';

/** Hocuspocus message types (wire values, @hocuspocus/server MessageType). */
const T = { Sync: 0, Awareness: 1, Auth: 2, QueryAwareness: 3, SyncReply: 4, Stateless: 5, Close: 7 } as const;
const MAX_STATELESS_BYTES = 64 * 1024;

export { CloseCodes };

const GUARD = Symbol.for('tryghed.guard');

export class TokenBucket {
  private tokens: number;
  private last = performance.now();
  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }
  take(n = 1): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }
}

/** The board a document belongs to: every document of one board maps to the same key. */
export function boardOf(documentName: string): string | null {
  const r = parseRoom(documentName);
  return r ? `${r.team}:${r.board}` : null;
}

/**
 * The size of every document seen since the server started, summed per board: what was
 * stored when it was loaded or last compacted, plus every update let in since (an upper
 * bound: merging only shrinks). Kept after a document is unloaded, so an update that comes
 * before the next load is checked too. The guard counts clients' updates as it lets them in
 * and refuses one that would pass the cap; the persistence extension counts the server's own
 * and sets the exact size on load and compaction.
 */
export class BoardSizes {
  private readonly docs = new Map<string, number>();
  private readonly boards = new Map<string, number>();
  /** Documents whose stored size is known (loaded once since the server started). */
  private readonly known = new Set<string>();
  private readonly waiting = new Map<string, Set<() => void>>();

  private shift(name: string, delta: number): void {
    const board = boardOf(name) ?? name;
    const next = (this.boards.get(board) ?? 0) + delta;
    if (next <= 0) this.boards.delete(board);
    else this.boards.set(board, next);
  }

  private put(name: string, bytes: number): void {
    this.shift(name, bytes - (this.docs.get(name) ?? 0));
    this.docs.set(name, bytes);
  }

  /** Sets a document's size (after a load or a compaction): from now on it is known. */
  set(name: string, bytes: number): void {
    this.put(name, bytes);
    this.known.add(name);
    const w = this.waiting.get(name);
    this.waiting.delete(name);
    for (const cb of w ?? []) cb();
  }

  add(name: string, bytes: number): void {
    this.put(name, (this.docs.get(name) ?? 0) + bytes);
  }

  isKnown(name: string): boolean {
    return this.known.has(name);
  }

  /** Calls `cb` once the document's size is known; returns the cancel. */
  whenKnown(name: string, cb: () => void): () => void {
    let w = this.waiting.get(name);
    if (!w) this.waiting.set(name, (w = new Set()));
    w.add(cb);
    return () => {
      w.delete(cb);
      if (w.size === 0 && this.waiting.get(name) === w) this.waiting.delete(name);
    };
  }

  /** Bytes of one document. */
  of(name: string): number {
    return this.docs.get(name) ?? 0;
  }

  /** Bytes of the board that `name` belongs to, all its loaded documents together. */
  ofBoard(name: string): number {
    return this.boards.get(boardOf(name) ?? name) ?? 0;
  }
}

export interface Violation {
  code: number;
  reason: string;
}

export interface Frame {
  room: string;
  type: number;
  /** Bytes of a document update it carries (sync step 2 or update), else 0. */
  updateBytes: number;
  /** The update it carries, decoded (for the ballot guard: it is decoded here anyway). */
  update?: ReturnType<typeof Y.decodeUpdate>;
  /** A request for the document (sync step 1: its state vector). */
  syncRequest?: boolean;
}

/** Updates of admitted frames, decoded once, by frame (ballot-guard.ts reads them). */
const decodedUpdates = new WeakMap<object, NonNullable<Frame['update']>>();
export const decodedUpdate = (data: unknown): Frame['update'] =>
  typeof data === 'object' && data !== null ? decodedUpdates.get(data) : undefined;

/** The room and size of the update a sync frame carries, read without decoding the update
 *  (so a frame over the board's cap is refused before it costs a decode); null otherwise. */
export function updateHeader(data: Uint8Array): { room: string; bytes: number } | null {
  try {
    const d = decoding.createDecoder(data);
    const room = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type !== T.Sync && type !== T.SyncReply) return null;
    const step = decoding.readVarUint(d);
    if (step !== 1 && step !== 2) return null;
    return { room, bytes: decoding.readVarUint(d) };
  } catch {
    return null;
  }
}

/** Throws if `data` is not a well-formed Hocuspocus client frame; returns its room and type. */
export function checkFrame(data: Uint8Array): Frame {
  const d = decoding.createDecoder(data);
  const room = decoding.readVarString(d);
  const type = decoding.readVarUint(d);
  let updateBytes = 0;
  let update: Frame['update'];
  let syncRequest = false;
  switch (type) {
    case T.Sync:
    case T.SyncReply: {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === 0) {
        Y.decodeStateVector(payload);
        syncRequest = true;
      }
      else if (step === 1 || step === 2) {
        update = Y.decodeUpdate(payload);
        updateBytes = payload.byteLength;
      } else throw new Error(`unknown sync step ${step}`);
      break;
    }
    case T.Awareness: {
      const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
      const n = decoding.readVarUint(inner);
      for (let i = 0; i < n; i++) {
        decoding.readVarUint(inner);
        decoding.readVarUint(inner);
        JSON.parse(decoding.readVarString(inner));
      }
      if (decoding.hasContent(inner)) throw new Error('trailing awareness bytes');
      break;
    }
    case T.Auth: {
      decoding.readVarUint(d);
      decoding.readVarString(d);
      break;
    }
    case T.Stateless: {
      if (decoding.readVarString(d).length > MAX_STATELESS_BYTES) throw new Error('stateless too big');
      break;
    }
    case T.QueryAwareness:
    case T.Close:
      break;
    default:
      throw new Error(`message type ${type} not accepted from clients`);
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes');
  return update ? { room, type, updateBytes, update } : syncRequest ? { room, type, updateBytes, syncRequest } : { room, type, updateBytes };
}

/** Per-socket state; reachable from Hocuspocus hooks through the upgrade request. */
export class SocketGuard {
  authenticated = false;
  room: string | undefined;
  closed = false;
  private pending = 0;
  private readonly bucket: TokenBucket;
  private readonly byteBucket: TokenBucket;
  private readonly rpcBucket: TokenBucket;
  private readonly syncBucket: TokenBucket;
  private readonly admitted = new WeakSet<object>();
  private readonly authTimer: NodeJS.Timeout;
  /** Frames held (in order) until the size of the document an update is for is known. */
  private held: { data: Uint8Array; isBinary: unknown }[] | null = null;
  private heldBytes = 0;
  private cancelWait: (() => void) | null = null;
  /** Hands a held frame to the socket's listeners again (guardSocket sets it). */
  release: (data: Uint8Array, isBinary: unknown) => void = () => undefined;

  constructor(
    readonly ws: WebSocket,
    private readonly limits: Limits,
    private readonly sizes: BoardSizes,
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst);
    this.byteBucket = new TokenBucket(limits.bytesPerSecond, limits.byteBurst);
    this.rpcBucket = new TokenBucket(limits.rpcPerSecond, limits.rpcPerSecond);
    this.syncBucket = new TokenBucket(limits.syncPerMinute / 60, limits.syncBurst);
    this.authTimer = setTimeout(() => {
      if (!this.authenticated) this.close({ code: CloseCodes.authTimeout, reason: 'authentication timeout' });
    }, limits.authTimeoutMs);
    this.authTimer.unref();
    ws.once('close', () => {
      this.closed = true;
      clearTimeout(this.authTimer);
      this.cancelWait?.();
      this.held = null;
    });
  }

  static of(request: IncomingMessage | undefined): SocketGuard | undefined {
    return request ? ((request as unknown as Record<symbol, SocketGuard | undefined>)[GUARD]) : undefined;
  }

  markAuthenticated(): void {
    this.authenticated = true;
    clearTimeout(this.authTimer);
  }

  /** Closes the socket; lets queued frames (e.g. permission-denied) flush first. */
  close(v: Violation, delayMs = 0): void {
    if (this.closed) return;
    this.closed = true;
    const doClose = () => {
      try {
        this.ws.close(v.code, v.reason);
      } catch {
        /* already closing */
      }
      // Nothing it sends from now on is read: a flooder's frames in flight would each cost
      // the unmasking of up to a megabyte before being dropped. Its answer to the close goes
      // unread too, so our side ends right after the close frame (the client sees the
      // reason at once) and the socket goes shortly after.
      this.ws.pause();
      (this.ws as unknown as { _socket?: { end(): void } })._socket?.end();
      setTimeout(() => this.ws.terminate(), 1000).unref();
    };
    if (delayMs > 0) setTimeout(doClose, delayMs).unref();
    else doClose();
  }

  /** Decides whether a frame reaches Hocuspocus. Re-emitted (queued) frames pass through. */
  admit(data: unknown, isBinary: unknown): boolean {
    if (this.closed) return false;
    if (typeof data === 'object' && data !== null && this.admitted.has(data)) return true;
    if (this.hold(data, isBinary)) return false;
    const v = this.inspect(data, isBinary);
    if (v) {
      this.close(v);
      return false;
    }
    this.admitted.add(data as object);
    return true;
  }

  /**
   * An update for a document whose stored size is not known yet (the server has not loaded it
   * since it started) waits until it is, and every later frame of this socket behind it (order
   * matters): the cap then counts the stored board too, so a burst sent while the board loads
   * cannot pass it. What waits is bounded by the byte burst.
   */
  private hold(data: unknown, isBinary: unknown): boolean {
    if (!(data instanceof Uint8Array)) return false;
    if (!this.held) {
      const h = updateHeader(data);
      if (!h || this.sizes.isKnown(h.room) || !parseRoom(h.room)) return false;
      this.held = [];
      this.cancelWait = this.sizes.whenKnown(h.room, () => this.releaseHeld());
    }
    this.held.push({ data, isBinary });
    this.heldBytes += data.byteLength;
    if (this.heldBytes > this.limits.byteBurst || this.held.length > this.limits.messageBurst) {
      this.close({ code: CloseCodes.rate, reason: 'too many bytes' });
    }
    return true;
  }

  private releaseHeld(): void {
    const frames = this.held ?? [];
    this.held = null;
    this.heldBytes = 0;
    this.cancelWait = null;
    // Each goes through admit again (it may be held again, for the board's other document).
    for (const f of frames) if (!this.closed) this.release(f.data, f.isBinary);
  }

  private inspect(data: unknown, isBinary: unknown): Violation | null {
    if (isBinary === false || !(data instanceof Uint8Array)) return { code: CloseCodes.malformed, reason: 'binary frames only' };
    if (data.byteLength > this.limits.maxMessageBytes) return { code: CloseCodes.tooBig, reason: 'message too big' };
    if (!this.bucket.take()) return { code: CloseCodes.rate, reason: 'too many messages' };
    if (!this.byteBucket.take(data.byteLength)) return { code: CloseCodes.rate, reason: 'too many bytes' };
    const header = updateHeader(data);
    if (header && this.sizes.ofBoard(header.room) + header.bytes > this.limits.maxBoardBytes) return { code: CloseCodes.boardFull, reason: 'board is full' };
    let frame: Frame;
    try {
      frame = checkFrame(data);
    } catch {
      return { code: CloseCodes.malformed, reason: 'malformed message' };
    }
    // One board per connection: its shared doc and its control doc (miro-token.ts).
    const room = parseRoom(frame.room)?.room;
    if (this.room === undefined) {
      if (!room) return { code: CloseCodes.malformed, reason: 'invalid room name' };
      this.room = room;
    } else if (room !== this.room) {
      return { code: CloseCodes.malformed, reason: 'one room per connection' };
    }
    if (!this.authenticated && frame.type !== T.Auth && ++this.pending > this.limits.maxPendingBeforeAuth) {
      return { code: CloseCodes.rate, reason: 'too many messages before authentication' };
    }
    if (frame.type === T.Stateless && !this.rpcBucket.take()) return { code: CloseCodes.rate, reason: 'too many requests' };
    // Each is answered with all of the document the client lacks: bounded, or a few bytes
    // could make the server send the whole board again and again.
    if (frame.syncRequest && !this.syncBucket.take()) return { code: CloseCodes.rate, reason: 'too many sync requests' };
    if (frame.updateBytes > 0) {
      if (this.sizes.ofBoard(frame.room) + frame.updateBytes > this.limits.maxBoardBytes) return { code: CloseCodes.boardFull, reason: 'board is full' };
      // Counted now, not when applied: frames let in before the last one is applied count too.
      // One that is dropped (its socket closed first) is forgotten at the next load or compaction.
      this.sizes.add(frame.room, frame.updateBytes);
    }
    if (frame.update) decodedUpdates.set(data, frame.update);
    return null;
  }
}

/** Puts a guard on a fresh socket: every 'message' event passes `admit` first. */
export function guardSocket(ws: WebSocket, request: IncomingMessage, limits: Limits, sizes: BoardSizes): SocketGuard {
  const guard = new SocketGuard(ws, limits, sizes);
  (request as unknown as Record<symbol, SocketGuard>)[GUARD] = guard;
  const emit = ws.emit.bind(ws);
  ws.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (event === 'message' && !guard.admit(args[0], args[1])) return false;
    return emit(event, ...args);
  }) as typeof ws.emit;
  guard.release = (data, isBinary) => void ws.emit('message', data, isBinary);
  return guard;
}

/**
 * When Hocuspocus drops a connection itself (an update it could not apply, a failed token
 * refresh), 3.4.4 only sends a close message: close the socket too, so nothing lingers.
 */
export class CloseDroppedSockets {
  extensionName = 'tryghed-close-dropped';
  async connected({ connection, request }: { connection: { onClose(cb: (doc: unknown, event?: { code?: number; reason?: string }) => void): unknown }; request: IncomingMessage }): Promise<void> {
    const guard = SocketGuard.of(request);
    connection.onClose((_doc, event) => {
      const code = event?.code;
      const valid = code === 1000 || (typeof code === 'number' && code >= 3000 && code <= 4999);
      guard?.close({ code: valid ? code : 1000, reason: event?.reason ?? 'closed by the server' }, 50);
    });
  }
}
