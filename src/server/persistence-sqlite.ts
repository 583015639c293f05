/**
 * Embedded storage of votes: one SQLite file in DATA_DIR (WAL). Documents are in their own
 * file, written by the storage thread (persistence-sqlite-docs.ts).
 * With `synchronous=NORMAL` a committed transaction is in the WAL before we answer, so it
 * survives a killed process; FULL (SQLITE_SYNCHRONOUS=FULL) also survives a power cut.
 */
import type Database from 'better-sqlite3';
import { openSqlite } from './persistence-sqlite-docs.js';
import { applyVote, byUser, type VoteBoard } from './votes/rules.js';
import { VoteError, type Ballot, type CastResult, type RoundRecord, type Storage } from './votes/types.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS rooms (room TEXT PRIMARY KEY, facilitator TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rounds (room TEXT NOT NULL, id TEXT NOT NULL, record TEXT NOT NULL, PRIMARY KEY (room, id));
CREATE TABLE IF NOT EXISTS ballots (
  room TEXT NOT NULL, round TEXT NOT NULL, user TEXT NOT NULL, target TEXT NOT NULL, points INTEGER NOT NULL,
  PRIMARY KEY (room, round, user, target));
CREATE TABLE IF NOT EXISTS pulse_answers (room TEXT NOT NULL, pulse TEXT NOT NULL, user TEXT NOT NULL, answers TEXT NOT NULL,
  PRIMARY KEY (room, pulse, user));
