/**
 * The facilitator's commands on the server. The control doc is read-only for every client
 * connection, so this is the only way facilitator state changes: the command is read
 * (readCommand), the caller's seat is checked in the database (the authority across
 * instances), and the session model's own command runs on the board's docs (applyCommand),
 * as one transaction per doc. Rounds also get their database record when they open, close
 * or reveal, so votes are checked against a copy no later write can change.
 */
import { applyCommand, fromCore } from '../core/session/apply-command.js';
import { importCarried, readCarried } from '../core/session/carry.js';
import type { ActionResult, FacilitatorCommand, FailureCode } from '../core/session/commands.js';
import { readCommand } from '../core/session/read-command.js';
import { roundStatus } from '../core/session/rounds.js';
import { readRound, readSession } from '../core/session/read.js';
import { ballotsMap, roundsMap, sessionMap, transactBoth } from '../core/session/schema.js';
import type { AuthContext } from './auth.js';
import { recordCarried } from './carried-rounds.js';
import type { BoardDocs } from './rooms.js';
import { snapshotRound } from './votes/rules.js';
import { VoteError, type Storage } from './votes/types.js';

export const SERVER_ORIGIN = 'tryghed-server';

type Answer = ActionResult<unknown>;
const refuse = (code: FailureCode): Answer => ({ ok: false, error: { code } });

export interface Publisher {
  /** Brings the doc's round and its published tally in line with the database, now. */
  publishNow(room: string, roundId: string): Promise<void>;
  /** The same for a sealed pulse: its respondent count, or its aggregates once they may be shown. */
  publishPulse(room: string, pulseId: string): Promise<void>;
}

