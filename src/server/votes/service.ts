/**
 * Sealed, server-authoritative voting as a Hocuspocus extension.
 *
 * Ballots live only in the server's database, keyed (room, round, user): one person's
 * devices share one budget. Every change is an RPC (stateless message) answered only after
 * the database commit. The round's rules are snapshotted into the database when it opens;
 * votes are checked against that copy in the same transaction, so a participant who edits
 * the Y.Doc changes nothing that counts. The doc carries a projection the server alone
 * writes (round status, and tallies when visibility and k allow); a client's write to it is
 * overwritten from the database at once.
 */
import type { Extension, afterLoadDocumentPayload, onStatelessPayload } from '@hocuspocus/server';
import type { Document } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { AuthContext } from '../auth.js';
import { PUBLISHED_TALLIES, RPC_OPS, SERVER_ROUNDS, type RpcOp, type RpcReply } from './protocol.js';
import { isId, parseRoundSpec, totalsVisible } from './rules.js';
import { VoteError, type RoundRecord, type Storage, type Tally } from './types.js';

export const SERVER_ORIGIN = 'tryghed-server';
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

type Handler = (ctx: AuthContext, args: Record<string, unknown>) => Promise<unknown>;

export class VoteService implements Extension {
  extensionName = 'tryghed-votes';
  private readonly docs = new Map<string, Document>();
  /** Per room+round: a publish is running / another is wanted after it. */
  private readonly publishing = new Map<string, { again: boolean }>();
  private readonly handlers: Record<RpcOp, Handler>;

  constructor(private readonly storage: Storage) {
    const s = storage;
    this.handlers = {
      claimFacilitator: async (ctx) => {
        const facilitator = await s.claimFacilitator(ctx.room, ctx.user);
        return { facilitator, you: facilitator === ctx.user };
      },
      setFacilitator: async (ctx, a) => {
        if (!isId(a.user)) throw new VoteError('bad-request', 'user');
        await s.setFacilitator(ctx.room, ctx.user, a.user);
        return { facilitator: a.user };
      },
      openRound: async (ctx, a) => {
        await this.requireFacilitator(ctx);
        const spec = parseRoundSpec(a.round);
        const existing = await s.round(ctx.room, spec.id);
        if (!existing) await s.createRound(ctx.room, spec);
        return this.changed(ctx.room, await s.transition(ctx.room, spec.id, ['draft', 'closed'], 'open'));
      },
      closeRound: async (ctx, a) => {
        await this.requireFacilitator(ctx);
        return this.changed(ctx.room, await s.transition(ctx.room, roundId(a), ['open'], 'closed'));
      },
      revealRound: async (ctx, a) => {
        await this.requireFacilitator(ctx);
        return this.changed(ctx.room, await s.transition(ctx.room, roundId(a), ['open', 'closed'], 'revealed'));
      },
      cast: (ctx, a) => this.vote(ctx, a, +1),
      withdraw: (ctx, a) => this.vote(ctx, a, -1),
      myBallot: async (ctx, a) => {
        const id = roundId(a);
        const round = await s.round(ctx.room, id);
        if (!round) throw new VoteError('unknown-round', `no round ${id}`);
        const ballot = await s.ballot(ctx.room, id, ctx.user);
        return { ballot, used: sum(ballot), budget: round.budget };
      },
      rounds: async (ctx) => s.rounds(ctx.room),
    };
  }

  private async requireFacilitator(ctx: AuthContext): Promise<void> {
    // The first person to claim the room (or to open its first round) is its facilitator.
    const facilitator = await this.storage.claimFacilitator(ctx.room, ctx.user);
    if (facilitator !== ctx.user) throw new VoteError('forbidden', 'only the facilitator controls rounds');
  }

