/**
 * PostgreSQL storage of votes (DATABASE_URL) for several instances; documents are on the
 * storage thread (persistence-postgres-docs.ts). Votes go in batches per round, each batch one
 * transaction that locks the round's row, so the budget holds for one person voting from two
 * devices through two instances.
 */
import pg from 'pg';
import { connectPool } from './persistence-postgres-docs.js';
import { applyVote, byUser, type VoteBoard } from './votes/rules.js';
import { VoteError, type Ballot, type CastResult, type RoundRecord, type Storage } from './votes/types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tryghed_rooms (room TEXT PRIMARY KEY, facilitator TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tryghed_rounds (room TEXT NOT NULL, id TEXT NOT NULL, record JSONB NOT NULL, PRIMARY KEY (room, id));
CREATE TABLE IF NOT EXISTS tryghed_ballots (
  room TEXT NOT NULL, round TEXT NOT NULL, "user" TEXT NOT NULL, target TEXT NOT NULL, points INTEGER NOT NULL,
  PRIMARY KEY (room, round, "user", target));
CREATE TABLE IF NOT EXISTS tryghed_pulse_answers (room TEXT NOT NULL, pulse TEXT NOT NULL, "user" TEXT NOT NULL, answers TEXT NOT NULL,
  PRIMARY KEY (room, pulse, "user"));
