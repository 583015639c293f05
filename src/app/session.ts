/**
 * The workshop session of one board, wired: who I am (getUserInfo), the board (getInfo), the
 * board's sync setting (sync-config.ts), the transport it names (Miro's channel, metered by
 * the board's shared credit budget, or the sync server with Miro's id token), the VoteService
 * that fits it, presence, and the board's side effects: deleted stickies leave the tally,
 * badges follow a visible tally, a timed round starts Miro's timer where there is one.
 *
 * When the setting changes (any panel, or the sandbox's switch), the session moves to the
 * other transport with a fresh doc: each mode keeps its own copy of the session.
 */
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardNote, MarkedItem } from '../board/port.js';
import type { MiroSdk } from '../board/sdk.js';
import { contentText } from '../board/link-items.js';
import type { SessionBoard } from '../board/session-board-port.js';
import type { WebSdkBoard } from '../board/web-sdk-board.js';
import { centreIn } from '../core/geometry.js';
import { createCluster, dissolveCluster, listClusters } from '../core/session/clusters.js';
import { LocalVoteService } from '../core/session/local-vote-service.js';
import { PRESENCE_FIELD, type PresenceState } from '../core/session/presence.js';
import { facilitatorOf } from '../core/session/roles.js';
import { listRounds } from '../core/session/rounds.js';
import { deletedMap, membershipMap } from '../core/session/schema.js';
import { markTargetsDeleted } from '../core/session/targets.js';
import type { VoteService } from '../core/session/voting.js';
import type { TemplateId } from '../core/template/types.js';
import { isPrivateTemplate, sitsIn } from '../core/template/zones.js';
import { closeReasonOf, type CloseReason } from '../protocol/close.js';
import { channelFromSdk } from '../sync/miro-channel.js';
import { MiroTransport } from '../sync/miro-transport.js';
import type { SyncTransport } from '../sync/transport.js';
import type { Me, Person, ScopeTargets, TargetLabels } from '../ui/session/session-view.js';
import type { SaveView, ShellSession, SyncState, TargetSet } from '../ui/shell-session.js';
import { LocalBallotKeyStore } from './ballot-keys.js';
import { OfflineTransport } from './offline-transport.js';
import { roomName, teamOf } from './room.js';
import { DEFAULT_SYNC, readSyncConfig, sameSyncConfig, SYNC_COLLECTION, watchSyncConfig, writeSyncConfig, type SyncConfig } from './sync-config.js';
import { RoutingVoteService } from './vote-routing.js';
import { suggestPort } from './suggest-port.js';
import type { SuggestPort } from '../ui/session/suggest-port.js';

/** Namespaces the Miro transport's events and snapshot on the board. */
export const SESSION_CHANNEL = 'session-v1';
/** Board reads for labels and badge updates wait this long after a change, so a burst is one read. */
const SETTLE_MS = 300;

interface Connection {
  config: SyncConfig;
  signInFailed: boolean;
  /** Why the server last closed this connection on purpose; null once synced again. */
  refused: CloseReason | null;
  transport: SyncTransport;
  voteService: VoteService;
  offs: Array<() => void>;
}

export interface WorkshopSessionOptions {
  sdk: MiroSdk;
  board: WebSdkBoard;
  sessionBoard?: SessionBoard;
}

export class WorkshopSession implements ShellSession {
  people: Person[] = [];
  labels: TargetLabels = {};
  selection: string[] = [];
  private conn!: Connection;
  private readonly listeners = new Set<() => void>();
  private readonly offs: Array<() => void> = [];
  private readonly ballotKeys: LocalBallotKeyStore;
  private labelTimer: ReturnType<typeof setTimeout> | null = null;
  private badgeTimer: ReturnType<typeof setTimeout> | null = null;
  private badgeKey = '';
  private switching: Promise<void> = Promise.resolve();
  private destroyed = false;

  private constructor(
    private readonly sdk: MiroSdk,
    private readonly board: WebSdkBoard,
    readonly sessionBoard: SessionBoard | undefined,
    readonly me: Me,
    readonly boardId: string,
  ) {
    this.ballotKeys = new LocalBallotKeyStore(boardId, me.id);
  }

  /** Reads who and where, the setting, and connects. */
  static async open(options: WorkshopSessionOptions): Promise<WorkshopSession> {
    const { sdk, board } = options;
    const [user, info] = await Promise.all([sdk.board.getUserInfo(), sdk.board.getInfo()]);
    const s = new WorkshopSession(sdk, board, options.sessionBoard, { id: String(user.id), name: user.name }, info.id);
    const store = sdk.board.storage.collection(SYNC_COLLECTION);
    const config = await readSyncConfig(store).catch(() => DEFAULT_SYNC);
    s.conn = await s.connect(config);
    await s.watchHost();
    s.offs.push(await watchSyncConfig(store, (next) => void s.follow(next)));
    return s;
  }

