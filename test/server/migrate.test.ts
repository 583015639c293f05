/**
 * A board from before the control doc: its session, rounds, plan, deletions and published
 * tallies were in the shared doc. The server moves them into the control doc the first time it
 * loads the board, once; the old facilitator keeps the seat. What is written into the old maps
 * afterwards is never moved.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  addInitiative, createRound, deletedMap, facilitatorOf, listPlan, listRounds, markTargetsDeleted, startSession,
} from '../../src/core/session/index.js';
import { roomName } from '../../src/server/miro-token.js';
import { cleanup, control, must, startServer, TEAM, tempDir, waitFor, type Started, joiner } from './support/helpers.js';

const OLD = roomName(TEAM, 'oldboard');

/** The shared doc as the app wrote it before the control doc: everything in one doc. */
function oldBoard(): Uint8Array {
  const doc = new Y.Doc();
  const anne = { userId: 'anne' };
  startSession(doc, anne, { now: 1_700_000_000_000 });
  const ok = (r: { ok: boolean }) => {
    if (!r.ok) throw new Error('old board');
  };
  ok(createRound(doc, anne, { question: 'Hvad fylder?', scope: { kind: 'selection' }, targets: ['101', '102'], anonymity: 'named', now: 1_700_000_000_001 }));
  ok(addInitiative(doc, anne, { layer: 'G', text: 'Tjek-ind hver mandag', now: 1_700_000_000_002 }));
  markTargetsDeleted(doc, anne, { ids: ['102'], now: 1_700_000_000_003 });
  // A bad entry from back then stays behind.
  doc.getMap('rounds').set('rBad', 'not a round');
  return Y.encodeStateAsUpdate(doc);
}

describe('a board from before the control doc', () => {
  const dataDir = tempDir();
  let s: Started | undefined;
  const { join, closeAll } = joiner(() => s!.url, { room: OLD });
  const warnings = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  afterAll(async () => {
    closeAll();
    await s?.stop();
    cleanup(dataDir);
    warnings.mockRestore();
  });

  it('has its facilitator state moved into the control doc on first load, once', async () => {
    s = await startServer({ dataDir });
    await s.server.docs.append(OLD, [oldBoard()]);

    const anne = await join('anne');
    await waitFor(() => facilitatorOf(anne.doc) === 'anne' && listRounds(anne.doc).length === 1, 'moved state');
    expect(listRounds(anne.doc).map((r) => [r.question, r.status, r.targets])).toEqual([['Hvad fylder?', 'draft', ['101', '102']]]);
    expect(listPlan(anne.doc).map((i) => i.text)).toEqual(['Tjek-ind hver mandag']);
    expect(deletedMap(anne.doc).has('102')).toBe(true);
    // The seat is hers in the database too: her commands pass, another's do not.
    const bo = await join('bo');
    expect(await control(bo).apply({ type: 'start-session' })).toEqual({ ok: true, value: { facilitator: 'anne' } });
    must(await control(anne).apply({ type: 'open-round', roundId: listRounds(anne.doc)[0]!.id }));

    // Later writes into the old maps (as a participant could make them) are never moved.
    bo.doc.transact(() => {
      bo.doc.getMap('session').set('facilitator', 'bo');
      const forged = new Y.Map<unknown>();
      bo.doc.getMap('plan').set('i-forged', forged);
      forged.set('layer', 'P');
      forged.set('text', 'forged');
      forged.set('createdAt', 1);
    });
    await waitFor(() => !bo.provider.hasUnsyncedChanges, 'bo’s writes stored');
    closeAll();
    await s.stop();
    s = await startServer({ dataDir });
    const again = await join('carl');
    await waitFor(() => facilitatorOf(again.doc) === 'anne' && listRounds(again.doc).length === 1, 'state after restart');
    expect(listPlan(again.doc).map((i) => i.text)).toEqual(['Tjek-ind hver mandag']);
    expect(listRounds(again.doc)[0]!.status).toBe('open');
  }, 60_000);
});
