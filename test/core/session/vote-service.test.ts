import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LocalVoteService, MemoryBallotKeyStore, tally, type VoteService } from '../../../src/core/session/index.js';
import { LinkedDocs } from '../../support/linked-docs.js';
import { anne, bo, notes, round, startedDoc, T0 } from './setup.js';

const [n1, n2, n3] = notes as [string, string, string];
const service = (doc: Y.Doc, actor = anne, keys = new MemoryBallotKeyStore()): VoteService =>
  new LocalVoteService(doc, { actor, ballotKeys: keys, now: () => T0 });

describe('LocalVoteService', () => {
  it('casts, withdraws, reports my votes and tallies through one interface', async () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 3, cap: 2 });
    const svc = service(doc);
    expect(svc.mode).toBe('local');
    expect(await svc.myVotes(r)).toEqual({ roundId: r, budget: 3, cap: 2, used: 0, remaining: 3, perTarget: {}, ignored: 0 });
    await svc.cast(r, n1);
    await svc.cast(r, n1);
    expect(await svc.cast(r, n1)).toMatchObject({ ok: false, error: 'cap-reached' });
    expect(await svc.withdraw(r, n1)).toMatchObject({ ok: true, votes: { used: 1, perTarget: { [n1]: 1 } } });
    // What the tally shows is what was cast: one vote on n1 from one person (not just "what tally() says").
    const shown = svc.tally(r);
    expect(shown).toMatchObject({ visible: true, respondents: 1, totalVotes: 1 });
    if (shown.visible) expect(shown.rows.filter((row) => row.votes > 0).map((row) => [row.targetId, row.votes, row.rank])).toEqual([[n1, 1, 1]]);
    expect(await svc.myVotes('none')).toBeNull();
  });

  it('named: a person’s two devices share one ballot', async () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(startedDoc()));
    const r = round(a, { budget: 2, anonymity: 'named' });
    net.flush();
    const [sa, sb] = [service(a), service(b)];
    expect((await sa.cast(r, n1)).ok).toBe(true);
    net.flush();
    expect((await sb.cast(r, n2)).ok).toBe(true);
    net.flush();
    expect(await sa.cast(r, n3)).toMatchObject({ ok: false, error: 'budget-exhausted' });
    expect(await sb.myVotes(r)).toMatchObject({ used: 2, perTarget: { [n1]: 1, [n2]: 1 } });
  });

  it('anonymous: the key is made on the first cast and kept by the device; another device has its own ballot', async () => {
    const doc = startedDoc();
    const r = round(doc, { budget: 1, anonymity: 'anonymous' });
    const keys = new MemoryBallotKeyStore();
    const first = service(doc, anne, keys);
    await first.myVotes(r);
    expect(keys.get(r)).toBeNull();
    expect(await first.withdraw(r, n1)).toMatchObject({ ok: false, error: 'no-vote' });
    expect((await first.cast(r, n1)).ok).toBe(true);
    expect(keys.get(r)).not.toBeNull();
    // The same device after a reload (same store) finds its ballot again.
    expect(await service(doc, anne, keys).cast(r, n2)).toMatchObject({ ok: false, error: 'budget-exhausted' });
    // The documented limit: a second device of the same person, without a server, is a second ballot.
    expect((await service(doc, anne, new MemoryBallotKeyStore()).cast(r, n2)).ok).toBe(true);
    expect(tally(doc, r, { now: T0 })).toMatchObject({ visible: true, respondents: 2 });
  });

  it('refuses sealed rounds: they are counted on the server', async () => {
    const doc = startedDoc();
    const r = round(doc, { anonymity: 'sealed' });
    expect(await service(doc).cast(r, n1)).toMatchObject({ ok: false, error: 'wrong-mode' });
  });

  it('onChange fires for local and remote changes until unsubscribed', async () => {
    const net = new LinkedDocs(2);
    const [a, b] = net.docs as [Y.Doc, Y.Doc];
    Y.applyUpdate(a, Y.encodeStateAsUpdate(startedDoc()));
    const r = round(a);
    net.flush();
    const svc = service(b, bo);
    let calls = 0;
    const off = svc.onChange(() => calls++);
    await service(a).cast(r, n1);
    net.flush();
    expect(calls).toBe(1);
    await svc.cast(r, n2);
    expect(calls).toBe(2);
    off();
    await svc.cast(r, n3);
    expect(calls).toBe(2);
  });
});