  private async vote(ctx: AuthContext, a: Record<string, unknown>, sign: 1 | -1) {
    const id = roundId(a);
    if (!isId(a.target)) throw new VoteError('bad-request', 'target');
    const points = a.points ?? 1;
    if (!Number.isInteger(points) || (points as number) < 1 || (points as number) > 100) throw new VoteError('bad-request', 'points');
    const r = await this.storage.vote(ctx.room, id, ctx.user, a.target, sign * (points as number));
    this.changed(ctx.room, r.round);
    return { ballot: r.ballot, used: r.used, budget: r.round.budget };
  }

  /** After a committed change: project the round into the doc (coalesced per round). */
  private changed(room: string, round: RoundRecord): RoundRecord {
    void this.publish(room, round.id);
    return round;
  }

  private async publish(room: string, id: string): Promise<void> {
    const key = `${room}\n${id}`;
    const running = this.publishing.get(key);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: true };
    this.publishing.set(key, state);
    try {
      while (state.again) {
        state.again = false;
        const round = await this.storage.round(room, id);
        const doc = this.docs.get(room);
        if (!doc) break;
        const { totals, respondents } = round ? await this.storage.totals(room, id) : { totals: {}, respondents: 0 };
        project(doc, id, round, respondents, totals);
      }
    } catch (e) {
      console.error('[tryghed] publishing a tally failed:', (e as Error).message);
    } finally {
      this.publishing.delete(key);
    }
  }

  async afterLoadDocument({ documentName, document }: afterLoadDocumentPayload): Promise<void> {
    this.docs.set(documentName, document);
    // The database is the authority: rebuild the projection from it on every load.
    for (const round of await this.storage.rounds(documentName)) void this.publish(documentName, round.id);
    const guard = (event: Y.YMapEvent<unknown>, tr: Y.Transaction) => {
      if (tr.origin === SERVER_ORIGIN) return;
      for (const id of event.keysChanged) {
        // A client of this instance wrote: overwrite from the database. From another
        // instance (Redis), only a stale tally is answered, by the newer one we know.
        if (tr.origin === REDIS_ORIGIN && !isStale(event.target, id)) continue;
        void this.publish(documentName, id);
      }
    };
    document.getMap(SERVER_ROUNDS).observe(guard);
    document.getMap(PUBLISHED_TALLIES).observe(guard);
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
      if (!ctx?.user) throw new VoteError('forbidden', 'not authenticated');
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
    /* the caller is gone; the vote is committed and it will see it in myBallot */
  }
}

function roundId(a: Record<string, unknown>): string {
  if (!isId(a.roundId)) throw new VoteError('bad-request', 'roundId');
  return a.roundId;
}

const sum = (b: Record<string, number>) => Object.values(b).reduce((x, y) => x + y, 0);

/** The version the server published last for a round, to spot a stale value from elsewhere. */
const lastVersion = new WeakMap<Y.Map<unknown>, Map<string, number>>();
function isStale(map: Y.Map<unknown>, id: string): boolean {
  const known = lastVersion.get(map)?.get(id);
  const v = map.get(id) as { version?: unknown } | undefined;
  return known !== undefined && (typeof v?.version !== 'number' || v.version < known);
}

function project(doc: Document, id: string, round: RoundRecord | null, respondents: number, totals: Record<string, number>): void {
  const rounds = doc.getMap(SERVER_ROUNDS);
  const tallies = doc.getMap(PUBLISHED_TALLIES);
  doc.transact(() => {
    if (!round) {
      rounds.delete(id);
      tallies.delete(id);
      return;
    }
    const tally: Tally = {
      roundId: id,
      version: round.version,
      status: round.status,
      respondents,
      totals: totalsVisible(round, respondents) ? totals : null,
    };
    if (!same(rounds.get(id), round)) rounds.set(id, round);
    if (!same(tallies.get(id), tally)) tallies.set(id, tally);
    for (const m of [rounds, tallies] as Y.Map<unknown>[]) {
      const seen = lastVersion.get(m) ?? new Map<string, number>();
      lastVersion.set(m, seen);
      seen.set(id, round.version);
    }
  }, SERVER_ORIGIN);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
