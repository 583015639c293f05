/**
 * What the server keeps of who owns a Yjs client id (server/client-ids.ts): a tag per id, never
 * the user id. Anonymous ballots and pulse answers are written under throwaway ids, so a user id
 * (or one tag repeated across ids) beside them in the store would tell, or link, whose they are.
 * The tag still lets the server, and a restarted one with the same secret, tell owner from forger.
 */
import { describe, expect, it } from 'vitest';
import type { Claim, ClaimStore } from '../../src/server/client-id-owners.js';
import { ClientIds } from '../../src/server/client-ids.js';
import { ROOM } from './support/helpers.js';

class RecordingStore implements ClaimStore {
  rows = new Map<number, string>();
  async clientIds(_room: string, after: number, limit: number): Promise<[number, string][]> {
    return [...this.rows].filter(([id]) => id > after).sort((a, b) => a[0] - b[0]).slice(0, limit);
  }
  async claimClientIds(_room: string, claims: readonly Claim[]): Promise<void> {
    for (const [id, owner] of claims) if (!this.rows.has(id)) this.rows.set(id, owner);
  }
}

const ANNE = 'user-anne-3074457345618265001';
const BO = 'user-bo-3074457345618265002';
const loaded = (ids: ClientIds) => ids.onLoadDocument({ documentName: ROOM, document: { isDestroyed: false } } as never);

describe('client id owners are kept as tags', () => {
  it('stores no user id, a different tag for each id, and a restart with the same secret still knows the owner', async () => {
    const store = new RecordingStore();
    const ids = new ClientIds({ store, secret: 's3cret', flushMs: 1 });
    await loaded(ids);
    for (const id of [101, 102, 103]) ids.claim(ROOM, id, ANNE);
    ids.claim(ROOM, 201, BO);
    await ids.onDestroy();

    const owners = [...store.rows.values()];
    expect(owners).toHaveLength(4);
    for (const o of owners) for (const secret of [ANNE, BO, 'anne', '3074457345618265001']) expect(o).not.toContain(secret);
    expect(new Set(owners).size).toBe(4); // Anne's three ids are not linked by one tag

    const restarted = new ClientIds({ store, secret: 's3cret' });
    await loaded(restarted);
    expect(restarted.ownedByAnother(ROOM, 101, ANNE)).toBe(false);
    expect(restarted.ownedByAnother(ROOM, 101, BO)).toBe(true);
    expect(restarted.ownedByAnother(ROOM, 201, ANNE)).toBe(true);
    expect(restarted.ownedByAnother(ROOM, 999, BO)).toBe(false); // nobody's

    // Without the secret, a tag cannot be matched to its user.
    const guessing = new ClientIds({ store, secret: 'another' });
    await loaded(guessing);
    expect(guessing.ownedByAnother(ROOM, 101, ANNE)).toBe(true);
    await restarted.onDestroy();
    await guessing.onDestroy();
  });
});