CREATE TABLE IF NOT EXISTS tryghed_room_activity (room TEXT PRIMARY KEY, at BIGINT NOT NULL);
CREATE TABLE IF NOT EXISTS tryghed_ended_sessions (room TEXT PRIMARY KEY, at BIGINT NOT NULL, clients TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tryghed_client_ids (room TEXT NOT NULL, client BIGINT NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (room, client));
`;
const ROOM_TABLES = ['tryghed_rooms', 'tryghed_rounds', 'tryghed_ballots', 'tryghed_pulse_answers', 'tryghed_room_activity', 'tryghed_client_ids'];

type Q = Pick<pg.PoolClient, 'query'>;

interface PendingVote {
  user: string;
  target: string;
  delta: number;
  now: number;
  board: VoteBoard | undefined;
  resolve: (r: CastResult) => void;
  reject: (e: unknown) => void;
}
interface VoteQueue {
  waiting: PendingVote[];
  running: boolean;
}

export class PostgresStorage implements Storage {
  /** Per room+round: votes waiting for the next batch (see vote). */
  private readonly voteQueues = new Map<string, VoteQueue>();

  private constructor(readonly pool: pg.Pool) {}

  static async connect(url: string): Promise<PostgresStorage> {
    return new PostgresStorage(await connectPool(url, 10, SCHEMA));
  }

  private async tx<T>(fn: (c: Q) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const result = await fn(c);
      await c.query('COMMIT');
      return result;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  private async getRound(c: Q, room: string, id: string, forUpdate = false): Promise<RoundRecord | null> {
    const r = await c.query<{ record: RoundRecord }>(
      `SELECT record FROM tryghed_rounds WHERE room = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
      [room, id],
    );
    return r.rows[0]?.record ?? null;
  }

  private async putRound(c: Q, room: string, r: RoundRecord): Promise<void> {
    await c.query('UPDATE tryghed_rounds SET record = $1 WHERE room = $2 AND id = $3', [JSON.stringify(r), room, r.id]);
  }

  private async getBallot(c: Q, room: string, round: string, user: string): Promise<Ballot> {
    const r = await c.query<{ target: string; points: number }>(
      'SELECT target, points FROM tryghed_ballots WHERE room = $1 AND round = $2 AND "user" = $3',
      [room, round, user],
    );
    return Object.fromEntries(r.rows.map((x) => [x.target, x.points]));
  }

  async claimFacilitator(room: string, user: string): Promise<string> {
    await this.pool.query('INSERT INTO tryghed_rooms (room, facilitator) VALUES ($1, $2) ON CONFLICT (room) DO NOTHING', [room, user]);
    return (await this.facilitator(room))!;
  }

  async facilitator(room: string): Promise<string | null> {
    const r = await this.pool.query<{ facilitator: string }>('SELECT facilitator FROM tryghed_rooms WHERE room = $1', [room]);
    return r.rows[0]?.facilitator ?? null;
  }

  async releaseFacilitator(room: string): Promise<boolean> {
    return (await this.pool.query('DELETE FROM tryghed_rooms WHERE room = $1', [room])).rowCount === 1;
  }

  async setFacilitator(room: string, by: string, to: string): Promise<void> {
    const r = await this.pool.query('UPDATE tryghed_rooms SET facilitator = $1 WHERE room = $2 AND facilitator = $3', [to, room, by]);
    if (r.rowCount !== 1) throw new VoteError('not-facilitator', 'only the facilitator can hand over');
  }

  async insertRound(room: string, record: RoundRecord): Promise<RoundRecord> {
    const r = await this.pool.query('INSERT INTO tryghed_rounds (room, id, record) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      room,
      record.id,
      JSON.stringify(record),
    ]);
    if (r.rowCount !== 1) throw new VoteError('wrong-status', `round ${record.id} is already open or done`);
    return record;
  }

  async updateRound(room: string, roundId: string, change: (r: RoundRecord) => RoundRecord): Promise<RoundRecord> {
    return this.tx(async (c) => {
      const round = await this.getRound(c, room, roundId, true);
      if (!round) throw new VoteError('no-round', `round ${roundId} was never opened`);
      const next = { ...change(round), version: round.version + 1 };
      await this.putRound(c, room, next);
      return next;
    });
  }

  async round(room: string, roundId: string): Promise<RoundRecord | null> {
    return this.getRound(this.pool, room, roundId);
  }

  async rounds(room: string): Promise<RoundRecord[]> {
    const r = await this.pool.query<{ record: RoundRecord }>('SELECT record FROM tryghed_rounds WHERE room = $1', [room]);
    return r.rows.map((x) => x.record);
  }

  /**
   * Votes of one round queue here and go to the database in batches: one transaction locks the
   * round's row (FOR UPDATE: one person's two devices, even through two instances, see each
   * other's points, and a close waits), reads the voters' ballots after the lock is held, checks
   * each vote in arrival order against the ballot as the votes before it left it, and writes
   * the rows and the round's version in one statement. Each vote is answered only after the
   * commit, as before; one transaction per vote had every vote of a busy round wait in line for
   * the row lock, five round trips each.
   */
  vote(room: string, roundId: string, user: string, target: string, delta: number, now: number, board?: VoteBoard): Promise<CastResult> {
    const key = `${room}\n${roundId}`;
    let q = this.voteQueues.get(key);
    if (!q) this.voteQueues.set(key, (q = { waiting: [], running: false }));
    const queue = q;
    return new Promise<CastResult>((resolve, reject) => {
      queue.waiting.push({ user, target, delta, now, board, resolve, reject });
      if (!queue.running) void this.drain(key, room, roundId, queue);
    });
  }

  private async drain(key: string, room: string, roundId: string, q: VoteQueue): Promise<void> {
    q.running = true;
    while (q.waiting.length > 0) {
      const batch = q.waiting.splice(0, 200);
      try {
        const outcomes = await this.tx((c) => this.voteBatch(c, room, roundId, batch));
        batch.forEach((v, i) => {
          const o = outcomes[i]!;
          if ('error' in o) v.reject(o.error);
          else v.resolve(o.result);
        });
      } catch (e) {
        for (const v of batch) v.reject(e);
      }
    }
    q.running = false;
    if (this.voteQueues.get(key) === q) this.voteQueues.delete(key);
  }

  private async voteBatch(c: Q, room: string, roundId: string, batch: PendingVote[]): Promise<({ result: CastResult } | { error: unknown })[]> {
    const round = await this.getRound(c, room, roundId, true);
    if (!round) return batch.map(() => ({ error: new VoteError('no-round', `round ${roundId} was never opened`) }));
    const users = [...new Set(batch.map((v) => v.user))];
    const rows = await c.query<{ user: string; target: string; points: number }>(
      'SELECT "user", target, points FROM tryghed_ballots WHERE room = $1 AND round = $2 AND "user" = ANY($3)',
      [room, roundId, users],
    );
    const ballots = byUser(rows.rows);
    const changed = new Map<string, { user: string; target: string; points: number }>();
    let version = round.version;
    const outcomes = batch.map((v) => {
      const ballot = ballots.get(v.user) ?? {};
      try {
        const next = applyVote(round, ballot, v.target, v.delta, v.now, v.board);
        if (next === 0) delete ballot[v.target];
        else ballot[v.target] = next;
        ballots.set(v.user, ballot);
        changed.set(`${v.user}\n${v.target}`, { user: v.user, target: v.target, points: next });
        version++;
        const used = Object.values(ballot).reduce((a, b) => a + b, 0);
        return { result: { ballot: { ...ballot }, used, round: { ...round, version } } };
      } catch (error) {
        return { error };
      }
    });
    if (changed.size === 0) return outcomes;
    const put = [...changed.values()].filter((w) => w.points !== 0);
    const gone = [...changed.values()].filter((w) => w.points === 0);
    await c.query(
      `WITH put AS (
         INSERT INTO tryghed_ballots (room, round, "user", target, points)
         SELECT $1, $2, u, t, p FROM unnest($3::text[], $4::text[], $5::int[]) AS w(u, t, p)
         ON CONFLICT (room, round, "user", target) DO UPDATE SET points = excluded.points RETURNING 1),
       gone AS (
         DELETE FROM tryghed_ballots b USING unnest($6::text[], $7::text[]) AS w(u, t)
         WHERE b.room = $1 AND b.round = $2 AND b."user" = w.u AND b.target = w.t RETURNING 1)
       UPDATE tryghed_rounds SET record = jsonb_set(record, '{version}', to_jsonb($8::int)) WHERE room = $1 AND id = $2`,
      [room, roundId, put.map((w) => w.user), put.map((w) => w.target), put.map((w) => w.points), gone.map((w) => w.user), gone.map((w) => w.target), version],
    );
    return outcomes;
  }

  async ballot(room: string, roundId: string, user: string): Promise<Ballot> {
    return this.getBallot(this.pool, room, roundId, user);
  }

  async ballots(room: string, roundId: string): Promise<Map<string, Ballot>> {
    const r = await this.pool.query<{ user: string; target: string; points: number }>(
      'SELECT "user", target, points FROM tryghed_ballots WHERE room = $1 AND round = $2',
      [room, roundId],
    );
    return byUser(r.rows);
  }

  async answerPulse(room: string, pulseId: string, user: string, answers: readonly number[]): Promise<void> {
    await this.pool.query(
      'INSERT INTO tryghed_pulse_answers (room, pulse, "user", answers) VALUES ($1, $2, $3, $4) ON CONFLICT (room, pulse, "user") DO UPDATE SET answers = excluded.answers',
      [room, pulseId, user, JSON.stringify(answers)],
    );
  }

  async pulseAnswer(room: string, pulseId: string, user: string): Promise<number[] | null> {
    const r = await this.pool.query<{ answers: string }>('SELECT answers FROM tryghed_pulse_answers WHERE room = $1 AND pulse = $2 AND "user" = $3', [room, pulseId, user]);
    return r.rows[0] ? (JSON.parse(r.rows[0].answers) as number[]) : null;
  }

  async pulseAnswers(room: string, pulseId: string): Promise<number[][]> {
    const r = await this.pool.query<{ answers: string }>('SELECT answers FROM tryghed_pulse_answers WHERE room = $1 AND pulse = $2', [room, pulseId]);
    return r.rows.map((x) => JSON.parse(x.answers) as number[]);
  }

  async touchRoom(room: string, now: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO tryghed_room_activity (room, at) VALUES ($1, $2) ON CONFLICT (room) DO UPDATE SET at = GREATEST(tryghed_room_activity.at, excluded.at)',
      [room, now],
    );
  }

  async idleRooms(before: number): Promise<string[]> {
    return (await this.pool.query<{ room: string }>('SELECT room FROM tryghed_room_activity WHERE at < $1', [before])).rows.map((r) => r.room);
  }

  async clientIds(room: string, after: number, limit: number): Promise<[number, string][]> {
    const r = await this.pool.query<{ client: string; owner: string }>(
      'SELECT client::text AS client, owner FROM tryghed_client_ids WHERE room = $1 AND client > $2 ORDER BY client LIMIT $3',
      [room, after, limit],
    );
    return r.rows.map((x) => [Number(x.client), x.owner]);
  }

  async claimClientIds(room: string, claims: readonly (readonly [number, string])[]): Promise<void> {
    // One statement per batch; an id claimed first (here or by another instance) keeps its owner.
    await this.pool.query(
      'INSERT INTO tryghed_client_ids (room, client, owner) SELECT $1, c, u FROM unnest($2::bigint[], $3::text[]) AS w(c, u) ON CONFLICT DO NOTHING',
      [room, claims.map(([id]) => id), claims.map(([, owner]) => owner)],
    );
  }

  async deleteRoom(room: string): Promise<void> {
    await this.tx(async (c) => {
      for (const table of ROOM_TABLES) await c.query(`DELETE FROM ${table} WHERE room = $1`, [room]);
    });
  }

  async endRoom(room: string, at: number, clients: (earlier: string | null) => string): Promise<void> {
    await this.tx(async (c) => {
      for (const table of ROOM_TABLES) await c.query(`DELETE FROM ${table} WHERE room = $1`, [room]);
      // Two instances ending one room: the row lock makes the second merge the first's ids.
      await c.query('INSERT INTO tryghed_ended_sessions (room, at, clients) VALUES ($1, $2, \'\') ON CONFLICT (room) DO NOTHING', [room, at]);
      const earlier = (await c.query<{ clients: string }>('SELECT clients FROM tryghed_ended_sessions WHERE room = $1 FOR UPDATE', [room])).rows[0]?.clients;
      await c.query('UPDATE tryghed_ended_sessions SET at = $2, clients = $3 WHERE room = $1', [room, at, clients(earlier || null)]);
    });
  }

  async endedClients(room: string): Promise<string | null> {
    return (await this.pool.query<{ clients: string }>('SELECT clients FROM tryghed_ended_sessions WHERE room = $1', [room])).rows[0]?.clients ?? null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
