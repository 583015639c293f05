/**
 * Sealed, server-authoritative voting and round control, as a Hocuspocus extension.
 *
 * - Ballots of sealed rounds live only in the server's database, keyed (room, round, user):
 *   one person's devices share one budget. Cast and withdraw are RPCs (stateless messages)
 *   answered only after the commit, so an acknowledged vote survives a killed server.
 * - The database is the authority for who facilitates and for each round once it opens (a
 *   snapshot of the doc's definition). Votes are checked against that copy in the same
 *   transaction, so editing the Y.Doc changes nothing that counts.
 * - The server alone writes the doc's round timestamps, `session.facilitator` and
 *   `publishedTallies`. A client's write to them is read as a request made by that
 *   connection's user: done if the facilitator made it (so the session model's own
 *   open/close/reveal/hand-over work unchanged), otherwise overwritten from the database.
 */
import type { Extension, afterLoadDocumentPayload, onStatelessPayload, Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { checkTarget, itemResolver } from '../../core/session/ballots.js';
import { packIds } from '../../core/session/ids.js';
import { readRound, readSession } from '../../core/session/read.js';
import { countHeld } from '../../core/session/vote-rules.js';
import { roundStatus } from '../../core/session/rounds.js';
import {
  aliasesMap, clustersMap, deletedMap, fieldMap, membershipMap, publishedMap, roundsMap, sessionMap,
  type PublishedTally, type RoundFields,
} from '../../core/session/schema.js';
import type { AuthContext } from '../auth.js';
import { RPC_OPS, type RpcOp, type RpcReply } from '../../protocol/votes.js';
import { isId, snapshotRound, totalsVisible, type VoteBoard } from './rules.js';
import { VoteError, type RoundRecord, type Storage } from './types.js';

export const SERVER_ORIGIN = 'tryghed-server';
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';
/** Round fields frozen once a round is open; the server restores them from its snapshot. */
const GUARDED: readonly (keyof RoundFields)[] = [
  'question', 'scope', 'targets', 'budget', 'cap', 'anonymity', 'visibility', 'k', 'timeLimitMs',
  'createdBy', 'createdAt', 'openedAt', 'endsAt', 'closedAt', 'revealedAt',
];
const TIMESTAMPS = new Set<string>(['openedAt', 'endsAt', 'closedAt', 'revealedAt']);

type Handler = (ctx: AuthContext, args: Record<string, unknown>) => Promise<unknown>;
export type PublishedWithVersion = PublishedTally & { version: number };

export class VoteService implements Extension {
  extensionName = 'tryghed-votes';
  private readonly docs = new Map<string, Document>();
  /** Per room+round: one reconcile at a time, the next one coalesced. */
  private readonly queues = new Map<string, { tail: Promise<void>; waiting: Promise<void> | null }>();
  private readonly lastVersion = new Map<string, number>();
  private readonly lastRun = new Map<string, number>();
  private stopped = false;
  private readonly handlers: Record<RpcOp, Handler>;

  constructor(
    private readonly storage: Storage,
    /** Least time between two tally updates of one round (ms). */
    private readonly publishIntervalMs = 20,
    private readonly now: () => number = Date.now,
  ) {
    const s = storage;
    this.handlers = {
      claimFacilitator: async (ctx) => {
        const facilitator = await s.claimFacilitator(ctx.room, ctx.user);
        this.projectFacilitator(ctx.room, facilitator);
        return { facilitator, you: facilitator === ctx.user };
      },
      setFacilitator: async (ctx, a) => {
        if (!isId(a.user)) throw new VoteError('bad-request', 'user');
        await s.setFacilitator(ctx.room, ctx.user, a.user);
        this.projectFacilitator(ctx.room, a.user);
        return { facilitator: a.user };
      },
      openRound: async (ctx, a) => this.control(ctx.room, roundId(a), ctx.user, 'open'),
      closeRound: async (ctx, a) => this.control(ctx.room, roundId(a), ctx.user, 'close'),
      revealRound: async (ctx, a) => this.control(ctx.room, roundId(a), ctx.user, 'reveal'),
      cast: (ctx, a) => this.vote(ctx, a, +1),
      withdraw: (ctx, a) => this.vote(ctx, a, -1),
      myBallot: async (ctx, a) => {
        const id = roundId(a);
        const round = await s.round(ctx.room, id);
        if (!round) throw new VoteError('no-round', `round ${id} was never opened`);
        const ballot = await s.ballot(ctx.room, id, ctx.user);
        return { ballot, used: sum(ballot), budget: round.budget, cap: round.cap, version: round.version };
      },
      rounds: async (ctx) => s.rounds(ctx.room),
    };
  }

  // ---- round control -------------------------------------------------------------------

  private async isFacilitator(room: string, user: string): Promise<boolean> {
    return (await this.storage.facilitator(room)) === user;
  }

  /** Open, close or reveal; the facilitator only. Returns the committed record. */
  private async control(room: string, id: string, user: string, action: 'open' | 'close' | 'reveal'): Promise<RoundRecord> {
    if (!(await this.isFacilitator(room, user))) throw new VoteError('not-facilitator', 'only the facilitator controls rounds');
    const now = this.now();
    let record: RoundRecord;
    if (action === 'open') {
      const doc = this.docs.get(room);
      record = await this.storage.insertRound(room, snapshotRound(id, doc && roundsMap(doc).get(id), now));
    } else {
      record = await this.storage.updateRound(room, id, (r) => {
        const status = roundStatus(r, now);
        if (status !== 'open' && status !== 'closed') throw new VoteError('wrong-status', `the round is ${status}`);
        return { ...r, closedAt: r.closedAt ?? now, revealedAt: action === 'reveal' ? now : r.revealedAt };
      });
    }
    await this.reconcile(room, id, null);
    return record;
  }

  private async vote(ctx: AuthContext, a: Record<string, unknown>, sign: 1 | -1) {
    const id = roundId(a);
    if (!isId(a.target)) throw new VoteError('bad-request', 'target');
    const points = a.points ?? 1;
    if (!Number.isInteger(points) || (points as number) < 1 || (points as number) > 100) throw new VoteError('bad-request', 'points');
    const now = this.now();
    // Targets are read in the doc as the session model reads them: a listed note, or a
    // cluster that now holds one; a note deleted from the board takes no new votes.
    // The cap counts what the tally counts: the doc says which cluster holds a note now.
    const doc = this.docs.get(ctx.room);
    const rec = doc ? await this.storage.round(ctx.room, id) : null;
    const board: VoteBoard | undefined = doc && rec
      ? { itemOf: itemResolver(doc), targetError: checkTarget(doc, { ...rec, status: roundStatus(rec, now) }, a.target) }
      : undefined;
    const r = await this.storage.vote(ctx.room, id, ctx.user, a.target, sign * (points as number), now, board);
    void this.reconcile(ctx.room, id, null);
    return { ballot: r.ballot, used: r.used, budget: r.round.budget, cap: r.round.cap, version: r.round.version };
  }

  /**
   * Brings the doc's round (and its tally) in line with the database, after acting on a
   * request the doc carried: `user` wrote the round's fields (null: nobody to act for).
   * Runs once per round at a time; calls that arrive meanwhile share the next run.
   */
  private reconcile(room: string, id: string, user: string | null): Promise<void> {
    const key = `${room}\n${id}`;
    const q = this.queues.get(key);
    // A run not yet started reads the latest state anyway: votes (user null) share it.
    if (q && user === null && q.waiting) return q.waiting;
    const entry = q ?? { tail: Promise.resolve(), waiting: null as Promise<void> | null };
    const next: Promise<void> = entry.tail
      .then(async () => {
        // Tally updates go to every connection on the board: under a burst of votes, one
        // update per interval carries them all (the first one goes out at once).
        const wait = (this.lastRun.get(key) ?? 0) + this.publishIntervalMs - performance.now();
        if (user === null && wait > 0) await new Promise((r) => setTimeout(r, wait));
        if (entry.waiting === next) entry.waiting = null;
        this.lastRun.set(key, performance.now());
        await this.reconcileNow(room, id, user);
      })
      .catch((e) => {
        console.error('[tryghed] reconcile failed:', (e as Error).message);
      });
    entry.tail = next;
    entry.waiting = user === null ? next : null;
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

  private async reconcileNow(room: string, id: string, user: string | null): Promise<void> {
    const doc = this.docs.get(room);
    if (!doc || this.stopped) return;
    let record = await this.storage.round(room, id);
    const f = readRound(doc, id);
    if (user && f && (await this.isFacilitator(room, user))) {
      // The facilitator moved the round in the doc (the session model's own commands).
      const now = this.now();
      if (!record && f.openedAt != null) record = await this.storage.insertRound(room, snapshotRound(id, roundsMap(doc).get(id), now)).catch(() => null);
      if (record && ((f.closedAt != null && record.closedAt == null) || (f.revealedAt != null && record.revealedAt == null))) {
        const reveal = f.revealedAt != null;
        record = await this.storage
          .updateRound(room, id, (r) => ({ ...r, closedAt: r.closedAt ?? now, revealedAt: reveal ? (r.revealedAt ?? now) : r.revealedAt }))
          .catch(() => record);
      }
    }
    // Counted as the doc counts its slots: at most the cap per ballot on one item, as grouped now.
    const held = record && record.anonymity === 'sealed' ? await this.storage.ballots(room, id) : null;
    const counted = held && countHeld(held, record!.cap, itemResolver(doc));
    const totals = counted && { totals: Object.fromEntries(counted.counts), respondents: counted.respondents };
    if (!this.docs.has(room)) return;
    project(doc, id, record, totals, this.now());
    if (record) this.lastVersion.set(`${room}\n${id}`, record.version);
  }

  private projectFacilitator(room: string, facilitator: string | null): void {
    const doc = this.docs.get(room);
    if (!doc) return;
    const s = sessionMap(doc);
    doc.transact(() => {
      if (facilitator === null) {
        if (s.get('facilitator') !== undefined) s.delete('facilitator');
        return;
      }
      if (s.get('facilitator') !== facilitator) s.set('facilitator', facilitator);
      if (readSession(doc).startedAt === null) s.set('startedAt', this.now());
    }, SERVER_ORIGIN);
  }

  private async reconcileFacilitator(room: string, user: string | null, wanted: string | undefined): Promise<void> {
    let current = await this.storage.facilitator(room);
    if (user && wanted) {
      if (current === null && wanted === user) current = await this.storage.claimFacilitator(room, user);
      else if (current === user && wanted !== user && isId(wanted)) {
        await this.storage.setFacilitator(room, user, wanted);
        current = wanted;
      }
    }
    this.projectFacilitator(room, current);
  }

  // ---- hooks ---------------------------------------------------------------------------

  async afterLoadDocument({ documentName: room, document }: afterLoadDocumentPayload): Promise<void> {
    this.docs.set(room, document);
    // The database is the authority: rebuild the projection from it on every load.
    const ids = new Set([...(await this.storage.rounds(room)).map((r) => r.id), ...roundsMap(document).keys(), ...publishedMap(document).keys()]);
    for (const id of ids) void this.reconcile(room, id, null);
    void this.reconcileFacilitator(room, null, undefined).catch(() => undefined);

    const userOf = (tr: Y.Transaction): string | null | undefined => {
      if (tr.origin === SERVER_ORIGIN || tr.origin === REDIS_ORIGIN) return undefined;
      const ctx = (tr.origin as { context?: AuthContext } | null)?.context;
      return ctx?.user ?? null;
    };
    roundsMap(document).observeDeep((events, tr) => {
      const user = userOf(tr);
      if (user === undefined) return;
      const touched = new Set<string>();
      for (const e of events) {
        const keys = [...(e as unknown as Y.YMapEvent<unknown>).keysChanged];
        if (e.target === roundsMap(document)) {
          for (const k of keys) touched.add(k);
        } else if (e.path.length === 1) {
          if (keys.some((k) => (GUARDED as readonly string[]).includes(k))) touched.add(String(e.path[0]));
        }
      }
      for (const id of touched) void this.reconcile(room, id, user);
    });
    publishedMap(document).observe((e, tr) => {
      const user = userOf(tr);
      for (const id of e.keysChanged) {
        if (user === undefined) {
          // From another instance: answer only a stale tally, with the newer one we know.
          const v = (publishedMap(document).get(id) as PublishedWithVersion | undefined)?.version;
          const known = this.lastVersion.get(`${room}\n${id}`);
          if (tr.origin !== REDIS_ORIGIN || known === undefined || (v ?? 0) >= known) continue;
        }
        void this.reconcile(room, id, null);
      }
    });
    // Regrouping or deleting changes what a sealed ballot counts for (the cap is per item):
    // publish its totals again.
    const regrouped = (_e: unknown, tr: Y.Transaction) => {
      if (tr.origin === SERVER_ORIGIN) return;
      for (const id of publishedMap(document).keys()) void this.reconcile(room, id, null);
    };
    for (const m of [membershipMap(document), clustersMap(document), aliasesMap(document), deletedMap(document)]) m.observe(regrouped);
    sessionMap(document).observe((e, tr) => {
      const user = userOf(tr);
      if (user === undefined || !e.keysChanged.has('facilitator')) return;
      void this.reconcileFacilitator(room, user, sessionMap(document).get('facilitator')).catch(() => undefined);
    });
  }

  async afterUnloadDocument({ documentName }: { documentName: string }): Promise<void> {
    this.docs.delete(documentName);
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

const sum = (b: Record<string, number>) => Object.values(b).reduce((x, y) => x + y, 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Writes the server's view of one round into the doc: the snapshot's fields (or, for a round
 * the server never opened, its timestamps cleared) and, for sealed rounds, the tally.
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
  doc.transact(() => {
    // Anything but a map where a round belongs (a participant's junk) is no round to keep.
    const m = rounds.get(id) instanceof Y.Map ? rounds.get(id) : undefined;
    if (record) {
      const { id: _id, version: _v, ...rest } = record;
      const fields: RoundFields = { ...rest, targets: packIds(record.targets) };
      if (!m) rounds.set(id, fieldMap<RoundFields>(fields));
      else for (const k of GUARDED) if (!same(m.get(k), fields[k])) m.set(k, fields[k] as never);
    } else if (m) {
      // Never opened on the server: whatever a client wrote, it is still a draft.
      for (const k of TIMESTAMPS) if (m.get(k as keyof RoundFields) != null) m.set(k as 'openedAt', null);
    }
    if (record && totals) {
      const tally: PublishedWithVersion = {
        respondents: totals.respondents,
        counts: totalsVisible(record, totals.respondents, now) ? totals.totals : {},
        publishedAt: now,
        version: record.version,
      };
      const old = published.get(id) as PublishedWithVersion | undefined;
      if (!old || old.version !== tally.version || !same(old.counts, tally.counts) || old.respondents !== tally.respondents) published.set(id, tally);
    } else if (published.has(id)) {
      published.delete(id);
    }
  }, SERVER_ORIGIN);
}

