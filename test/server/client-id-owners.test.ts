/**
 * Issue 9, owners of Yjs client ids kept in the store (server/client-ids.ts,
 * client-id-owners.ts), on real servers over sockets on 127.0.0.1, SQLite and PostgreSQL:
 * - an id someone wrote with, or showed in presence, stays theirs after the board is unloaded
 *   and after the server restarts: a forger's live update, and a forger's first sync reply on a
 *   new socket, are refused (4403) and never applied;
 * - the owner's own items the server lacks (edits made offline, as after a crash) come back in
 *   its reply; a reply relaying items under an id nobody owns is taken;
 * - two instances over Redis: a claim made on one holds on the other, which has the board loaded
 *   already (so only the Redis channel can have told it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomName } from '../../src/server/miro-token.js';
import { PostgresStorage } from '../../src/server/persistence-postgres.js';
import { SqliteStorage } from '../../src/server/persistence-sqlite.js';
import type { Storage } from '../../src/server/votes/types.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { BOARD, client, cleanup, control, must, ROOM, settled, startServer, tempDir, TEAM, waitFor, type Started } from './support/helpers.js';
import { asClient, forgeAs, forgedUpdate, rawClient, replyFrame } from './support/raw.js';
import { startPostgres, startRedis, type Service } from './support/services.js';

const as = asClient;
const set = (key: string, value: string) => (d: Y.Doc) => d.getMap('membership').set(key, value);
const notes = (doc: Y.Doc) => doc.getMap('membership').toJSON() as Record<string, string>;

/** Sends `update` as the first sync reply on a new socket of `user`; the close code, or 0 if it stayed open. */
async function replyAs(url: string, user: string, update: Uint8Array, room = ROOM): Promise<number> {
  const raw = await rawClient(url, user, [room]);
  raw.send(replyFrame(room, update));
  const code = await Promise.race([raw.closed, new Promise<number>((r) => setTimeout(() => r(0), 500))]);
  raw.ws.terminate();
  return code;
}

/** The first close code the server sends `c`, once it sends one. */
function closes(c: ServerTransport): { code: number | null } {
  const seen = { code: null as number | null };
  c.onRefused(({ code }) => (seen.code ??= code));
  return seen;
}

const present = (s: Started, room: string, id: number) =>
  waitFor(() => (s.server.hocuspocus.documents.get(room)?.awareness.getStates().get(id) as { presence?: unknown } | undefined)?.presence !== undefined, 'presence at the server');

let pgs: Service;
beforeAll(async () => {
  pgs = await startPostgres();
}, 90_000);
afterAll(() => pgs?.stop());

describe('the stores keep owners of client ids', () => {
  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: the first owner of an id keeps it; a board's owners are read back in pages`, async () => {
      const dir = tempDir();
      const st: Storage = store === 'sqlite' ? new SqliteStorage(dir) : await PostgresStorage.connect(pgs.url);
      const board = roomName(TEAM, `${BOARD}${store}`);
      try {
        await st.claimClientIds(board, [[1, 'anne'], [4_294_967_295, 'bob'], [1, 'mallory']]);
        await st.claimClientIds(board, [[1, 'mallory'], [3, 'carol']]);
        await st.claimClientIds(roomName(TEAM, 'other='), [[3, 'dave']]);
        // In order of id, a page at a time.
        expect(await st.clientIds(board, -1, 10)).toEqual([[1, 'anne'], [3, 'carol'], [4_294_967_295, 'bob']]);
        expect(await st.clientIds(board, -1, 2)).toEqual([[1, 'anne'], [3, 'carol']]);
        expect(await st.clientIds(board, 3, 2)).toEqual([[4_294_967_295, 'bob']]);
        await st.deleteRoom(board);
        expect(await st.clientIds(board, -1, 10)).toEqual([]);
        expect(await st.clientIds(roomName(TEAM, 'other='), -1, 10)).toEqual([[3, 'dave']]);
      } finally {
        await st.close();
        cleanup(dir);
      }
    });
  }
});

