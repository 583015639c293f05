/**
 * Property: whatever the order of claims, writes under way, failed writes, sessions ended (or
 * failing to end) and loads, the store of client-id owners (server/client-id-owners.ts ClaimLog)
 * ends up holding exactly the first owner of each id claimed since the last ended session, and a
 * load reads nothing else.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimLog, type Claim, type ClaimStore } from '../../src/server/client-id-owners.js';
import { ROOM } from './support/helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A store that takes `delay` ms per call and, while `failing`, fails every other write. */
class SlowStore implements ClaimStore {
  rows = new Map<number, string>();
  failing = false;
  private calls = 0;
  constructor(private readonly delay: number) {}
  async clientIds(_room: string, after: number, limit: number): Promise<[number, string][]> {
    await sleep(this.delay);
    return [...this.rows].filter(([id]) => id > after).sort((a, b) => a[0] - b[0]).slice(0, limit);
  }
  async claimClientIds(_room: string, claims: readonly Claim[]): Promise<void> {
    await sleep(this.delay);
    if (this.failing && this.calls++ % 2 === 0) throw new Error('down');
    for (const [id, user] of claims) if (!this.rows.has(id)) this.rows.set(id, user);
  }
}

const op = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('add' as const), id: fc.integer({ min: 1, max: 12 }), user: fc.constantFrom('anne', 'bob', 'carol') }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('flush' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('end' as const), fails: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('load' as const) }) },
);

describe('client-id claims in the store', () => {
  it('hold the first owner of each id claimed since the last ended session, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), fc.integer({ min: 0, max: 2 }), fc.boolean(), async (ops, delay, failing) => {
        const store = new SlowStore(delay);
        store.failing = failing;
        const log = new ClaimLog(store, undefined, 1, () => undefined);
        const model = new Map<number, string>();
        let ended = false;
        for (const o of ops) {
          if (o.op === 'add') {
            log.add(ROOM, [[o.id, o.user]]);
            if (!ended && !model.has(o.id)) model.set(o.id, o.user);
          } else if (o.op === 'wait') await sleep(o.ms);
          else if (o.op === 'flush') void log.flush(ROOM); // not awaited: it runs alongside what follows
          else if (o.op === 'end') {
            const done = await log
              .withheld(ROOM, async () => {
                await sleep(delay);
                if (o.fails) throw new Error('end failed');
                store.rows.clear(); // what the session's deletion does
              })
              .then(() => true, () => false);
            if (done) {
              model.clear();
              ended = true;
            }
          } else {
            const rows = await log.load(ROOM);
            ended = false;
            for (const [id, user] of rows) expect(model.get(id)).toBe(user);
            if (!failing) expect(new Map(rows)).toEqual(model);
          }
        }
        store.failing = false;
        await log.flush(ROOM);
        expect(new Map(store.rows)).toEqual(model);
        await log.close();
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