CREATE TABLE IF NOT EXISTS room_activity (room TEXT PRIMARY KEY, at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ended_sessions (room TEXT PRIMARY KEY, at INTEGER NOT NULL, clients TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS client_ids (room TEXT NOT NULL, client INTEGER NOT NULL, owner TEXT NOT NULL, PRIMARY KEY (room, client));
`;
const ROOM_TABLES = ['rooms', 'rounds', 'ballots', 'pulse_answers', 'room_activity', 'client_ids'];

export class SqliteStorage implements Storage {
  readonly db: Database.Database;

  /** Prepared once: preparing each statement on every vote was a tenth of the server's time. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dataDir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL', file = 'tryghed.sqlite') {
    this.db = openSqlite(dataDir, file, synchronous, SCHEMA);
  }

  private q(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private getRound(room: string, id: string): RoundRecord | null {
    const row = this.q('SELECT record FROM rounds WHERE room = ? AND id = ?').get(room, id) as { record: string } | undefined;
    return row ? (JSON.parse(row.record) as RoundRecord) : null;
  }

  private getBallot(room: string, round: string, user: string): Ballot {
    const rows = this.q('SELECT target, points FROM ballots WHERE room = ? AND round = ? AND user = ?')
      .all(room, round, user) as { target: string; points: number }[];
    return Object.fromEntries(rows.map((r) => [r.target, r.points]));
  }

  async claimFacilitator(room: string, user: string): Promise<string> {
    this.q('INSERT INTO rooms (room, facilitator) VALUES (?, ?) ON CONFLICT (room) DO NOTHING').run(room, user);
    return (await this.facilitator(room))!;
  }

  async facilitator(room: string): Promise<string | null> {
    const row = this.q('SELECT facilitator FROM rooms WHERE room = ?').get(room) as { facilitator: string } | undefined;
    return row?.facilitator ?? null;
  }

  async releaseFacilitator(room: string): Promise<boolean> {
    return this.q('DELETE FROM rooms WHERE room = ?').run(room).changes === 1;
  }

  async setFacilitator(room: string, by: string, to: string): Promise<void> {
    const r = this.q('UPDATE rooms SET facilitator = ? WHERE room = ? AND facilitator = ?').run(to, room, by);
    if (r.changes !== 1) throw new VoteError('not-facilitator', 'only the facilitator can hand over');
  }

  private putRound(room: string, r: RoundRecord): void {
    this.q('UPDATE rounds SET record = ? WHERE room = ? AND id = ?').run(JSON.stringify(r), room, r.id);
  }

  async insertRound(room: string, record: RoundRecord): Promise<RoundRecord> {
    const r = this.q('INSERT INTO rounds (room, id, record) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(room, record.id, JSON.stringify(record));
    if (r.changes !== 1) throw new VoteError('wrong-status', `round ${record.id} is already open or done`);
    return record;
  }

  async updateRound(room: string, roundId: string, change: (r: RoundRecord) => RoundRecord): Promise<RoundRecord> {
    return this.db
      .transaction(() => {
        const round = this.getRound(room, roundId);
        if (!round) throw new VoteError('no-round', `round ${roundId} was never opened`);
        const next = { ...change(round), version: round.version + 1 };
        this.putRound(room, next);
        return next;
      })
      .immediate();
  }

  async round(room: string, roundId: string): Promise<RoundRecord | null> {
    return this.getRound(room, roundId);
  }

  async rounds(room: string): Promise<RoundRecord[]> {
    const rows = this.q('SELECT record FROM rounds WHERE room = ?').all(room) as { record: string }[];
    return rows.map((r) => JSON.parse(r.record) as RoundRecord);
  }

  async vote(room: string, roundId: string, user: string, target: string, delta: number, now: number, board?: VoteBoard): Promise<CastResult> {
    // IMMEDIATE takes the write lock first: two devices of one person (or two instances on
    // one file) run one after the other, so the budget check sees the other's points.
    return this.db
      .transaction((): CastResult => {
        const round = this.getRound(room, roundId);
        if (!round) throw new VoteError('no-round', `round ${roundId} was never opened`);
        const ballot = this.getBallot(room, roundId, user);
        const next = applyVote(round, ballot, target, delta, now, board);
        if (next === 0) this.q('DELETE FROM ballots WHERE room = ? AND round = ? AND user = ? AND target = ?').run(room, roundId, user, target);
        else this.q('INSERT INTO ballots (room, round, user, target, points) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET points = excluded.points').run(room, roundId, user, target, next);
        const bumped = { ...round, version: round.version + 1 };
        this.putRound(room, bumped);
        if (next === 0) delete ballot[target];
        else ballot[target] = next;
        const used = Object.values(ballot).reduce((a, b) => a + b, 0);
        return { ballot, used, round: bumped };
      })
      .immediate();
  }

  async ballot(room: string, roundId: string, user: string): Promise<Ballot> {
    return this.getBallot(room, roundId, user);
  }

  async ballots(room: string, roundId: string): Promise<Map<string, Ballot>> {
    const rows = this.q('SELECT user, target, points FROM ballots WHERE room = ? AND round = ?')
      .all(room, roundId) as { user: string; target: string; points: number }[];
    return byUser(rows);
  }

  async answerPulse(room: string, pulseId: string, user: string, answers: readonly number[]): Promise<void> {
    this.q('INSERT INTO pulse_answers (room, pulse, user, answers) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET answers = excluded.answers')
      .run(room, pulseId, user, JSON.stringify(answers));
  }

  async pulseAnswer(room: string, pulseId: string, user: string): Promise<number[] | null> {
    const row = this.q('SELECT answers FROM pulse_answers WHERE room = ? AND pulse = ? AND user = ?').get(room, pulseId, user) as { answers: string } | undefined;
    return row ? (JSON.parse(row.answers) as number[]) : null;
  }

  async pulseAnswers(room: string, pulseId: string): Promise<number[][]> {
    const rows = this.q('SELECT answers FROM pulse_answers WHERE room = ? AND pulse = ?').all(room, pulseId) as { answers: string }[];
    return rows.map((r) => JSON.parse(r.answers) as number[]);
  }

  async touchRoom(room: string, now: number): Promise<void> {
    this.q('INSERT INTO room_activity (room, at) VALUES (?, ?) ON CONFLICT (room) DO UPDATE SET at = MAX(at, excluded.at)').run(room, now);
  }

  async idleRooms(before: number): Promise<string[]> {
    return (this.q('SELECT room FROM room_activity WHERE at < ?').all(before) as { room: string }[]).map((r) => r.room);
  }

  async clientIds(room: string, after: number, limit: number): Promise<[number, string][]> {
    const rows = this.q('SELECT client, owner FROM client_ids WHERE room = ? AND client > ? ORDER BY client LIMIT ?').all(room, after, limit) as { client: number; owner: string }[];
    return rows.map((r) => [r.client, r.owner]);
  }

  async claimClientIds(room: string, claims: readonly (readonly [number, string])[]): Promise<void> {
    const insert = this.q('INSERT INTO client_ids (room, client, owner) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
    this.db.transaction(() => {
      for (const [id, owner] of claims) insert.run(room, id, owner);
    }).immediate();
  }

  async deleteRoom(room: string): Promise<void> {
    this.db.transaction(() => {
      for (const table of ROOM_TABLES) this.q(`DELETE FROM ${table} WHERE room = ?`).run(room);
    }).immediate();
  }

  async endRoom(room: string, at: number, clients: (earlier: string | null) => string): Promise<void> {
    this.db.transaction(() => {
      for (const table of ROOM_TABLES) this.q(`DELETE FROM ${table} WHERE room = ?`).run(room);
      const earlier = this.q('SELECT clients FROM ended_sessions WHERE room = ?').get(room) as { clients: string } | undefined;
      this.q('INSERT INTO ended_sessions (room, at, clients) VALUES (?, ?, ?) ON CONFLICT (room) DO UPDATE SET at = excluded.at, clients = excluded.clients')
        .run(room, at, clients(earlier?.clients ?? null));
    }).immediate();
  }

  async endedClients(room: string): Promise<string | null> {
    return (this.q('SELECT clients FROM ended_sessions WHERE room = ?').get(room) as { clients: string } | undefined)?.clients ?? null;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
