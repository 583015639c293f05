/**
 * The server transport: a SyncTransport over Hocuspocus (self-hosted server mode), plus the
 * vote RPC the server answers (see src/protocol/votes.ts). The token is Miro's id
 * token (`getIdToken()`), fetched again on every (re)connect so it never goes stale.
 *
 * A board is two docs over one socket: the shared doc everyone writes, and the control doc
 * (the facilitator's state), which the server alone writes: this client only reads it, and
 * changes it through `control` (a server call). The two are linked (schema.ts), so the
 * session model reads them as one doc.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { linkControlDoc } from '../core/session/schema.js';
import type { RpcOp, RpcOps, RpcReply } from '../protocol/votes.js';
import type { SyncStatus, SyncTransport } from './transport.js';

export interface ServerTransportOptions {
  /** ws:// or wss:// URL of the sync server. */
  url: string;
  /** `tryghed:<team>:<board>`. */
  room: string;
  token: string | (() => string | Promise<string>);
  doc?: Y.Doc;
  /** A WebSocket class where there is no global one (Node 20: the `ws` package). */
  WebSocketPolyfill?: unknown;
  /** Give up an RPC after this long (ms). */
  rpcTimeoutMs?: number;
}

export class RpcError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let seq = 0;
/** protocol/close.ts CloseCodes.ended (sync takes only types from there). */
const SESSION_ENDED = 4410;
/** Token requests this close together are one request (the two docs of one connect). */
const TOKEN_SHARE_MS = 250;

export class ServerTransport implements SyncTransport {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly provider: HocuspocusProvider;
  /** The board's control doc: read here, written only by the server. */
  readonly controlDoc: Y.Doc;
  readonly controlProvider: HocuspocusProvider;
  private readonly synced = { shared: false, control: false };
  private readonly socket: HocuspocusProviderWebsocket;
  private _status: SyncStatus = 'connecting';
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly authFailures = new Set<(reason: string) => void>();
  private readonly refusals = new Set<(close: { code: number; reason: string }) => void>();
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly rpcTimeoutMs: number;
  private destroyed = false;

  constructor(opts: ServerTransportOptions) {
    this.doc = opts.doc ?? new Y.Doc();
    this.awareness = new Awareness(this.doc);
    this.rpcTimeoutMs = opts.rpcTimeoutMs ?? 10_000;
    this.socket = new HocuspocusProviderWebsocket({
      url: opts.url,
      ...(opts.WebSocketPolyfill ? { WebSocketPolyfill: opts.WebSocketPolyfill } : {}),
      maxDelay: 5000,
    });
    const token = opts.token;
    // Both docs ask for a token on every (re)connect and refresh, at the same moment: one fetch serves both.
    let recent: { at: number; token: Promise<string> } | null = null;
    const tokenFn =
      typeof token === 'function'
        ? () => {
            const now = Date.now();
            if (!recent || now - recent.at > TOKEN_SHARE_MS) recent = { at: now, token: Promise.resolve().then(token) };
            return recent.token;
          }
        : token;
    this.controlDoc = new Y.Doc();
    linkControlDoc(this.doc, this.controlDoc);
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: opts.room,
      document: this.doc,
      awareness: this.awareness,
      token: tokenFn,
      onSynced: ({ state }) => this.synced_('shared', state),
      onDisconnect: () => this.offline(),
      onClose: ({ event }) => {
        this.offline();
        // The session was ended and deleted: this copy is the old session's, never sent again.
        if (event.code === SESSION_ENDED) setTimeout(() => this.destroy(), 0);
        // 4000–4999: the server closed this connection on purpose (src/protocol/close.ts says why).
        if (event.code >= 4000 && event.code <= 4999) for (const cb of [...this.refusals]) cb({ code: event.code, reason: event.reason });
      },
      onAuthenticationFailed: ({ reason }) => this.authFailures.forEach((cb) => cb(reason)),
      onStateless: ({ payload }) => this.receive(payload),
    });
    this.controlProvider = new HocuspocusProvider({
      websocketProvider: this.socket,
      // The board's control doc (protocol/votes.ts controlRoom; sync takes only types from there).
      name: `${opts.room}:control`,
      document: this.controlDoc,
      // Presence lives on the shared doc; the server refuses awareness on the control doc.
      awareness: null,
      token: tokenFn,
      onSynced: ({ state }) => this.synced_('control', state),
      onAuthenticationFailed: ({ reason }) => this.authFailures.forEach((cb) => cb(reason)),
    });
    // A local write would never reach the others (the server refuses it): say where it came from.
    this.controlDoc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== this.controlProvider) console.error('Tryghed: the control doc is written only by the server; use the control service');
    });
    this.provider.attach();
    this.controlProvider.attach();
  }

  private synced_(which: 'shared' | 'control', state: boolean): void {
    this.synced[which] = state;
    this.setStatus(this.synced.shared && this.synced.control ? 'synced' : 'connecting');
  }

  get status(): SyncStatus {
    return this._status;
  }

  whenSynced(): Promise<void> {
    if (this._status === 'synced') return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onStatus((s) => {
        if (s === 'synced') {
          off();
          resolve();
        }
      });
    });
  }

  onStatus(cb: (status: SyncStatus) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Called when the server refuses the token (reason from the server). */
  onAuthFailed(cb: (reason: string) => void): () => void {
    this.authFailures.add(cb);
    return () => this.authFailures.delete(cb);
  }

  /** Called when the server closes the connection on purpose (a limit, a bad frame, the sign-in). */
  onRefused(cb: (close: { code: number; reason: string }) => void): () => void {
    this.refusals.add(cb);
    return () => this.refusals.delete(cb);
  }

  /** Calls the server; resolves after the server committed, rejects with RpcError. */
  async rpc<K extends RpcOp>(op: K, args: RpcOps[K]['args']): Promise<RpcOps[K]['result']> {
    await this.whenSynced();
    const id = `${Date.now().toString(36)}-${(seq++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new RpcError('timeout', `${op}: no answer from the server`));
      }, this.rpcTimeoutMs);
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer });
      this.provider.sendStateless(JSON.stringify({ tryghed: 'rpc', id, op, args }));
    });
  }

  /** The server keeps the document: nothing to hand on. */
  async leave(): Promise<void> {
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.controlProvider.destroy();
    this.provider.destroy();
    try {
      this.socket.destroy();
    } catch {
      // ws refuses to close a socket still connecting (a reconnect under way): it is dropped anyway.
    }
    this.offline();
    this.listeners.clear();
  }

  private receive(payload: string): void {
    let r: RpcReply;
    try {
      r = JSON.parse(payload) as RpcReply;
    } catch {
      return;
    }
    if (r?.tryghed !== 'reply') return;
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    clearTimeout(p.timer);
    if (r.ok) p.resolve(r.result);
    else p.reject(new RpcError(r.code, r.message));
  }

  private offline(): void {
    this.synced.shared = this.synced.control = false;
    this.setStatus('offline');
    // The outcome of a call in flight is unknown (it may have committed): say so.
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(new RpcError('unknown-outcome', 'connection lost before the answer; re-read the ballot'));
      this.pending.delete(id);
    }
  }

  private setStatus(s: SyncStatus): void {
    if (s === this._status) return;
    this._status = s;
    for (const cb of [...this.listeners]) cb(s);
  }
}
