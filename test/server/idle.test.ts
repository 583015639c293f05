/**
 * Boards idle longer than IDLE_DAYS are deleted with everything the server keeps of them
 * (documents, seat, rounds, sealed ballots, pulse answers, activity, client ids' owners), on a fake clock, in
 * SQLite and PostgreSQL, checked by querying the tables; a board used since, or loaded now,
 * stays. IDLE_DAYS merges over the default of 90.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../../src/server/config.js';
import { IdleBoards } from '../../src/server/idle.js';
import { controlRoom } from '../../src/server/miro-token.js';
import { PostgresDocs } from '../../src/server/persistence-postgres-docs.js';
import { PostgresStorage } from '../../src/server/persistence-postgres.js';
import { SqliteDocs } from '../../src/server/persistence-sqlite-docs.js';
import { SqliteStorage } from '../../src/server/persistence-sqlite.js';
import type { Storage } from '../../src/server/votes/types.js';
import type { DocStore } from '../../src/server/doc-store.js';
import { cleanup, client, ROOM, startServer, tempDir } from './support/helpers.js';
import { startPostgres, type Service } from './support/services.js';

const DAY = 24 * 60 * 60 * 1000;
const OLD = 'tryghed:3074457345618265000:oldBoard=';
const NEW = 'tryghed:3074457345618265000:newBoard=';
const LOADED = 'tryghed:3074457345618265000:openBoard=';

async function fill(storage: Storage, docs: DocStore, room: string): Promise<void> {
  const doc = new Y.Doc();
  doc.getMap('clusters').set('c1', 'x');
  await docs.append(room, [Y.encodeStateAsUpdate(doc)]);
  await docs.append(controlRoom(room), [Y.encodeStateAsUpdate(doc)]);
  await docs.compact(room);
  await docs.append(room, [Y.encodeStateAsUpdate(doc)]);
  await storage.claimFacilitator(room, 'fac');
  await storage.insertRound(room, {
    id: 'r1', question: 'q', scope: { kind: 'selection' }, targets: ['1'], budget: 1, cap: 1, anonymity: 'sealed', visibility: 'live', k: 1,
    timeLimitMs: null, createdBy: 'fac', createdAt: 0, openedAt: 0, endsAt: null, closedAt: null, revealedAt: null, version: 1,
  });
  await storage.vote(room, 'r1', 'anne', '1', 1, 1);
  await storage.answerPulse(room, 'p1', 'anne', [1, 2, 3, 4, 5, 6, 7]);
  await storage.claimClientIds(room, [[doc.clientID, 'anne']]);
}

async function run(storage: Storage, docs: DocStore, count: (room: string) => Promise<number>): Promise<void> {
  let now = 1_000 * DAY;
  for (const room of [OLD, NEW, LOADED]) await fill(storage, docs, room);
  await storage.touchRoom(OLD, now);
  await storage.touchRoom(LOADED, now);
  now += 60 * DAY;
  await storage.touchRoom(NEW, now);
  // An older touch never moves a board's clock back.
  await storage.touchRoom(NEW, now - 80 * DAY);
  const idle = new IdleBoards(storage, docs, 90, (room) => room === LOADED, () => now);
  expect(await idle.sweep()).toEqual([]);
  now += 31 * DAY; // OLD and LOADED: 91 days; NEW: 31
  expect(await idle.sweep()).toEqual([OLD]);
  expect(await count(OLD)).toBe(0);
  expect(await docs.load(OLD)).toBeNull();
  expect(await docs.load(controlRoom(OLD))).toBeNull();
  expect(await count(NEW)).toBeGreaterThan(0);
  expect(await count(LOADED)).toBeGreaterThan(0);
  expect(await docs.load(NEW)).not.toBeNull();
  expect(await new IdleBoards(storage, docs, 0, () => false, () => now + 1000 * DAY).sweep()).toEqual([]);
}

describe('idle boards are deleted', () => {
  let pgs: Service;
  beforeAll(async () => {
    pgs = await startPostgres();
  }, 90_000);
  afterAll(() => pgs?.stop());

  it('IDLE_DAYS merges over the default of 90', () => {
    expect(loadConfig({ MIRO_CLIENT_SECRET: 's' }).idleDays).toBe(90);
    expect(loadConfig({ MIRO_CLIENT_SECRET: 's', IDLE_DAYS: '30' }).idleDays).toBe(30);
    expect(() => loadConfig({ MIRO_CLIENT_SECRET: 's', IDLE_DAYS: '-1' })).toThrow(/IDLE_DAYS/);
  });

  it('the server notes a board’s use when someone connects, and its sweep leaves a loaded board alone', async () => {
    const s = await startServer();
    const c = client(s.url, 'anne');
    try {
      await c.whenSynced();
      expect(await s.server.storage.idleRooms(Date.now() + 1)).toContain(ROOM);
      expect(await s.server.storage.idleRooms(Date.now() - 60_000)).not.toContain(ROOM);
      expect(await new IdleBoards(s.server.storage, s.server.docs, 1, (r) => r === ROOM, () => Date.now() + 2 * DAY).sweep()).toEqual([]);
    } finally {
      c.destroy();
      await s.stop();
    }
  });

  it('sqlite: nothing of an idle board is left in any table', async () => {
    const dir = tempDir();
    const storage = new SqliteStorage(dir);
    const docs = new SqliteDocs(dir);
    const docsDb = (docs as unknown as { db: SqliteStorage['db'] }).db;
    const count = async (room: string) => {
      let n = 0;
      for (const t of ['rooms', 'rounds', 'ballots', 'pulse_answers', 'room_activity', 'client_ids']) n += (storage.db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE room = ?`).get(room) as { n: number }).n;
      for (const t of ['documents', 'document_updates']) n += (docsDb.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE name IN (?, ?)`).get(room, controlRoom(room)) as { n: number }).n;
      return n;
    };
    try {
      await run(storage, docs, count);
    } finally {
      await storage.close();
      await docs.close();
      cleanup(dir);
    }
  });

  it('postgres: nothing of an idle board is left in any table', async () => {
    const storage = await PostgresStorage.connect(pgs.url);
    const docs = await PostgresDocs.connect(pgs.url);
    const q = new pg.Pool({ connectionString: pgs.url, max: 1 });
    const count = async (room: string) => {
      let n = 0;
      for (const t of ['tryghed_rooms', 'tryghed_rounds', 'tryghed_ballots', 'tryghed_pulse_answers', 'tryghed_room_activity', 'tryghed_client_ids']) {
        n += Number((await q.query(`SELECT COUNT(*) AS n FROM ${t} WHERE room = $1`, [room])).rows[0].n);
      }
      for (const t of ['tryghed_documents', 'tryghed_document_updates']) {
        n += Number((await q.query(`SELECT COUNT(*) AS n FROM ${t} WHERE name = ANY($1::text[])`, [[room, controlRoom(room)]])).rows[0].n);
      }
      return n;
    };
    try {
      await run(storage, docs, count);
    } finally {
      await q.end();
      await storage.close();
      await docs.close();
    }
  });
});
