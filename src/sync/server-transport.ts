/**
 * The server transport: a SyncTransport over Hocuspocus (self-hosted server mode), plus the
 * vote RPC the server answers (see src/protocol/votes.ts). The token is Miro's id
 * token (`getIdToken()`), fetched again on every (re)connect so it never goes stale.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
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

export class ServerTransport implements SyncTransport {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private _status: SyncStatus = 'connecting';
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly authFailures = new Set<(reason: string) => void>();
  private readonly refusals = new Set<(close: { code: number; reason: string }) => void>();
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  private readonly rpcTimeoutMs: number;

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
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: opts.room,
      document: this.doc,
      awareness: this.awareness,
      token: typeof token === 'function' ? async () => token() : token,
      onSynced: ({ state }) => this.setStatus(state ? 'synced' : 'connecting'),
      onDisconnect: () => this.offline(),
      onClose: ({ event }) => {
        this.offline();
        // 4000–4999: the server closed this connection on purpose (src/protocol/close.ts says why).
        if (event.code >= 4000 && event.code <= 4999) for (const cb of [...this.refusals]) cb({ code: event.code, reason: event.reason });
      },
      onAuthenticationFailed: ({ reason }) => this.authFailures.forEach((cb) => cb(reason)),
      onStateless: ({ payload }) => this.receive(payload),
    });
    this.provider.attach();
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
    this.provider.destroy();
    this.socket.destroy();
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