  /** Theme suggestions: the engine loads on request; accepting groups as the Group button does
   *  (the board link tidies and labels; without one, the doc alone). */
  readonly suggest: SuggestPort = suggestPort({
    notes: (ids) => this.board.getNotes(ids),
    group: async (noteIds, label) => {
      const actor = { userId: this.me.id };
      if (!this.sessionBoard) {
        const r = createCluster(this.doc, actor, { noteIds: [...noteIds], label });
        return r.ok ? { ok: true, value: { clusterId: r.value.clusterId } } : { ok: false, error: r };
      }
      try {
        const out = await this.sessionBoard.groupSelection(this.doc, actor, label || undefined, { noteIds });
        return { ok: true, value: { clusterId: out.clusterId } };
      } catch (error) {
        return { ok: false, error };
      }
    },
    ungroup: async (clusterId) => {
      const actor = { userId: this.me.id };
      if (!this.sessionBoard) {
        const r = dissolveCluster(this.doc, actor, { clusterId });
        return r.ok ? { ok: true, value: null } : { ok: false, error: r };
      }
      try {
        return { ok: true, value: await this.sessionBoard.ungroup(this.doc, actor, clusterId) };
      } catch (error) {
        return { ok: false, error };
      }
    },
  });

  get doc(): Y.Doc {
    return this.conn.transport.doc;
  }
  get awareness(): Awareness {
    return this.conn.transport.awareness;
  }
  get voteService(): VoteService {
    return this.conn.voteService;
  }
  get status(): SyncState {
    return this.conn.signInFailed ? 'offline' : this.conn.transport.status;
  }
  get signInFailed(): boolean {
    return this.conn.signInFailed;
  }
  get refused(): CloseReason | null {
    return this.conn.refused;
  }
  get sync(): SyncConfig {
    return this.conn.config;
  }
  /** Miro mode: the transport's own view of what is saved on the board; null in server mode. */
  get saved(): SaveView | null {
    const t = this.conn.transport;
    return t instanceof MiroTransport ? t.saveStatus : null;
  }

  /** The page is hidden and may be discarded: unsent edits and our unsaved ones go now. */
  saveNow(): void {
    const t = this.conn?.transport;
    if (t instanceof MiroTransport) t.saveNow();
  }

  get transport(): SyncTransport {
    return this.conn.transport;
  }

