/**
 * The workshop session of one board, wired: who I am and which board (the Host port), the
 * board's sync setting, the connection it names (connection.ts), the Actions bound to it,
 * and what the host tells us: who is online, the selection, deleted stickies (they leave the
 * tally), sticky texts (host-view.ts). Badges follow the visible tally (an action). When
 * the setting changes, the session moves to a new connection with a fresh doc.
 */
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { bindActions, type Actions } from '../actions/actions.js';
import { perform as correctLabels } from '../actions/correct-labels.js';
import { follow as followBadges } from '../actions/follow-badges.js';
import { follow as followPlan } from '../actions/follow-plan.js';
import { perform as markDeleted } from '../actions/mark-deleted.js';
import type { WebSdkHost } from '../board/host.js';
import type { Person } from '../board/host-port.js';
import type { SessionBoard } from '../board/session-board-port.js';
import type { VoteService } from '../core/session/voting.js';
import type { PulseService } from '../core/session/pulse-service.js';
import type { SyncTransport } from '../sync/transport.js';
import type { CloseReason } from '../protocol/close.js';
import type { SaveView, ShellSession, SyncState } from '../ui/shell-session.js';
import { LocalBallotKeyStore } from './ballot-keys.js';
import { plateKey } from '../ui/plate-store.js';
import { safeStorage } from '../ui/safe-storage.js';
import { actionContext, connect, disconnect, savedOf, saveNow, switchConnection, type Connection, type ConnectionDeps } from './connection.js';
import { HostView } from './host-view.js';
import { suggestFromActions } from './suggest-port.js';
import { DEFAULT_SYNC, readSyncConfig, SYNC_COLLECTION, watchSyncConfig, writeSyncConfig, type SyncConfig } from './sync-config.js';

export type WorkshopSessionOptions = { host: WebSdkHost; board: SessionBoard };

export class WorkshopSession implements ShellSession {
  actions!: Actions;
  readonly suggest = suggestFromActions(() => this.actions, this.o.board); // grouping as the Group button does
  private conn!: Connection;
  private readonly notes: HostView;
  private readonly listeners = new Set<() => void>();
  private readonly offs: Array<() => void> = [];
  private switching = Promise.resolve();
  private destroyed = false;
  /** When the facilitator ended the session and its data was deleted (this panel's copy too). */
  ended: { at: number } | null = null;

  private constructor(private readonly o: WorkshopSessionOptions, private readonly deps: ConnectionDeps) {
    this.notes = new HostView(o.board, this.changed);
  }
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
  get labels(): Readonly<Record<string, string>> { return this.notes.labels; }
  get people(): readonly Person[] { return this.notes.people; }
  get selection(): readonly string[] { return this.notes.selection; }
  get selected(): readonly string[] { return this.notes.selected; }

  /** Reads who and where, the setting, and connects. */
  static async open(o: WorkshopSessionOptions): Promise<WorkshopSession> {
    const [me, boardId] = await Promise.all([o.host.me(), o.host.boardId()]);
    const ballotKeys = new LocalBallotKeyStore(boardId, me.id);
    const s: WorkshopSession = new WorkshopSession(o, { host: o.host, me, boardId, ballotKeys, changed: () => s.changed() });
    const store = o.host.storage(SYNC_COLLECTION);
    s.use(await connect(await readSyncConfig(store).catch(() => DEFAULT_SYNC), s.deps));
    s.offs.push(
      await watchSyncConfig(store, (next) => void s.follow(next)),
      await s.notes.watch(o.host),
      // A sticky removed from the board leaves the tally (and its votes stop counting).
      o.host.onItemsDeleted((ids) => void markDeleted(actionContext(s.conn, s.deps, o.board), { ids })),
    );
    return s;
  }

  subscribe = (cb: () => void): (() => void) => (this.listeners.add(cb), () => this.listeners.delete(cb));
  private changed = (): void => [...this.listeners].forEach((cb) => cb());

  async setSync(setting: SyncConfig): Promise<void> {
    await writeSyncConfig(this.o.host.storage(SYNC_COLLECTION), setting);
    // Storage tells every instance, this one included; following here too spares the wait.
    await this.follow(setting);
  }

  /** A connection in use: actions bound to it, labels and badges following its doc; once the
   *  saved session is in, the facilitator's panel corrects board labels that say more. */
  private use(conn: Connection): void {
    this.conn = conn;
    const ctx = actionContext(conn, this.deps, this.o.board);
    this.actions = bindActions(ctx);
    conn.offs.push(this.notes.follow(ctx.doc), followBadges(ctx), followPlan(ctx), conn.onEnded((at) => this.sessionEnded(conn, at)));
    void conn.transport.whenSynced().then(() => void (this.conn === conn && !this.destroyed && correctLabels(ctx)));
  }

  private follow(next: SyncConfig): Promise<void> {
    return (this.switching = this.switching.then(async () => {
      const conn = this.destroyed ? null : await switchConnection(this.conn, next, this.deps);
      if (!conn) return;
      if (this.destroyed) return void disconnect(conn);
      this.notes.clear();
      this.use(conn);
      this.changed();
    }));
  }

  /**
   * The session ended (here or anywhere): its copy here is gone with what this device kept of
   * it for this board (anonymous ballot and pulse keys, the plate's answers); the panel says so
   * and offers a new session (`restart`).
   */
  private sessionEnded(conn: Connection, at: number): void {
    if (conn !== this.conn || this.ended) return;
    this.ended = { at };
    for (const off of conn.offs.splice(0)) off();
    conn.transport.destroy();
    this.deps.ballotKeys.clear();
    try {
      safeStorage()?.removeItem(plateKey(this.deps.boardId, this.deps.me.id));
    } catch {
      /* storage refused: nothing was kept */
    }
    this.changed();
  }

  /** A new, empty session on this board after one ended: a fresh connection (a new doc). */
  async restart(): Promise<void> {
    if (!this.ended || this.destroyed) return;
    const conn = await connect(this.conn.config, this.deps);
    if (this.destroyed) return void disconnect(conn);
    this.ended = null;
    this.notes.clear();
    this.use(conn);
    this.changed();
  }

  destroy(): void {
    this.destroyed = true;
    void disconnect(this.conn);
    this.offs.splice(0).forEach((off) => off());
    this.notes.stop();
    this.listeners.clear();
  }
}
