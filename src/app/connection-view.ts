/**
 * What a panel reads of the connection in use (connection.ts): who and where, its doc and
 * presence, its vote and pulse services, its state. The session (session.ts) swaps `conn` when
 * the sync setting changes or a new session starts; everything here follows.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Person } from '../board/host-port.js';
import type { PulseService } from '../core/session/pulse-service.js';
import type { VoteService } from '../core/session/voting.js';
import type { CloseReason } from '../protocol/close.js';
import type { SyncTransport } from '../sync/transport.js';
import type { SaveView, SyncState } from '../ui/shell-session.js';
import { savedOf, saveNow, type Connection, type ConnectionDeps } from './connection.js';
import type { SyncConfig } from './sync-config.js';

export abstract class ConnectionView {
  protected conn!: Connection;
  protected readonly listeners = new Set<() => void>();

  constructor(protected readonly deps: ConnectionDeps) {}

  subscribe = (cb: () => void): (() => void) => (this.listeners.add(cb), () => this.listeners.delete(cb));
  protected changed = (): void => [...this.listeners].forEach((cb) => cb());

  get me(): Person { return this.deps.me; }
  get boardId(): string { return this.deps.boardId; }
  get doc(): Y.Doc { return this.conn.transport.doc; }
  get awareness(): Awareness { return this.conn.transport.awareness; }
  get voteService(): VoteService { return this.conn.voteService; }
  get pulses(): PulseService { return this.conn.pulses; }
  get status(): SyncState { return this.conn.signInFailed ? 'offline' : this.conn.transport.status; }
  get signInFailed(): boolean { return this.conn.signInFailed; }
  get sync(): SyncConfig { return this.conn.config; }
  get transport(): SyncTransport { return this.conn.transport; }
  get refused(): CloseReason | null { return this.conn.refused; }
  get moveFailed(): string | null { return this.conn.moveFailed ?? null; }
  get saved(): SaveView | null { return savedOf(this.conn); }
  /** The page is hidden and may be discarded: unsent edits and our unsaved ones go now. */
  saveNow(): void { saveNow(this.conn); }
}