  subscribe(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  private changed(): void {
    for (const cb of [...this.listeners]) cb();
  }

  async setSync(setting: SyncConfig): Promise<void> {
    await writeSyncConfig(this.sdk.board.storage.collection(SYNC_COLLECTION), setting);
    // Storage tells every instance, this one included; following here too spares the wait.
    await this.follow(setting);
  }

  async targetsOf(set: TargetSet): Promise<ScopeTargets> {
    if (set === 'clusters') return { ids: listClusters(this.doc).filter((c) => c.notes.length > 0).map((c) => c.id), privateLeftOut: 0 };
    // Nothing written on the plate (a private template) is ever a target.
    if (typeof set === 'object' && isPrivateTemplate(set.template)) return { ids: [], privateLeftOut: 0 };
    let notes: BoardNote[];
    let privateFrames: MarkedItem[] = [];
    const isPrivateFrame = (m: MarkedItem) => m.kind === 'frame' && isPrivateTemplate(m.marker.t);
    if (set === 'selection') {
      notes = await this.board.getSelection();
      if (notes.length > 0) privateFrames = (await this.board.findMarkedFrames()).filter(isPrivateFrame);
    } else {
      // People's stickies only: the seed cards our templates bring carry our marker.
      const [all, ours] = await Promise.all([this.board.getNotes(), this.board.findByMarker(set === 'notes' ? {} : { templateId: set.template })]);
      const marked = new Set(ours.map((m) => m.id));
      notes = all.filter((n) => !marked.has(n.id));
      if (set === 'notes') privateFrames = ours.filter(isPrivateFrame);
      else if ('zone' in set) {
        // The zone on every copy of the template: a sticky counts where its centre lies.
        const zones = ours.filter((m) => m.kind !== 'frame' && m.marker.e === set.zone);
        notes = notes.filter((n) => zones.some((z) => centreIn(z.rect, n.rect)));
      } else {
        const frames = new Set(ours.filter((m) => m.kind === 'frame').map((m) => m.id));
        notes = notes.filter((n) => n.parentId !== null && frames.has(n.parentId));
      }
    }
    const open = notes.filter((n) => !privateFrames.some((f) => sitsIn(n, f)));
    for (const n of open) this.remember(n.id, n.content);
    return { ids: open.map((n) => n.id), privateLeftOut: notes.length - open.length };
  }

  async templatesOnBoard(): Promise<TemplateId[]> {
    const frames = await this.board.findMarkedFrames();
    return [...new Set(frames.map((f) => f.marker.t as TemplateId))];
  }

  async roundOpened(_roundId: string, endsAt: number | null): Promise<boolean> {
    if (endsAt === null) return false;
    try {
      return await this.board.startTimer(Math.max(1000, endsAt - Date.now()));
    } catch (e) {
      console.warn('Tryghed: the board timer did not start; the panel counts down instead', e);
      return false;
    }
  }

  destroy(): void {
    this.destroyed = true;
    void this.disconnect(this.conn);
    for (const off of this.offs.splice(0)) off();
    if (this.labelTimer) clearTimeout(this.labelTimer);
    if (this.badgeTimer) clearTimeout(this.badgeTimer);
    this.listeners.clear();
  }

  // ---- transport -------------------------------------------------------------------------

  private follow(next: SyncConfig): Promise<void> {
    this.switching = this.switching.then(async () => {
      if (this.destroyed || sameSyncConfig(next, this.conn.config)) return;
      // The old transport leaves first: the Miro transport writes its snapshot as it goes,
      // so coming back to Miro mode later finds the session where it was.
      await this.disconnect(this.conn);
      const conn = await this.connect(next);
      if (this.destroyed) return void this.disconnect(conn);
      this.conn = conn;
      this.labels = {};
      this.badgeKey = '';
      this.changed();
    });
    return this.switching;
  }

  private async connect(config: SyncConfig): Promise<Connection> {
    const doc = new Y.Doc();
    const local = new LocalVoteService(doc, { actor: { userId: this.me.id }, ballotKeys: this.ballotKeys });
    let transport: SyncTransport;
    let voteService: VoteService;
    const offs: Array<() => void> = [];
    let signInFailed = false;
    if (config.mode === 'server') {
      // Miro's id token names the team, which names the room; the provider asks for a fresh
      // token on every (re)connect.
      const token = () => this.sdk.board.getIdToken();
      let room: string | null = null;
      try {
        room = roomName(teamOf(await token()), this.boardId);
      } catch (e) {
        console.error('Tryghed: cannot sign in to the sync server', e);
      }
      if (room) {
        // The server's client (Hocuspocus) is loaded only in server mode.
        const [{ ServerTransport }, { ServerVoteService }] = await Promise.all([
          import('../sync/server-transport.js'),
          import('../sync/server-votes.js'),
        ]);
        const server = new ServerTransport({ url: config.url, room, token, doc });
        offs.push(
          server.onAuthFailed((reason) => {
            console.error('Tryghed: the sync server refused the sign-in:', reason);
            if (this.conn?.transport === server) this.conn.signInFailed = true;
            else signInFailed = true;
            this.changed();
          }),
        );
        offs.push(
          server.onRefused(({ code, reason }) => {
            console.error(`Tryghed: the sync server closed the connection (${code} ${reason})`);
            if (this.conn?.transport === server) this.conn.refused = closeReasonOf(code);
            this.changed();
          }),
          server.onStatus((st) => {
            if (st === 'synced' && this.conn?.transport === server) this.conn.refused = null;
          }),
        );
        transport = server;
        voteService = new RoutingVoteService(doc, local, new ServerVoteService(doc, server));
      } else {
        transport = new OfflineTransport(doc, 'no-token');
        voteService = local;
        signInFailed = true;
      }
    } else {
      transport = new MiroTransport({ channel: channelFromSdk(this.sdk, SESSION_CHANNEL), doc, credits: this.board.gate.budget });
      voteService = local;
    }
    transport.awareness.setLocalStateField(PRESENCE_FIELD, { name: this.me.name } satisfies PresenceState);
    // The labels on the board follow the session as saved: the facilitator's panel corrects
    // any written just before a panel was lost with its change.
    void transport.whenSynced().then(async () => {
      if (this.destroyed || !this.sessionBoard || facilitatorOf(doc) !== this.me.id) return;
      await this.sessionBoard.correctLabels(doc).catch((e: unknown) => console.warn('Tryghed: cluster labels not checked', e));
    });
    const onUpdate = () => {
      this.scheduleLabels();
      this.scheduleBadges();
    };
    doc.on('update', onUpdate);
    const offStatus = transport.onStatus(() => this.changed());
    if (transport instanceof MiroTransport) offs.push(transport.onSaveStatus(() => this.changed()));
    const offVotes = voteService.onChange(() => this.scheduleBadges());
    return { config, transport, voteService, signInFailed, refused: null, offs: [...offs, () => doc.off('update', onUpdate), offStatus, offVotes] };
  }

  private async disconnect(c: Connection): Promise<void> {
    for (const off of c.offs.splice(0)) off();
    c.transport.awareness.setLocalState(null);
    const leaving = (c.transport as { leave?: () => Promise<void> }).leave;
    if (leaving) await leaving.call(c.transport).catch((e: unknown) => console.warn('Tryghed: leaving the session', e));
    else c.transport.destroy();
  }

  // ---- what the host tells us ------------------------------------------------------------

  private async watchHost(): Promise<void> {
    const ui = this.sdk.board.ui;
    const onUsers = (e: { users?: Array<{ id: string; name: string }> }) => {
      this.people = (e.users ?? []).map((u) => ({ id: String(u.id), name: u.name }));
      this.changed();
    };
    ui.on('online_users:update', onUsers);
    this.offs.push(() => ui.off('online_users:update', onUsers));
    this.offs.push(
      this.board.onSelectionChange((notes) => {
        for (const n of notes) this.remember(n.id, n.content);
        this.selection = notes.map((n) => n.id);
        this.changed();
      }),
    );
    // A sticky removed from the board leaves the tally (and its votes stop counting).
    this.offs.push(
      this.board.onItemsDeleted((ids) => {
        const doc = this.doc;
        const known = ids.filter((id) => this.refersTo(doc, id) && !deletedMap(doc).has(id));
        if (known.length > 0) markTargetsDeleted(doc, { userId: this.me.id }, { ids: known });
      }),
    );
    const [users, selected] = await Promise.all([
      this.sdk.board.getOnlineUsers().catch(() => []),
      this.board.getSelection().catch(() => []),
    ]);
    onUsers({ users });
    this.selection = selected.map((n) => n.id);
    for (const n of selected) this.remember(n.id, n.content);
  }

  /** Whether the doc knows `id` as a note: clustered, or a target of a round. */
  private refersTo(doc: Y.Doc, id: string): boolean {
    return membershipMap(doc).has(id) || listRounds(doc).some((r) => r.targets.includes(id));
  }

  private remember(id: string, html: string): void {
    const text = contentText(html);
    if (this.labels[id] !== text) this.labels = { ...this.labels, [id]: text };
  }

  // ---- labels: texts of the notes the doc names ------------------------------------------

  private scheduleLabels(): void {
    if (this.labelTimer) return;
    this.labelTimer = setTimeout(() => {
      this.labelTimer = null;
      void this.readLabels();
    }, SETTLE_MS);
  }

  private async readLabels(): Promise<void> {
    const doc = this.doc;
    const wanted = new Set<string>([...membershipMap(doc).keys()]);
    for (const r of listRounds(doc)) for (const t of r.targets) wanted.add(t);
    const clusters = new Set(listClusters(doc).map((c) => c.id));
    const missing = [...wanted].filter((id) => !(id in this.labels) && !deletedMap(doc).has(id) && !clusters.has(id));
    if (missing.length === 0) return;
    try {
      const notes = await this.board.getNotes(missing);
      for (const n of notes) this.remember(n.id, n.content);
      if (notes.length > 0) this.changed();
    } catch (e) {
      console.warn('Tryghed: could not read sticky texts', e);
    }
  }

  // ---- badges: the facilitator's panel keeps them in line with the visible tally ---------

  private scheduleBadges(): void {
    if (this.badgeTimer || !this.sessionBoard) return;
    this.badgeTimer = setTimeout(() => {
      this.badgeTimer = null;
      void this.syncBadges();
    }, SETTLE_MS);
  }

  private async syncBadges(): Promise<void> {
    const doc = this.doc;
    const board = this.sessionBoard;
    // One writer: the facilitator's panel (participants would all draw the same badges).
    if (!board || facilitatorOf(doc) !== this.me.id) return;
    const round = listRounds(doc).filter((r) => r.status !== 'draft').at(-1);
    if (!round) return;
    const tally = this.voteService.tally(round.id);
    const clusters = listClusters(doc).map((c) => ({ id: c.id, notes: c.notes }));
    const key = JSON.stringify([round.id, tally, clusters]);
    if (key === this.badgeKey) return;
    this.badgeKey = key;
    try {
      await board.syncBadges(tally, clusters);
    } catch (e) {
      this.badgeKey = '';
      console.warn('Tryghed: vote badges not updated', e);
    }
  }
}