export class ControlCommands {
  /** Ends and deletes a board's session (ended.ts); set where the server is assembled. */
  ender: ((room: string) => Promise<{ endedAt: number }>) | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly boards: BoardDocs,
    private readonly publisher: Publisher,
    private readonly now: () => number = Date.now,
  ) {}

  async handle(ctx: AuthContext, args: Record<string, unknown>): Promise<Answer> {
    const cmd = readCommand(args.cmd, this.now());
    if (!cmd) throw new VoteError('bad-request', 'not a facilitator command');
    const doc = await this.boards.pair(ctx.room);
    if (!doc) throw new VoteError('bad-request', 'the board is not open on this connection');
    try {
      return await this.run(ctx, doc, cmd);
    } catch (e) {
      // The database refused (a round opened meanwhile, a seat handed over): say so as a result.
      if (e instanceof VoteError && (e.code === 'wrong-status' || e.code === 'not-facilitator')) return refuse(e.code);
      if (e instanceof VoteError && e.code === 'bad-request') return refuse('invalid');
      throw e;
    }
  }

  private async run(ctx: AuthContext, doc: Parameters<typeof applyCommand>[0], cmd: FacilitatorCommand): Promise<Answer> {
    const { room, user } = ctx;
    if (cmd.type === 'start-session') {
      // Taking the seat of a board that has none; whoever holds it keeps it (the answer says who).
      const holder = await this.storage.claimFacilitator(room, user);
      this.projectSeat(room, holder);
      return { ok: true, value: { facilitator: holder } };
    }
    // A session moved here from Miro's channel: its facilitator (as the state names them) takes
    // the empty seat on the way in.
    if (cmd.type === 'import-session' && readCarried(cmd.state)?.facilitator === user && (await this.storage.facilitator(room)) === null) {
      this.projectSeat(room, await this.storage.claimFacilitator(room, user));
    }
    const seat = await this.storage.facilitator(room);
    // Taking the seat without a hand-over is the operator's decision here (release-seat), not a client's.
    if (cmd.type === 'take-seat') return refuse('seat-server-decides');
    if (cmd.type === 'accept-seat') return this.accept(room, doc, seat, user);
    if (seat !== user) {
      this.projectSeat(room, seat);
      return refuse('not-facilitator');
    }
    if (cmd.type === 'end-session') {
      if (!this.ender) return refuse('unexpected');
      return { ok: true, value: await this.ender(room) };
    }
    const now = this.now();
    if (cmd.type === 'import-session') return this.importSession(room, user, doc, cmd.state, now);
    const transition = cmd.type === 'open-round' || cmd.type === 'close-round' || cmd.type === 'reveal-round' ? cmd : null;
    if (transition) await this.recordRound(room, doc, transition.type, transition.roundId, now);
    let result!: Answer;
    transactBoth(doc, () => (result = applyCommand(doc, { userId: user }, cmd)), SERVER_ORIGIN);
    if (transition) await this.publisher.publishNow(room, transition.roundId);
    if (cmd.type === 'open-pulse' || cmd.type === 'close-pulse' || cmd.type === 'reveal-pulse') await this.publisher.publishPulse(room, cmd.pulseId);
    return result;
  }

  /**
   * A session moved here from another sync mode (the seat is the caller's by now). Every value
   * is read and checked as the doc's readers check it (carry.ts: a bad one is skipped). Its
   * rounds get their records first (carried-rounds.ts), so the projection keeps them as they
   * came; the totals reach the doc only through the projection, when they may be shown.
   */
  private async importSession(room: string, user: string, doc: Parameters<typeof applyCommand>[0], state: string, now: number): Promise<Answer> {
    const carried = readCarried(state);
    if (!carried) return refuse('invalid');
    const drop = await recordCarried(this.storage, room, carried, now);
    let result!: Answer;
    transactBoth(doc, () => {
      result = fromCore(importCarried(doc, { userId: user }, carried, { closeOpenAt: now, withTotals: false }));
      for (const id of drop) ballotsMap(doc).delete(id);
    }, SERVER_ORIGIN);
    for (const [id] of carried.rounds) await this.publisher.publishNow(room, id);
    return result;
  }

  /** The receiver of an offer takes the seat: the offer in the control doc (only the holder's
   *  command wrote it) must name them, and the database moves the seat from the holder. */
  private async accept(room: string, doc: Parameters<typeof applyCommand>[0], seat: string | null, user: string): Promise<Answer> {
    if (seat === null || readSession(doc).offeredTo !== user) return refuse('no-offer');
    await this.storage.setFacilitator(room, seat, user);
    let result!: Answer;
    transactBoth(doc, () => (result = applyCommand(doc, { userId: user }, { type: 'accept-seat' })), SERVER_ORIGIN);
    this.projectSeat(room, user);
    return result;
  }

  /**
   * The database side of a round's transition, before the doc's: opening snapshots the
   * round's definition (from the control doc, which only the facilitator's commands wrote);
   * closing and revealing set the record's timestamps. Nothing to do if the session model
   * will refuse (no such round, or not in a status that allows it).
   */
  private async recordRound(room: string, doc: Parameters<typeof applyCommand>[0], type: 'open-round' | 'close-round' | 'reveal-round', id: string, now: number): Promise<void> {
    const fields = readRound(doc, id);
    if (!fields) return;
    const status = roundStatus(fields, now);
    if (type === 'open-round') {
      if (status === 'draft') await this.storage.insertRound(room, snapshotRound(id, roundsMap(doc).get(id), now));
      return;
    }
    if (status !== 'open' && status !== 'closed') return;
    if (!(await this.storage.round(room, id))) return;
    await this.storage.updateRound(room, id, (r) => {
      const s = roundStatus(r, now);
      if (s !== 'open' && s !== 'closed') throw new VoteError('wrong-status', `the round is ${s}`);
      return { ...r, closedAt: r.closedAt ?? now, revealedAt: type === 'reveal-round' ? (r.revealedAt ?? now) : r.revealedAt };
    });
  }

  /** Writes who holds the seat (the database's answer) into the control doc. */
  projectSeat(room: string, facilitator: string | null): void {
    const doc = this.boards.linked(room);
    if (!doc) return;
    const s = sessionMap(doc);
    transactBoth(doc, () => {
      if (facilitator === null) {
        if (s.get('facilitator') !== undefined) s.delete('facilitator');
        return;
      }
      if (s.get('facilitator') !== facilitator) s.set('facilitator', facilitator);
      if (readSession(doc).startedAt === null) s.set('startedAt', this.now());
    }, SERVER_ORIGIN);
  }

  /** Re-reads the seat from the database and shows it (on load, on connect, after a release). */
  async refreshSeat(room: string): Promise<void> {
    this.projectSeat(room, await this.storage.facilitator(room));
  }
}

