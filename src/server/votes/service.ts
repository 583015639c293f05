/**
 * Sealed, server-authoritative voting and the facilitator's commands, as a Hocuspocus extension.
 *
 * - Ballots of sealed rounds live only in the server's database, keyed (room, round, user):
 *   one person's devices share one budget. Cast and withdraw are RPCs (stateless messages)
 *   answered only after the commit, so an acknowledged vote survives a killed server.
 * - The facilitator's state lives in the board's control doc, which clients only read; it
 *   changes through the `control` RPC alone (../control.ts). The database is the authority
 *   for who holds the seat and for each round once it opens (a snapshot of its definition).
 * - Published tallies say as little as they can: a round whose totals may not be shown yet
 *   publishes its respondent count only, written only when it changes; a live round's totals
 *   go out at most once per `liveIntervalMs`, and only when they changed.
 */
import type { Extension, afterUnloadDocumentPayload, connectedPayload, onStatelessPayload, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { checkTarget, itemResolver } from '../../core/session/ballots.js';
import { packIds } from '../../core/session/ids.js';
import { getPulse } from '../../core/session/pulse.js';
import { getRound, roundStatus } from '../../core/session/rounds.js';
import {
  aliasesMap, clustersMap, controlDoc, deletedMap, fieldMap, membershipMap, publishedMap, roundsMap, transactBoth,
  type PublishedTally, type RoundFields,
} from '../../core/session/schema.js';
import type { AuthContext } from '../auth.js';
import { anonymousBallotKey, pulseRespondentKey } from '../ballot-guard.js';
import { ControlCommands, SERVER_ORIGIN } from '../control.js';
import { SealedPulses } from '../pulses.js';
import type { BoardDocs } from '../rooms.js';
import { migrateToControl } from '../migrate.js';
import { parseRoom } from '../miro-token.js';
import { HeldRounds } from './held.js';
import { ImportParts } from '../import-parts.js';
import { RPC_OPS, type RpcOp, type RpcReply } from '../../protocol/votes.js';
import { forClients, isId, totalsVisible, type VoteBoard } from './rules.js';
import { VoteError, type RoundRecord, type Storage } from './types.js';

export { SERVER_ORIGIN };
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
/** Round fields frozen once a round is open; the server restores them from its snapshot. */
const GUARDED: readonly (keyof RoundFields)[] = [
  'question', 'scope', 'targets', 'budget', 'cap', 'anonymity', 'visibility', 'k', 'timeLimitMs',
  'createdBy', 'createdAt', 'openedAt', 'endsAt', 'closedAt', 'revealedAt',
];
const TIMESTAMPS = new Set<string>(['openedAt', 'endsAt', 'closedAt', 'revealedAt']);

type Handler = (ctx: AuthContext, args: Record<string, unknown>) => Promise<unknown>;
/** A live round's shown totals carry the round's version (the bench and tests match casts to it). */
export type PublishedWithVersion = PublishedTally & { version?: number };

export interface VoteServiceOptions {
  /** Least time between two tally runs of one round (ms): a burst of casts is one update. */
  publishIntervalMs?: number;
  /** Least time between two runs of a live round whose totals are shown (ms). */
  liveIntervalMs?: number;
  /** The secret anonymous ballot keys are derived under (ballot-guard.ts). */
  ballotSecret?: string;
  /** Whether the room's session is being ended (ended.ts): no call of it is taken then. */
  ending?: (room: string) => boolean;
  now?: () => number;
}

export class VoteService implements Extension {
  extensionName = 'tryghed-votes';
  /** Per room+round: one reconcile at a time, the next one coalesced. */
  private readonly queues = new Map<string, { tail: Promise<void>; waiting: Promise<void> | null }>();
  private readonly lastRun = new Map<string, number>();
  /** Open live rounds (the longer interval applies). */
  private readonly showsLive = new Set<string>();
  private stopped = false;
  private readonly handlers: Record<RpcOp, Handler>;
  private readonly publishIntervalMs: number;
  private readonly liveIntervalMs: number;
  private readonly now: () => number;
  /** Rounds as last published, moved on by each cast without reading the database again. */
  private readonly held: HeldRounds;
  /** Rounds whose next run must read the database (a transition, another instance's write). */
  private readonly reload = new Set<string>();
  /** Per room: moves on whenever what a target counts for may have changed (a recount). */
  private readonly grouping = new Map<string, number>();
  readonly commands: ControlCommands;
  readonly pulses: SealedPulses;
  /** Carried session states arriving in parts, per connection. */
  private readonly parts = new ImportParts();
  private readonly ending: (room: string) => boolean;

  constructor(
    private readonly storage: Storage,
    private readonly boards: BoardDocs,
    opts: VoteServiceOptions = {},
  ) {
    this.publishIntervalMs = opts.publishIntervalMs ?? 20;
    this.liveIntervalMs = opts.liveIntervalMs ?? 3000;
    this.now = opts.now ?? Date.now;
    this.ending = opts.ending ?? (() => false);
    const s = storage;
    this.held = new HeldRounds(storage);
    this.pulses = new SealedPulses(storage, boards, this.now);
    this.commands = new ControlCommands(storage, boards, {
      publishNow: (room, id) => this.reconcile(room, id, true),
      publishPulse: (room, id) => this.pulses.publish(room, id),
    }, this.now);
    boards.onReady((room, doc) => this.boardReady(room, doc));
    this.handlers = {
      control: (ctx, a) => this.commands.handle(ctx, a),
      importPart: async (ctx, a) => {
        // Only a facilitator (or whoever moves a session onto an empty seat) has parts kept.
        const seat = a.index === 0 ? await s.facilitator(ctx.room) : null;
        if (seat !== null && seat !== ctx.user) throw new VoteError('not-facilitator', 'only the facilitator moves the session');
        const state = this.parts.take(ctx, a);
        if (state === null) return { received: (a.index as number) + 1 };
        return this.commands.handle(ctx, { cmd: { type: 'import-session', state } });
      },
      cast: (ctx, a) => this.vote(ctx, a, +1),
      withdraw: (ctx, a) => this.vote(ctx, a, -1),
      myBallot: async (ctx, a) => {
        const id = roundId(a);
        const round = await s.round(ctx.room, id);
        if (!round) throw new VoteError('no-round', `round ${id} was never opened`);
        const ballot = await s.ballot(ctx.room, id, ctx.user);
        return { ballot, used: sum(ballot), budget: round.budget, cap: round.cap, ...liveVersion(round) };
      },
      rounds: async (ctx) => (await s.rounds(ctx.room)).map(forClients),
      pulseAnswer: (ctx, a) => this.pulses.answer(ctx, a),
      myPulse: (ctx, a) => this.pulses.mine(ctx, a),
      // The one ballot key a person has in an anonymous round, on every device.
      ballotKey: async (ctx, a) => {
        const id = roundId(a);
        const doc = await this.boards.pair(ctx.room);
        const round = doc && getRound(doc, id);
        if (!round) throw new VoteError('no-round', `no round ${id}`);
        if (round.anonymity !== 'anonymous' || !opts.ballotSecret) throw new VoteError('wrong-mode', 'keys are for anonymous rounds');
        return { key: anonymousBallotKey(opts.ballotSecret, ctx.room, id, ctx.user) };
      },
      // The one respondent key a person has in an anonymous pulse, on every device.
      pulseKey: async (ctx, a) => {
        if (!isId(a.pulseId)) throw new VoteError('bad-request', 'pulseId');
        const doc = await this.boards.pair(ctx.room);
        const pulse = doc && getPulse(doc, a.pulseId);
        if (!pulse) throw new VoteError('no-pulse', `no pulse ${a.pulseId}`);
        if (pulse.anonymity !== 'anonymous' || !opts.ballotSecret) throw new VoteError('wrong-mode', 'keys are for anonymous pulses');
        return { key: pulseRespondentKey(opts.ballotSecret, ctx.room, pulse.id, ctx.user) };
      },
    };
  }

  // ---- votes ---------------------------------------------------------------------------

  private async vote(ctx: AuthContext, a: Record<string, unknown>, sign: 1 | -1) {
    const id = roundId(a);
    if (!isId(a.target)) throw new VoteError('bad-request', 'target');
    const points = a.points ?? 1;
    if (!Number.isInteger(points) || (points as number) < 1 || (points as number) > 100) throw new VoteError('bad-request', 'points');
    const now = this.now();
    // Targets are read in the doc as the session model reads them: a listed note, or a
    // cluster that now holds one; a note deleted from the board takes no new votes.
    // The cap counts what the tally counts: the doc says which cluster holds a note now.
    const doc = this.boards.linked(ctx.room);
    const key = `${ctx.room}\n${id}`;
    // A round's targets never change once it is open: the held record will do for the checks
    // (the storage's transaction checks the status on its own copy).
    const rec = doc ? (this.held.record(key) ?? (await this.storage.round(ctx.room, id))) : null;
    const board: VoteBoard | undefined = doc && rec
      ? { itemOf: itemResolver(doc), targetError: checkTarget(doc, { ...rec, status: roundStatus(rec, now) }, a.target) }
      : undefined;
    const r = await this.storage.vote(ctx.room, id, ctx.user, a.target, sign * (points as number), now, board);
    this.held.voted(key, ctx.user, r);
    void this.reconcile(ctx.room, id, false);
    return { ballot: r.ballot, used: r.used, budget: r.round.budget, cap: r.round.cap, ...liveVersion(r.round) };
  }

  // ---- publishing ------------------------------------------------------------------------

  /**
   * Brings the doc's round (and its tally) in line with the database; `immediate` for the
   * facilitator's transitions, otherwise after the round's interval since its last run.
   * Runs once per round at a time; calls that arrive meanwhile share the next run.
   */
  private reconcile(room: string, id: string, immediate: boolean): Promise<void> {
    const key = `${room}\n${id}`;
    const q = this.queues.get(key);
    // A run not yet started reads the latest state anyway: votes share it.
    if (q && !immediate && q.waiting) return q.waiting;
    // The facilitator's transitions change the round in the database: read it again.
    if (immediate) this.reload.add(key);
    const entry = q ?? { tail: Promise.resolve(), waiting: null as Promise<void> | null };
    const next: Promise<void> = entry.tail
      .then(async () => {
        // Tally updates go to every connection on the board: under a burst of votes, one
        // update per interval carries them all (the first one goes out at once).
        const interval = this.showsLive.has(key) ? this.liveIntervalMs : this.publishIntervalMs;
        const wait = (this.lastRun.get(key) ?? -Infinity) + interval - performance.now();
        if (!immediate && wait > 0) await new Promise((r) => setTimeout(r, wait));
        // Casts answered in this turn of the event loop share the run (one update to every
        // connection instead of one per cast), at the cost of that turn only.
        else if (!immediate) await new Promise((r) => setImmediate(r));
        if (entry.waiting === next) entry.waiting = null;
        this.lastRun.set(key, performance.now());
        await this.reconcileNow(room, id, key);
      })
      .catch((e) => {
        console.error('[tryghed] reconcile failed:', (e as Error).message);
      });
    entry.tail = next;
    entry.waiting = immediate ? null : next;
    this.queues.set(key, entry);
    void next.then(() => {
      if (this.queues.get(key)?.tail === next) this.queues.delete(key);
    });
    return next;
  }

  /** Stops projecting (the server is shutting down and its storage is closing). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.queues.values()].map((q) => q.tail));
  }

  private async reconcileNow(room: string, id: string, key: string): Promise<void> {
    if (!this.boards.linked(room) || this.stopped) return;
    const reload = this.reload.delete(key);
    const round = await this.held.get(key, room, id, reload);
    const record = round?.record ?? null;
    const doc = this.boards.linked(room);
    if (!doc) return;
    // Counted as the doc counts its slots: at most the cap per ballot on one item, as grouped now;
    // a round carried from another mode has the totals it came with.
    const counted = record?.imported
      ? { respondents: record.imported.respondents, counts: new Map(Object.entries(record.imported.counts)) }
      : record?.anonymity === 'sealed' ? this.held.totals(round!, itemResolver(doc), this.grouping.get(room) ?? 0) : null;
    // In target order: the published value is compared with the last one as JSON.
    const totals = counted && { totals: Object.fromEntries([...counted.counts].sort(([a], [b]) => (a < b ? -1 : 1))), respondents: counted.respondents };
    const now = this.now();
    // An open live round takes the longer interval from its first run on: each publication
    // then carries a batch of casts, whether it shows totals or (below k) the count only.
    if (record && totals && record.visibility === 'live' && roundStatus(record, now) === 'open') this.showsLive.add(key);
    else this.showsLive.delete(key);
    project(doc, id, record, totals, now);
  }

  // ---- hooks ---------------------------------------------------------------------------

  /** Both docs of a board are loaded: rebuild the projection from the database. */
  private boardReady(room: string, doc: Document): void {
    // A board from before the control doc: its facilitator's state moves there, once.
    const migrated = migrateToControl(doc, controlDoc(doc), this.now(), SERVER_ORIGIN);
    void (async () => {
      if (migrated?.facilitator) await this.storage.claimFacilitator(room, migrated.facilitator);
      const ids = new Set([...(await this.storage.rounds(room)).map((r) => r.id), ...roundsMap(doc).keys(), ...publishedMap(doc).keys()]);
      for (const id of ids) void this.reconcile(room, id, true);
      this.pulses.publishAll(room);
      await this.commands.refreshSeat(room);
    })().catch((e: Error) => console.error('[tryghed] loading the board failed:', e.message));
    // Another instance wrote a tally (Redis): re-read the database; only a difference is written.
    publishedMap(doc).observe((e, tr: Y.Transaction) => {
      if (tr.origin !== REDIS_ORIGIN) return;
      for (const id of e.keysChanged) {
        this.held.invalidate(`${room}\n${id}`);
        void this.reconcile(room, id, false);
      }
    });
    // Regrouping or deleting changes what a sealed ballot counts for (the cap is per item):
    // publish its totals again.
    // (The facilitator's deletions come as the server's own writes: those count too.)
    // A cluster's own fields say whether it is one (read.ts): its map is watched deep.
    const regrouped = () => {
      this.grouping.set(room, (this.grouping.get(room) ?? 0) + 1);
      for (const id of publishedMap(doc).keys()) void this.reconcile(room, id, false);
    };
    for (const m of [membershipMap(doc), aliasesMap(doc), deletedMap(doc)]) m.observe(regrouped);
    clustersMap(doc).observeDeep(regrouped);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    const p = parseRoom(documentName);
    if (p && !p.control) {
      this.held.forgetRoom(p.room);
      this.grouping.delete(p.room);
    }
  }

  /** A seat released by the operator shows as soon as anyone opens the board again. */
  async connected({ context }: connectedPayload): Promise<void> {
    const ctx = context as AuthContext | undefined;
    if (ctx?.room && !ctx.control) await this.commands.refreshSeat(ctx.room).catch(() => undefined);
  }

  async onStateless({ connection, payload }: onStatelessPayload): Promise<void> {
    // Never throws: Hocuspocus does not await this hook, a rejection would be unhandled.
    let id = '';
    try {
      const req = JSON.parse(payload) as Record<string, unknown>;
      if (!req || req.tryghed !== 'rpc') return;
      if (typeof req.id !== 'string' || req.id.length === 0 || req.id.length > 64) throw new VoteError('bad-request', 'id');
      id = req.id;
      const op = req.op as RpcOp;
      if (!RPC_OPS.includes(op)) throw new VoteError('bad-request', `unknown op ${String(req.op)}`);
      const args = (req.args ?? {}) as Record<string, unknown>;
      if (typeof args !== 'object' || Array.isArray(args)) throw new VoteError('bad-request', 'args');
      const ctx = connection.context as AuthContext | undefined;
      if (!ctx?.user) throw new VoteError('not-facilitator', 'not authenticated');
      if (ctx.control) throw new VoteError('bad-request', 'calls go over the board doc, not its control doc');
      // A cast or an answer that arrives as the session is deleted would write it back.
      if (this.ending(ctx.room)) throw new VoteError('bad-request', 'the session has ended');
      const result = await this.handlers[op](ctx, args);
      reply(connection, { tryghed: 'reply', id, ok: true, result });
    } catch (e) {
      const code = e instanceof VoteError ? e.code : e instanceof SyntaxError ? 'bad-request' : 'internal';
      if (code === 'internal') console.error('[tryghed] rpc failed:', e);
      reply(connection, { tryghed: 'reply', id, ok: false, code, message: code === 'internal' ? 'internal error' : (e as Error).message });
    }
  }
}

function reply(connection: onStatelessPayload['connection'], r: RpcReply): void {
  try {
    connection.sendStateless(JSON.stringify(r));
  } catch {
    /* the caller is gone; the vote is committed and myBallot will show it */
  }
}

function roundId(a: Record<string, unknown>): string {
  if (!isId(a.roundId)) throw new VoteError('bad-request', 'roundId');
  return a.roundId;
}

/** The version goes to voters and the board only in live rounds: in a hidden one it would count others' casts. */
const liveVersion = (r: RoundRecord): { version?: number } => (r.visibility === 'live' ? { version: r.version } : {});
const sum = (b: Record<string, number>) => Object.values(b).reduce((x, y) => x + y, 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Writes the server's view of one round into the doc: the snapshot's fields (or, for a round
 * the server has no record of, its timestamps cleared) and, for sealed rounds and rounds carried
 * from another mode, the tally.
 */
function project(
  doc: Document,
  id: string,
  record: RoundRecord | null,
  totals: { totals: Record<string, number>; respondents: number } | null,
  now: number,
): void {
  const rounds = roundsMap(doc);
  const published = publishedMap(doc);
  transactBoth(doc, () => {
    // Anything but a map where a round belongs (a participant's junk) is no round to keep.
    const m = rounds.get(id) instanceof Y.Map ? rounds.get(id) : undefined;
    if (record) {
      const { id: _id, version: _v, imported: _totals, ...rest } = record;
      const fields: RoundFields = { ...rest, targets: packIds(record.targets) };
      if (!m) rounds.set(id, fieldMap<RoundFields>(fields));
      else for (const k of GUARDED) if (!same(m.get(k), fields[k])) m.set(k, fields[k] as never);
    } else if (m) {
      // Never opened on the server: whatever a client wrote, it is still a draft.
      for (const k of TIMESTAMPS) if (m.get(k as keyof RoundFields) != null) m.set(k as 'openedAt', null);
    }
    if (record && totals) {
      // Until the totals may be shown, nothing but the respondent count: no time, no version.
      const shown = totalsVisible(record, totals.respondents, now);
      const tally: PublishedWithVersion = shown
        ? { respondents: totals.respondents, counts: totals.totals, publishedAt: now, ...liveVersion(record) }
        : { respondents: totals.respondents, counts: {}, publishedAt: 0 };
      const old = published.get(id) as PublishedWithVersion | undefined;
      // Only a change is written: a cast that changes nothing shown publishes nothing.
      if (!old || !same(old.counts, tally.counts) || old.respondents !== tally.respondents) published.set(id, tally);
    } else if (published.has(id)) {
      published.delete(id);
    }
  }, SERVER_ORIGIN);
}

