import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoutingVoteService } from '../../src/app/vote-routing.js';
import { createRound, openRound, startSession } from '../../src/core/session/index.js';
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
  it('retry a sealed cast the server does not know yet while the doc says the round is open', async () => {
    const doc = new Y.Doc();
    const f = { userId: 'f' };
    startSession(doc, f);
    const r = createRound(doc, f, { question: 'q', scope: { kind: 'selection' }, targets: ['n1'], anonymity: 'sealed' });
    if (!r.ok) throw new Error(r.message);
    const roundId = r.value.roundId;
    let calls = 0;
    const votes = { roundId, budget: 1, cap: 1, used: 1, remaining: 0, perTarget: { n1: 1 }, ignored: 0 };
    const server: VoteService = {
      mode: 'server',
      cast: async () => (++calls < 3 ? { ok: false, error: 'no-round', message: '' } : { ok: true, votes }),
      withdraw: async () => ({ ok: false, error: 'no-vote', message: '' }),
      myVotes: async () => null,
      tally: (id) => ({ visible: false, roundId: id, reason: 'not-open', respondents: 0, k: 1 }),
      onChange: () => () => undefined,
    };
    const routed = new RoutingVoteService(doc, recording('local', []), server);
    // Still a draft: the refusal stands at once.
    expect(await routed.cast(roundId, 'n1')).toMatchObject({ ok: false, error: 'no-round' });
    expect(calls).toBe(1);
    openRound(doc, f, { roundId });
    calls = 0;
    expect(await routed.cast(roundId, 'n1')).toEqual({ ok: true, votes });
    expect(calls).toBe(3);
  });

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
