/**
 * The facilitator ends a session and deletes its data, on a real server over sockets on
 * 127.0.0.1 (SQLite and PostgreSQL): only the seat holder may; every connection to the board
 * closes with 4410; the tables hold nothing of the board afterwards but the tombstone (client
 * ids, no content, no person), queried; a stale copy reconnecting is closed and writes nothing
 * back; a fresh panel starts a new, empty session on the same board.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clustersMap, createCluster, decodeClients, getPulse, touchesEnded, MemoryBallotKeyStore, PulseService } from '../../src/core/session/index.js';
import { controlRoom } from '../../src/server/miro-token.js';
import { ServerPulses } from '../../src/sync/server-pulses.js';
import { ServerVoteService } from '../../src/sync/server-votes.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { findSecrets } from '../support/byte-search.js';
import { client, control, must, newRound, ROOM, startServer, waitFor, type Started } from './support/helpers.js';
import { startPostgres, type Service } from './support/services.js';

const SECRET_LABEL = 'Vi taler aldrig om Jørgens sygemelding';
const ANNE = '3458764599990000021';
/** The session's tables first (seat, rounds, sealed ballots, pulse answers), then the board's visits
 *  and who owns which Yjs client id (a new visit claims its own). */
const TABLES = ['rooms', 'rounds', 'ballots', 'pulse_answers', 'room_activity', 'client_ids'];
const DOC_TABLES = ['documents', 'document_updates'];

type Counter = { rows(): Promise<number>; sessionRows(): Promise<number>; owners(): Promise<number>; tombstone(): Promise<string | null>; close(): Promise<void> };

