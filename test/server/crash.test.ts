import { afterAll, describe, expect, it } from 'vitest';
import { getRound } from '../../src/core/session/index.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { startChildServer, type ChildServer } from './support/child.js';
import { cleanup, client, control, must, newRound, SECRET, tempDir, waitFor } from './support/helpers.js';

describe('kill -9 in the middle of a round', () => {
  const dataDir = tempDir('tryghed-crash-');
  const clients: ServerTransport[] = [];
  let server: ChildServer | undefined;
  const env = { DATA_DIR: dataDir, MIRO_CLIENT_SECRET: SECRET };
  const join = async (url: string, user: string) => {
    const c = client(url, user);
    clients.push(c);
    await c.whenSynced();
    return c;
  };
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await server?.kill();
    cleanup(dataDir);
  });

  it('keeps every acknowledged vote', async () => {
    server = await startChildServer(env);
    const fac = await join(server.url, 'fac');
    must(await control(fac).apply({ type: 'start-session' }));
    const roundId = await newRound(fac, {
      question: 'Prioriter', targets: ['t1', 't2', 't3', 't4', 't5'],
      budget: 50, cap: 50, k: 1, anonymity: 'sealed', visibility: 'hidden',
    });

    // Five voters cast one after another (each waits for its acknowledgement) until the kill.
    const users = ['v1', 'v2', 'v3', 'v4', 'v5'];
    const acked = new Map<string, Record<string, number>>();
    const voters = await Promise.all(users.map((u) => join(server!.url, u)));
    let killed = false;
    const loops = voters.map(async (c, i) => {
      const user = users[i]!;
      for (let n = 0; !killed; n++) {
        try {
          const res = await c.rpc('cast', { roundId, target: `t${(n % 5) + 1}` });
          acked.set(user, res.ballot); // an answer that beat the kill is acknowledged too
        } catch {
          return;
        }
      }
    });
    await waitFor(() => [...acked.values()].reduce((a, b) => a + Object.values(b).reduce((x, y) => x + y, 0), 0) >= 60, 'votes before the kill', 20_000);
    killed = true;
    expect(await server.kill('SIGKILL')).toBe(-1);
    await Promise.all(loops);
    clients.forEach((c) => c.destroy());
    const total = (b: Record<string, number>) => Object.values(b).reduce((x, y) => x + y, 0);

    server = await startChildServer(env);
    for (const user of users) {
      const c = await join(server.url, user);
      const mine = await c.rpc('myBallot', { roundId });
      const before = acked.get(user) ?? {};
      // Every acknowledged point is there; at most one more (committed, answer lost in the kill).
      for (const [t, n] of Object.entries(before)) expect(mine.ballot[t]).toBeGreaterThanOrEqual(n);
      expect(total(mine.ballot) - total(before)).toBeGreaterThanOrEqual(0);
      expect(total(mine.ballot) - total(before)).toBeLessThanOrEqual(1);
    }
    // The round is still open after the restart (the database is its authority) and takes votes.
    const late = await join(server.url, 'v-late');
    await waitFor(() => getRound(late.doc, roundId)?.status === 'open', 'round open after restart');
    expect((await late.rpc('cast', { roundId, target: 't1' })).used).toBe(1);
  }, 90_000);
});
