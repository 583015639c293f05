/**
 * One connection of the workshop session: a fresh doc over the transport the board's sync
 * setting names (Miro's channel, metered by the board's gate like every SDK call; or the sync server,
 * signed in with Miro's id token), the vote service and control service that fit it, and
 * presence; `changed` is told of its status, its saves and the facilitator's state. Switching modes is leaving one connection and opening the next: each mode keeps
 * its own copy of the session.
 */
import * as Y from 'yjs';
import type { ActionContext, SessionEnding } from '../actions/context.js';
import type { SessionBoard } from '../board/session-board-port.js';
import type { HostPort } from '../board/host-port.js';
import type { ControlService } from '../core/session/commands.js';
import { facilitatorOf } from '../core/session/roles.js';
import { controlDoc, sessionType } from '../core/session/schema.js';
import { readSession } from '../core/session/read.js';
import { listRounds } from '../core/session/rounds.js';
import { LocalControlService } from '../core/session/local-control.js';
import { LocalVoteService, type BallotKeyStore } from '../core/session/local-vote-service.js';
import { PRESENCE_FIELD, type PresenceState } from '../core/session/presence.js';
import { PulseService } from '../core/session/pulse-service.js';
import type { VoteService } from '../core/session/voting.js';
import type { MiroChannel } from '../sync/miro-channel.js';
import { MiroTransport } from '../sync/miro-transport.js';
import type { SyncTransport } from '../sync/transport.js';
import type { Person } from '../board/host-port.js';
import type { CloseReason } from '../protocol/close.js';
import { sameSyncConfig, type SyncConfig } from './sync-config.js';

/** Namespaces the Miro transport's events and snapshot on the board. */
export const SESSION_CHANNEL = 'session-v1';

export interface Connection {
  readonly config: SyncConfig;
  readonly transport: SyncTransport;
  readonly voteService: VoteService;
  readonly control: ControlService;
  /** The pulse: anonymous pulses in the doc; sealed ones on the server (server mode). */
  readonly pulses: PulseService;
  /** Server mode: the sign-in was refused or impossible. */
  signInFailed: boolean;
  /** Why the server last closed this connection on purpose; null once synced again. */
  refused: CloseReason | null;
  readonly offs: Array<() => void>;
  /** Settles once the session from the previous sync mode is in (a move between modes). */
  carried?: Promise<void>;
  /** After a move: why the facilitator's state did not come along (its failure code). */
  moveFailed?: string;
  /** What ending the session deletes beyond the command (Miro mode: the stored snapshot). */
  readonly ending: SessionEnding;
  /** Calls `cb` once when this connection's session has ended (here or anywhere): its copy is
   *  then an old one, and the transport has stopped sending. */
  onEnded(cb: (endedAt: number) => void): () => void;
}

export interface ConnectionDeps {
  host: HostPort & { channel(key: string): MiroChannel };
  me: Person;
  boardId: string;
  /** This device's anonymous ballot and pulse keys for the board; cleared when the session ends. */
  ballotKeys: BallotKeyStore & { clear(): void };
  /** The connection's status or sign-in changed. */
  changed: () => void;
}

export async function connect(config: SyncConfig, deps: ConnectionDeps): Promise<Connection> {
  const doc = new Y.Doc();
  const actor = { userId: deps.me.id };
  const local = new LocalVoteService(doc, { actor, ballotKeys: deps.ballotKeys });
  // Miro mode: every honest app applies the commands itself. Server mode: checked server calls.
  const control = new LocalControlService(doc, actor);
  const offs: Array<() => void> = [];
  let conn: Connection;
  if (config.mode === 'server') {
    // The server's client (Hocuspocus) and server mode's services load only in server mode.
    const { connectServer } = await import('./server-connection.js');
    conn = await connectServer(config, deps, doc, local, control, offs);
  } else {
    // The host's channel pays for each call through the board's gate: one meter for every SDK call.
    const transport = new MiroTransport({ channel: deps.host.channel(SESSION_CHANNEL), doc });
    conn = {
      config, transport, voteService: local, control, pulses: new PulseService(doc, deps.ballotKeys), signInFailed: false, refused: null, offs,
      ending: { erase: (at) => transport.end(at) },
      onEnded: (cb) => miroEnded(transport, deps.me.id, cb),
    };
    offs.push(transport.onSaveStatus(() => deps.changed()));
  }
  conn.transport.awareness.setLocalStateField(PRESENCE_FIELD, { name: deps.me.name, user: deps.me.id } satisfies PresenceState);
  offs.push(conn.transport.onStatus(() => deps.changed()));
  return conn;
}

/** The actions' context over connection `c`: its doc and services, with the ports. */
export function actionContext(c: Connection, deps: ConnectionDeps, board: SessionBoard): ActionContext {
  const { transport, voteService: votes, control, pulses } = c;
  return { doc: transport.doc, actor: { userId: deps.me.id }, board, host: deps.host, votes, control, pulses, ending: c.ending };
}

