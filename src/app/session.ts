/**
 * The workshop session of one board, wired: who I am and which board (the Host port), the
 * board's sync setting, the connection it names (connection.ts), the Actions bound to it,
 * and what the host tells us: who is online, the selection, deleted stickies (they leave the
 * tally), sticky texts (host-view.ts). Badges follow the visible tally (an action). When
 * the setting changes, the session moves to a new connection with a fresh doc.
 */
import { bindActions, type Actions } from '../actions/actions.js';
import { perform as correctLabels } from '../actions/correct-labels.js';
import { follow as followBadges } from '../actions/follow-badges.js';
import { follow as followPlan } from '../actions/follow-plan.js';
import { perform as markDeleted } from '../actions/mark-deleted.js';
import type { WebSdkHost } from '../board/host.js';
import type { Person } from '../board/host-port.js';
import type { SessionBoard } from '../board/session-board-port.js';
import type { ShellSession } from '../ui/shell-session.js';
import { LocalBallotKeyStore } from './ballot-keys.js';
import { actionContext, connect, disconnect, switchConnection, type Connection, type ConnectionDeps } from './connection.js';
import { ConnectionView } from './connection-view.js';
import { forgetOnThisDevice } from './forget-device.js';
import { HostView } from './host-view.js';
import { suggestFromActions } from './suggest-port.js';
import { DEFAULT_SYNC, readSyncConfig, SYNC_COLLECTION, watchSyncConfig, writeSyncConfig, type SyncConfig } from './sync-config.js';

export type WorkshopSessionOptions = { host: WebSdkHost; board: SessionBoard };

export class WorkshopSession extends ConnectionView implements ShellSession {
  actions!: Actions;
  readonly suggest = suggestFromActions(() => this.actions, this.o.board); // grouping as the Group button does
  private readonly notes: HostView;
  private readonly offs: Array<() => void> = [];
  private switching = Promise.resolve();
  private destroyed = false;
  /** When the facilitator ended the session and its data was deleted (this panel's copy too). */
  ended: { at: number } | null = null;

  private constructor(private readonly o: WorkshopSessionOptions, deps: ConnectionDeps) {
    super(deps);
    this.notes = new HostView(o.board, this.changed);
  }
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
      if (conn) this.adopt(conn);
    }));
  }

  /** A new connection takes over from the one in use (unless the session is gone meanwhile). */
  private adopt(conn: Connection): void {
    if (this.destroyed) return void disconnect(conn);
    this.notes.clear();
    this.use(conn);
    this.changed();
  }

  /** The session ended (here or anywhere): its copy here goes with what this device kept of it
   *  (forget-device.ts); the panel says so and offers a new session (`restart`). */
  private sessionEnded(conn: Connection, at: number): void {
    if (conn !== this.conn || this.ended) return;
    this.ended = { at };
    for (const off of conn.offs.splice(0)) off();
    conn.transport.destroy();
    forgetOnThisDevice(this.deps);
    this.changed();
  }

  /** A new, empty session on this board after one ended: a fresh connection (a new doc). */
  async restart(): Promise<void> {
    if (!this.ended || this.destroyed) return;
    const conn = await connect(this.conn.config, this.deps);
    if (!this.destroyed) this.ended = null;
    this.adopt(conn);
  }

  destroy(): void {
    this.destroyed = true;
    void disconnect(this.conn);
    this.offs.splice(0).forEach((off) => off());
    this.notes.stop();
    this.listeners.clear();
  }
}