function sqliteCounter(dir: string): Counter {
  // Opened at the first query: the server makes the files as it first writes them.
  let dbs: { votes: Database.Database; docs: Database.Database } | null = null;
  const open = () => (dbs ??= { votes: new Database(join(dir, 'tryghed.sqlite'), { readonly: true }), docs: new Database(join(dir, 'documents.sqlite'), { readonly: true }) });
  return {
    async rows() {
      const { votes, docs } = open();
      let n = 0;
      for (const t of TABLES) n += (votes.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE room = ?`).get(ROOM) as { n: number }).n;
      for (const t of DOC_TABLES) n += (docs.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE name IN (?, ?)`).get(ROOM, controlRoom(ROOM)) as { n: number }).n;
      return n;
    },
    async sessionRows() {
      const { votes } = open();
      let n = 0;
      for (const t of TABLES.slice(0, 4)) n += (votes.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE room = ?`).get(ROOM) as { n: number }).n;
      return n;
    },
    async owners() {
      return (open().votes.prepare('SELECT COUNT(*) AS n FROM client_ids WHERE room = ?').get(ROOM) as { n: number }).n;
    },
    async tombstone() {
      return (open().votes.prepare('SELECT clients FROM ended_sessions WHERE room = ?').get(ROOM) as { clients: string } | undefined)?.clients ?? null;
    },
    async close() {
      dbs?.votes.close();
      dbs?.docs.close();
    },
  };
}

function postgresCounter(url: string): Counter {
  const q = new pg.Pool({ connectionString: url, max: 1 });
  q.on('error', () => undefined); // an idle client cut when PostgreSQL stops
  return {
    async rows() {
      let n = 0;
      for (const t of TABLES) n += Number((await q.query(`SELECT COUNT(*) AS n FROM tryghed_${t} WHERE room = $1`, [ROOM])).rows[0].n);
      for (const t of DOC_TABLES) n += Number((await q.query(`SELECT COUNT(*) AS n FROM tryghed_${t} WHERE name = ANY($1::text[])`, [[ROOM, controlRoom(ROOM)]])).rows[0].n);
      return n;
    },
    async sessionRows() {
      let n = 0;
      for (const t of TABLES.slice(0, 4)) n += Number((await q.query(`SELECT COUNT(*) AS n FROM tryghed_${t} WHERE room = $1`, [ROOM])).rows[0].n);
      return n;
    },
    async owners() {
      return Number((await q.query('SELECT COUNT(*) AS n FROM tryghed_client_ids WHERE room = $1', [ROOM])).rows[0].n);
    },
    async tombstone() {
      return (await q.query<{ clients: string }>('SELECT clients FROM tryghed_ended_sessions WHERE room = $1', [ROOM])).rows[0]?.clients ?? null;
    },
    close: () => q.end(),
  };
}

/** The close code the server sent this client, once it sends one. */
function closes(c: ServerTransport): { code: number | null } {
  const seen = { code: null as number | null };
  c.onRefused(({ code }) => (seen.code ??= code));
  return seen;
}

describe('end and delete on the server', () => {
  let pgs: Service;
  beforeAll(async () => {
    pgs = await startPostgres();
  }, 90_000);
  afterAll(() => pgs?.stop());

  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: only the facilitator ends it; every connection closes; nothing of the session is left, and no old copy writes it back`, async () => {
      const s: Started = await startServer(store === 'postgres' ? { databaseUrl: pgs.url } : {});
      const open: ServerTransport[] = [];
      const join_ = async (user: string, doc?: Y.Doc) => {
        const c = client(s.url, user, doc ? { doc } : {});
        open.push(c);
        return c;
      };
      const count = store === 'sqlite' ? sqliteCounter(s.dataDir) : postgresCounter(pgs.url);
      try {
        const fac = await join_('fac');
        const anne = await join_(ANNE);
        await Promise.all([fac.whenSynced(), anne.whenSynced()]);
        must(await control(fac).apply({ type: 'start-session' }));
        // Anne's words in the shared doc, a sealed ballot and a sealed pulse answer in the database.
        createCluster(anne.doc, { userId: ANNE }, { label: SECRET_LABEL, noteIds: ['n1', 'n2'] });
        const roundId = await newRound(fac, { targets: ['n1', 'n2'], anonymity: 'sealed', budget: 2, cap: 2 });
        await waitFor(() => !!anne.controlDoc.getMap('rounds').get(roundId), 'round at anne');
        expect((await new ServerVoteService(anne.doc, anne).cast(roundId, 'n1')).ok).toBe(true);
        const { pulseId } = must(await control(fac).apply({ type: 'create-pulse', pulse: { anonymity: 'sealed', label: 'Før' } }));
        must(await control(fac).apply({ type: 'open-pulse', pulseId }));
        await waitFor(() => !!anne.controlDoc.getMap('pulses').get(pulseId), 'pulse at anne');
        const pulses = new PulseService(anne.doc, new MemoryBallotKeyStore(), new ServerPulses(anne));
        await waitFor(() => getPulse(anne.doc, pulseId)?.status === 'open', 'pulse open at anne');
        expect((await pulses.answer(pulseId, [1, 2, 3, 4, 5, 6, 7])).ok).toBe(true);
        await waitFor(() => clustersMap(fac.doc).size === 1, 'cluster at fac');
        // What a panel that goes offline now keeps: a copy of the session.
        const stale = new Y.Doc();
        Y.applyUpdate(stale, Y.encodeStateAsUpdate(anne.doc));
        await new Promise((r) => setTimeout(r, 300)); // stored (debounce 50 ms)
        expect(await count.rows()).toBeGreaterThan(5);
        expect(await count.owners()).toBeGreaterThan(0); // fac's and Anne's client ids

        // Only the seat holder.
        expect(await control(anne).apply({ type: 'end-session' })).toMatchObject({ ok: false, error: { code: 'not-facilitator' } });
        const facClosed = closes(fac);
        const anneClosed = closes(anne);
        const ended = must(await control(fac).apply({ type: 'end-session' }));
        expect(ended.endedAt).toBeGreaterThan(0);
        await waitFor(() => facClosed.code === 4410 && anneClosed.code === 4410, 'both closed with 4410');
        fac.destroy();
        anne.destroy();
        await waitFor(() => !s.server.hocuspocus.documents.has(ROOM) && !s.server.hocuspocus.documents.has(controlRoom(ROOM)), 'docs unloaded');
        expect(await count.rows()).toBe(0);
        expect(await count.owners()).toBe(0);
        // The tombstone: client ids and clocks, nothing anyone wrote or who.
        const tomb = await count.tombstone();
        expect(decodeClients(tomb).size).toBeGreaterThan(0);
        expect(findSecrets(tomb ?? '', [SECRET_LABEL, ANNE, 'fac'])).toEqual([]);

        // A stale copy reconnecting is closed, and writes nothing back.
        const old = await join_(ANNE, stale);
        const oldClosed = closes(old);
        await waitFor(() => oldClosed.code === 4410, 'stale copy closed');
        old.destroy();
        await new Promise((r) => setTimeout(r, 300));
        // Loading the board for it notes the visit (room_activity) and starts an empty control
        // doc (its migration mark): nothing of the ended session, nothing anyone wrote.
        expect(await count.sessionRows()).toBe(0);
        const ended_ = decodeClients(await count.tombstone());
        for (const name of [ROOM, controlRoom(ROOM)]) {
          const state = await s.server.docs.load(name);
          if (!state) continue;
          expect(touchesEnded(state, ended_)).toBe(false);
          expect(findSecrets(state, [SECRET_LABEL, ANNE])).toEqual([]);
        }

        // A fresh panel: a new, empty session on the same board, stored as usual.
        const fresh = await join_('fac');
        await fresh.whenSynced();
        expect(clustersMap(fresh.doc).size).toBe(0);
        expect(fresh.controlDoc.getMap('session').get('facilitator')).toBeUndefined();
        expect(findSecrets(Y.encodeStateAsUpdate(fresh.doc), [SECRET_LABEL])).toEqual([]);
        must(await control(fresh).apply({ type: 'start-session' }));
        createCluster(fresh.doc, { userId: 'fac' }, { label: 'Ny session', noteIds: ['n9'] });
        await waitFor(() => s.server.hocuspocus.documents.get(ROOM)?.getMap('clusters').size === 1, 'new session at the server');
        await new Promise((r) => setTimeout(r, 300));
        expect(await count.rows()).toBeGreaterThan(0);
      } finally {
        open.forEach((c) => c.destroy());
        await count.close();
        await s.stop();
      }
    }, 60_000);
  }
  it('a panel that starts the next session at once is turned away for a moment (4409), not ended (4410), and then syncs an empty session', async () => {
    const s: Started = await startServer();
    const open: ServerTransport[] = [];
    try {
      const fac = client(s.url, 'fac');
      open.push(fac);
      await fac.whenSynced();
      must(await control(fac).apply({ type: 'start-session' }));
      createCluster(fac.doc, { userId: 'fac' }, { label: SECRET_LABEL, noteIds: ['n1'] });
      await waitFor(() => s.server.hocuspocus.documents.get(ROOM)?.getMap('clusters').size === 1, 'cluster at the server');
      must(await control(fac).apply({ type: 'end-session' }));
      // At once, while the ended session's documents are still leaving memory.
      const next = client(s.url, 'fac');
      open.push(next);
      const closed = closes(next);
      await waitFor(() => closed.code !== null, 'the new panel turned away');
      expect(closed.code).toBe(4409);
      await next.whenSynced();
      expect(clustersMap(next.doc).size).toBe(0);
      must(await control(next).apply({ type: 'start-session' }));
    } finally {
      open.forEach((c) => c.destroy());
      await s.stop();
    }
  }, 60_000);
});
