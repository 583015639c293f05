/**
 * The batching of client-id claims (server/client-id-owners.ts ClaimLog) against a store that
 * records its calls: claims go together, in chunks, and are read back in pages; only a board's
 * shared doc keeps them; a failed write is tried again; and while a session is ended nothing of it is written after its rows are deleted.
 */
import { describe, expect, it } from 'vitest';
import { ClaimLog, type Claim, type ClaimStore } from '../../src/server/client-id-owners.js';
import { controlRoom } from '../../src/server/miro-token.js';
import { ROOM } from './support/helpers.js';

class FakeStore implements ClaimStore {
  rows = new Map<number, string>();
  writes: Claim[][] = [];
  failNext = false;
  reads = 0;
  async clientIds(_room: string, after: number, limit: number): Promise<[number, string][]> {
    this.reads++;
    return [...this.rows].filter(([id]) => id > after).sort((a, b) => a[0] - b[0]).slice(0, limit);
  }
  async claimClientIds(_room: string, claims: readonly Claim[]): Promise<void> {
    await new Promise((r) => setTimeout(r, 5));
    if (this.failNext) {
      this.failNext = false;
      throw new Error('down');
    }
    this.writes.push([...claims]);
    for (const [id, user] of claims) if (!this.rows.has(id)) this.rows.set(id, user);
  }
  /** What a session's deletion does. */
  clear(): void {
    this.rows.clear();
  }
}

const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));
const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await tick(10);
};

describe('claims of client ids are written in batches', () => {
  it('claims close together are one write; a control doc keeps none', async () => {
    const store = new FakeStore();
    const log = new ClaimLog(store, undefined, 10, () => undefined);
    log.add(ROOM, [[1, 'anne']]);
    log.add(ROOM, [[2, 'bob']]);
    log.add(controlRoom(ROOM), [[3, 'carol']]);
    log.add('not-a-room', [[4, 'dave']]);
    expect(store.writes).toEqual([]);
    await until(() => store.writes.length > 0);
    await tick();
    expect(store.writes).toEqual([[[1, 'anne'], [2, 'bob']]]);
  });

  it('many claims go in chunks, and a board’s owners are read back in pages', async () => {
    const store = new FakeStore();
    const log = new ClaimLog(store, undefined, 10, () => undefined);
    for (let id = 1; id <= 4500; id++) log.add(ROOM, [[id, `u${id % 7}`]]);
    await log.flush(ROOM);
    expect(store.writes.map((w) => w.length)).toEqual([...Array(18).fill(250)]);
    const owners = await log.load(ROOM);
    expect(owners).toHaveLength(4500);
    expect(new Map(owners).get(4321)).toBe('u2');
    expect(store.reads).toBe(5);
  });

  it('a failed write is tried again, and a load reads only after what waits is written', async () => {
    const store = new FakeStore();
    const logged: string[] = [];
    const log = new ClaimLog(store, undefined, 10, (m) => logged.push(m));
    store.failNext = true;
    log.add(ROOM, [[1, 'anne']]);
    await until(() => logged.length > 0);
    expect(logged).toHaveLength(1);
    expect(store.rows.size).toBe(0);
    log.add(ROOM, [[2, 'bob']]);
    expect(new Map(await log.load(ROOM))).toEqual(new Map([[1, 'anne'], [2, 'bob']]));
  });

  it('while a session is ended nothing of it is written after its rows go; once loaded again, claims are written', async () => {
    const store = new FakeStore();
    const log = new ClaimLog(store, undefined, 10, () => undefined);
    log.add(ROOM, [[1, 'anne']]);
    await until(() => store.rows.size > 0);
    log.add(ROOM, [[2, 'bob']]); // waiting when the end begins
    await log.withheld(ROOM, async () => {
      log.add(ROOM, [[3, 'carol']]); // made while it ends
      await tick();
      store.clear();
    });
    log.add(ROOM, [[4, 'dave']]); // a connection of the ended session, not yet closed
    await tick();
    await log.flush(ROOM);
    expect(store.rows.size).toBe(0);
    // The next session loads the board: its claims are written as before.
    expect(await log.load(ROOM)).toEqual([]);
    log.add(ROOM, [[5, 'erin']]);
    await until(() => store.rows.size > 0);
    expect([...store.rows]).toEqual([[5, 'erin']]);
  });

  it('if ending fails, the claims made meanwhile are written after all', async () => {
    const store = new FakeStore();
    const log = new ClaimLog(store, undefined, 10, () => undefined);
    log.add(ROOM, [[1, 'anne']]);
    await expect(
      log.withheld(ROOM, async () => {
        log.add(ROOM, [[2, 'bob']]);
        await tick();
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    await until(() => store.rows.size > 1);
    expect(new Map(store.rows)).toEqual(new Map([[1, 'anne'], [2, 'bob']]));
  });
});
