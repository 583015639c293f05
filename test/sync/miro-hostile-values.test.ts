/**
 * Miro mode (no server): a peer on the board broadcasts malformed values where a round, a
 * cluster, a ballot and a plan entry belong. Every honest replica, and one that joins later
 * from the stored snapshot, keeps listing rounds, tallying and voting.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { castVote, createRound, listClusters, listPlan, listRounds, MAP, openRound, startSession, tally } from '../../src/core/session/index.js';
import { Board } from './harness.js';

const fac = { userId: '3458764500000000001' };
const notes = ['3458764511111111111', '3458764522222222222'];

describe('a peer writes junk into the shared doc (Miro mode)', () => {
  it('is skipped by every replica, also by one joining later', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const board = new Board(7, { loss: 0.1, delay: [5, 200] });
    const [a, b, m] = ['a', 'b', 'mallory'].map((n) => board.join(n)) as [ReturnType<Board['join']>, ReturnType<Board['join']>, ReturnType<Board['join']>];
    await board.run(2_000);
    startSession(a.doc, fac);
    const r = createRound(a.doc, fac, { question: 'Hvad fylder?', scope: { kind: 'selection' }, targets: notes, k: 1, visibility: 'live', anonymity: 'named' });
    if (!r.ok) throw new Error(r.message);
    openRound(a.doc, fac, { roundId: r.value.roundId });
    await board.run(3_000);
    m.doc.transact(() => {
      m.doc.getMap(MAP.rounds).set('rJunk', new Y.Text('round'));
      (m.doc.getMap(MAP.ballots).get(r.value.roundId) as Y.Map<unknown>).set('x.0', { not: 'a target' });
      m.doc.getMap(MAP.clusters).set('cJunk', 17);
      m.doc.getMap(MAP.membership).set(notes[0]!, new Y.Map());
      m.doc.getMap(MAP.plan).set('iJunk', [NaN]);
      m.doc.getMap(MAP.session).set('startedAt', 'yesterday');
    });
    await board.run(5_000);
    const late = board.join('late');
    await board.run(10_000);
    for (const x of [a, b, late]) {
      expect(x.doc.getMap(MAP.rounds).has('rJunk')).toBe(true); // it arrived
      expect(listRounds(x.doc).map((y) => y.id)).toEqual([r.value.roundId]);
      expect(listClusters(x.doc)).toEqual([]);
      expect(listPlan(x.doc)).toEqual([]);
      expect(castVote(x.doc, { roundId: r.value.roundId, ballotKey: `${x.name}key`, targetId: notes[0]! }).ok).toBe(true);
    }
    await board.run(5_000);
    expect(tally(b.doc, r.value.roundId)).toMatchObject({ visible: true, respondents: 3, totalVotes: 3 });
    warn.mockRestore();
  }, 60_000);
});
