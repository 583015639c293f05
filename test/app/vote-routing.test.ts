import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoutingVoteService } from '../../src/app/vote-routing.js';
import { createRound, startSession } from '../../src/core/session/index.js';
import type { VoteService } from '../../src/core/session/voting.js';

function recording(name: string, calls: string[]): VoteService & { fire(): void } {
  const listeners = new Set<() => void>();
  return {
    mode: 'local',
    cast: async (r, t) => (calls.push(`${name}.cast ${r} ${t}`), { ok: false, error: 'not-open', message: '' }),
    withdraw: async (r, t) => (calls.push(`${name}.withdraw ${r} ${t}`), { ok: false, error: 'no-vote', message: '' }),
    myVotes: async (r) => (calls.push(`${name}.myVotes ${r}`), null),
    tally: (r) => (calls.push(`${name}.tally ${r}`), { visible: false, roundId: r, reason: 'not-open', respondents: 0, k: 1 }),
    onChange: (cb) => (listeners.add(cb), () => listeners.delete(cb)),
    fire: () => listeners.forEach((cb) => cb()),
  };
}

describe('votes in server mode', () => {
  it('go to the server for sealed rounds and stay in the doc for the others', async () => {
    const doc = new Y.Doc();
    const f = { userId: 'f' };
    startSession(doc, f);
    const round = (anonymity: 'named' | 'anonymous' | 'sealed') => {
      const r = createRound(doc, f, { question: anonymity, scope: { kind: 'selection' }, targets: ['n1'], anonymity });
      if (!r.ok) throw new Error(r.message);
      return r.value.roundId;
    };
    const [named, anon, sealed] = [round('named'), round('anonymous'), round('sealed')];
    const calls: string[] = [];
    const local = recording('local', calls);
    const server = recording('server', calls);
    const votes = new RoutingVoteService(doc, local, server);
    expect(votes.mode).toBe('server');
    await votes.cast(named, 'n1');
    await votes.cast(anon, 'n1');
    await votes.cast(sealed, 'n1');
    await votes.withdraw(sealed, 'n1');
    await votes.myVotes(anon);
    votes.tally(sealed);
    expect(calls).toEqual([
      `local.cast ${named} n1`, `local.cast ${anon} n1`, `server.cast ${sealed} n1`, `server.withdraw ${sealed} n1`,
      `local.myVotes ${anon}`, `server.tally ${sealed}`,
    ]);
    let changes = 0;
    const off = votes.onChange(() => changes++);
    local.fire();
    server.fire();
    off();
    local.fire();
    expect(changes).toBe(2);
  });
});
