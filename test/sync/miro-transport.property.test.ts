import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Board, converged, randomEdit } from './harness.js';

type Action =
  | { kind: 'edit'; peer: number; count: number }
  | { kind: 'purge'; peer: number }
  | { kind: 'detach'; peer: number }
  | { kind: 'attach'; peer: number }
  | { kind: 'join' }
  | { kind: 'loss'; p: number }
  | { kind: 'wait'; ms: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), peer: fc.nat(9), count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('purge' as const), peer: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('detach' as const), peer: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('attach' as const), peer: fc.nat(9) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('loss' as const), p: fc.double({ min: 0, max: 0.5, noNaN: true }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 8_000 }) }) },
);

describe('MiroTransport convergence over random schedules', () => {
  it('every replica ends identical once the board is quiet', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 7 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.double({ min: 0, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        fc.array(action, { minLength: 5, maxLength: 40 }),
        fc.boolean(),
        async (peers, seed, loss, duplicate, actions, resend) => {
          // resend=false: no resending of own edits, so requests and answers do all repairs.
          const board = new Board(seed, { loss, duplicate, delay: [5, 800] }, resend ? {} : { redundancyBytes: 0 });
          for (let i = 0; i < peers; i++) board.join(`p${i}`);
          await board.run(1_000);
          for (const a of actions) {
            const r = 'peer' in a ? board.replicas[a.peer % board.replicas.length]! : undefined;
            if (a.kind === 'edit') for (let i = 0; i < a.count; i++) randomEdit(r!.doc, board.rng, r!.name);
            else if (a.kind === 'purge') {
              // Pure deletes: they move no state vector, so only delete-set repair finds them.
              const m = r!.doc.getMap('m');
              r!.doc.transact(() => [...m.keys()].forEach((k) => m.delete(k)), 'local');
            } else if (a.kind === 'detach') r!.peer.detach();
            else if (a.kind === 'attach') r!.peer.attach();
            else if (a.kind === 'join' && board.replicas.length < 10) board.join(`late${board.replicas.length}`);
            else if (a.kind === 'loss') board.bus.loss = a.p;
            else if (a.kind === 'wait') await board.run(a.ms);
          }
          for (const r of board.replicas) r.peer.attach();
          board.bus.loss = loss;
          await board.run(240_000);
          expect(converged(board.replicas.map((r) => r.doc))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