describe('owners of client ids outlive the board in memory', () => {
  for (const store of ['sqlite', 'postgres'] as const) {
    it(`${store}: after an unload and after a restart a forged id is refused; the owner's own lost items come back`, async () => {
      const dataDir = tempDir();
      // The board leaves memory as soon as its last connection does.
      const config = { dataDir, unloadGraceMs: 0, ...(store === 'postgres' ? { databaseUrl: pgs.url } : {}) };
      let s = await startServer(config);
      const open: ServerTransport[] = [];
      const join = async (user: string, doc?: Y.Doc) => {
        const c = client(s.url, user, doc ? { doc } : {});
        open.push(c);
        await c.whenSynced();
        return c;
      };
      try {
        const fac = await join('fac');
        must(await control(fac).apply({ type: 'start-session' }));
        // Anne writes; Bob only shows his presence.
        const anne = await join('anne');
        anne.doc.getMap('membership').set('4001', 'c1');
        await settled(anne, fac);
        const anneDoc = anne.doc;
        const bob = await join('bob');
        bob.awareness.setLocalStateField('presence', { name: 'Bob', user: 'bob' });
        await present(s, ROOM, bob.awareness.clientID);
        const bobId = bob.doc.clientID;
        // Anne goes offline and goes on writing: items the server lacks, as after a crash.
        for (const c of open.splice(0)) c.destroy();
        anneDoc.getMap('membership').set('4002', 'offline');
        await waitFor(() => !s.server.hocuspocus.documents.has(ROOM), 'board unloaded');

        const base = new Y.Doc();
        Y.applyUpdate(base, Y.encodeStateAsUpdate(fac.doc));
        const forged = (user: string, id: number, key: string) => forgeAs(s.url, user, base, as(id, set(key, 'forged')));
        const forgedReply = (user: string, id: number, key: string) => replyAs(s.url, user, forgedUpdate(base, as(id, set(key, 'forged'))));
        for (const phase of ['unloaded', 'restarted'] as const) {
          if (phase === 'restarted') {
            await s.stop();
            s = await startServer(config);
          }
          // The board loads again (reading its owners), then: ahead of Anne under her id, and under
          // Bob's presence-only id, live and as a first reply.
          await join('watcher');
          expect([phase, await forged('mallory', anneDoc.clientID, `4010-${phase}`)]).toEqual([phase, 4403]);
          expect([phase, await forgedReply('mallory', anneDoc.clientID, `4011-${phase}`)]).toEqual([phase, 4403]);
          expect([phase, await forged('mallory', bobId, `4012-${phase}`)]).toEqual([phase, 4403]);
          expect([phase, await forgedReply('mallory', bobId, `4013-${phase}`)]).toEqual([phase, 4403]);
        }

        // Anne's panel reconnects with its copy: her own items the server lacks are taken.
        const watcher = open[open.length - 1]!;
        const anneBack = await join('anne', anneDoc);
        const refused = closes(anneBack);
        await waitFor(() => notes(watcher.doc)['4002'] === 'offline', 'anne’s offline edit at the others');
        anneBack.doc.getMap('membership').set('4003', 'c3');
        await settled(anneBack, watcher);
        expect(refused.code).toBeNull();
        // A reply relaying items under an id nobody owns (a board's items the server lacks) is taken.
        expect(await replyAs(s.url, 'carol', forgedUpdate(watcher.doc, as(99_000_001, set('4004', 'relayed'))))).toBe(0);
        await waitFor(() => notes(watcher.doc)['4004'] === 'relayed', 'relayed items at the others');
        // Nothing forged ever reached the board.
        expect(Object.values(notes(watcher.doc))).not.toContain('forged');
      } finally {
        for (const c of open) c.destroy();
        await s.stop();
        cleanup(dataDir);
      }
    }, 60_000);
  }
});

describe('two instances over Redis', () => {
  let redis: Service;
  let one: Started;
  let two: Started;
  const room = roomName(TEAM, `${BOARD}ids`);
  beforeAll(async () => {
    redis = await startRedis();
    one = await startServer({ redisUrl: redis.url, databaseUrl: pgs.url });
    two = await startServer({ redisUrl: redis.url, databaseUrl: pgs.url });
  }, 90_000);
  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await redis?.stop();
  });

  it('a claim made on one instance holds at once on the other, which already holds the board', async () => {
    const open: ServerTransport[] = [];
    const join = async (s: Started, user: string) => {
      const c = client(s.url, user, { room });
      open.push(c);
      await c.whenSynced();
      return c;
    };
    try {
      // The board is loaded on two first: it reads no owners from the store after this.
      const watcher = await join(two, 'watcher');
      const anne = await join(one, 'anne');
      anne.doc.getMap('membership').set('4101', 'c1');
      await settled(anne, watcher);
      const bob = await join(one, 'bob');
      bob.awareness.setLocalStateField('presence', { name: 'Bob', user: 'bob' });
      await present(two, room, bob.awareness.clientID);
      for (const id of [anne.doc.clientID, bob.doc.clientID]) {
        expect(await forgeAs(two.url, 'mallory', watcher.doc, as(id, set(`4102-${id}`, 'forged')), room)).toBe(4403);
        expect(await replyAs(two.url, 'mallory', forgedUpdate(watcher.doc, as(id, set(`4103-${id}`, 'forged'))), room)).toBe(4403);
      }
      // Anne's next edit reaches everyone on both instances.
      anne.doc.getMap('membership').set('4104', 'c2');
      await settled(anne, watcher);
      expect(Object.values(notes(watcher.doc))).not.toContain('forged');
    } finally {
      for (const c of open) c.destroy();
    }
  }, 60_000);
});