/**
 * Miro mode: the session ended. The storage's `ended` mark (or this panel's own ending) tells
 * the transport; the facilitator's end mark in the doc tells the others sooner, and they drop
 * their copy on it. (The facilitator's own panel waits for its transport: it still has to
 * delete the snapshot.)
 */
function miroEnded(transport: MiroTransport, me: string, cb: (endedAt: number) => void): () => void {
  let done = false;
  const once = (at: number) => {
    if (done) return;
    done = true;
    cb(at);
  };
  const offTransport = transport.onEnded(once);
  const session = sessionType(transport.doc);
  const onMark = () => {
    const { endedAt, facilitator } = readSession(transport.doc);
    if (endedAt === null || facilitator === me) return;
    transport.drop();
    once(endedAt);
  };
  session.observe(onMark);
  return () => {
    offTransport();
    session.unobserve(onMark);
  };
}

/** Leaves: presence goes at once; the Miro transport writes its snapshot on the way out. */
export async function disconnect(c: Connection): Promise<void> {
  for (const off of c.offs.splice(0)) off();
  c.transport.awareness.setLocalState(null);
  await c.transport.leave().catch((e: unknown) => console.warn('Tryghed: leaving the session', e));
}

/** Miro mode: the transport's own view of what is saved on the board; null in server mode. */
export function savedOf(c: Connection): { state: 'saved' | 'saving' | 'unsaved'; savedAt: number | null } | null {
  return c.transport instanceof MiroTransport ? c.transport.saveStatus : null;
}

/** Miro mode: send unsent edits and save ours now (the page may be discarded). */
export function saveNow(c: Connection | undefined): void {
  if (c?.transport instanceof MiroTransport) c.transport.saveNow();
}

/** Moves from `from` to the connection `next` names; null when it is the same setting. The
 *  session comes along (carry.ts): everyone's work from every panel, the facilitator's state
 *  from the facilitator's panel, once the new connection has loaded what it holds. */
export async function switchConnection(from: Connection, next: SyncConfig, deps: ConnectionDeps): Promise<Connection | null> {
  if (sameSyncConfig(next, from.config)) return null;
  // Only a move between modes carries a session: its code loads with the first move.
  const [{ controlState }, { sharedState }] = await Promise.all([import('../core/session/carry.js'), import('../core/session/carry-shared.js')]);
  const doc = from.transport.doc;
  const leading = facilitatorOf(doc) === deps.me.id;
  // Ballots stay in the mode they were cast in: an open vote is closed here first (everyone in
  // Miro sees it closed), and its totals go with it.
  if (leading && from.config.mode !== 'server' && next.mode === 'server') {
    for (const r of listRounds(doc)) if (r.status === 'open') await from.control.apply({ type: 'close-round', roundId: r.id });
  }
  const shared = sharedState(doc);
  const control = leading ? controlState(doc) : null;
  // The old connection leaves first: the Miro transport writes its snapshot as it goes, so
  // coming back to Miro mode later finds the session where it was.
  await disconnect(from);
  const conn = await connect(next, deps);
  conn.carried = carry(conn, shared, control, deps.changed);
  return conn;
}

/** A panel other than the facilitator's writes everyone's part into a server this much later,
 *  only what is still missing then: one panel's writes are usually all there is to it. */
const FOLLOWER_CARRY_MS = [1500, 3500] as const;

async function carry(conn: Connection, shared: Uint8Array, control: string | null, changed: () => void): Promise<void> {
  await conn.transport.whenSynced();
  if (conn.config.mode === 'server') {
    // The sync server refuses another mode's Yjs state (its deletions; ballots under keys it did
    // not issue: ballot-guard.ts) and closes the connection: everyone's part is written afresh.
    const { carryShared } = await import('../core/session/carry-shared.js');
    const from = new Y.Doc();
    Y.applyUpdate(from, shared);
    if (control === null) {
      const [lo, hi] = FOLLOWER_CARRY_MS;
      await new Promise((r) => setTimeout(r, lo + Math.random() * (hi - lo)));
    }
    carryShared(from, conn.transport.doc, CARRY_ORIGIN);
  } else {
    Y.applyUpdate(conn.transport.doc, shared, CARRY_ORIGIN);
  }
  if (control === null) return;
  const r = await conn.control.apply({ type: 'import-session', state: control });
  if (r.ok) return;
  // The panel says so: the rounds, results and plan are still where the move came from.
  console.warn('Tryghed: the facilitator’s state did not come along to the new sync mode', r.error);
  conn.moveFailed = r.error.code;
  changed();
}

/** Origin of the state a move between sync modes brings along. */
const CARRY_ORIGIN = 'tryghed:carry';
