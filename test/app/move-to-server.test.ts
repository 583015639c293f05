/**
 * Moving a workshop session from Miro's channel to a real sync server, as the panels do it
 * (WorkshopSession following the board's setting over the sandbox's stand-in, signed in with
 * test tokens): the themes, the revealed round's results and the plan come along for every
 * panel; when the server refuses the facilitator's state (another facilitator holds its seat),
 * the panel says so instead of showing an empty session without a word.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import type { WorkshopSession } from '../../src/app/session.js';
import { roomName } from '../../src/server/miro-token.js';
import { joinSession } from './support/join.js';
import {
  addInitiative, castVote, createCluster, createRound, facilitatorOf, listClusters, listPlan, openRound, revealRound, startSession, tally,
} from '../../src/core/session/index.js';
import { client, control, must, startServer, TEAM, token, type Started } from '../server/support/helpers.js';

// The server's client in the panel uses the browser's WebSocket; Node 20 has none of its own.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

const open: WorkshopSession[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.destroy();
});

const join = (board: StandInBoard, userId: string) => joinSession(open, board, userId);

/** A facilitator (u1) and a participant (u2) in Miro mode: a theme, a revealed round, a plan. */
async function miroWorkshop(boardId: string) {
  const board = new StandInBoard({ latencyMs: 1, boardId, tokenProvider: (u) => token(u) });
  board.addUser({ id: 'u1', name: 'Ann' });
  board.addUser({ id: 'u2', name: 'Bo' });
  const [a, b] = [await join(board, 'u1'), await join(board, 'u2')];
  const fac = { userId: 'u1' };
  startSession(a.doc, fac);
  const notes = ['Too many meetings', 'No time', 'Unclear priorities'].map((text, i) => board.hostCreate('u2', 'sticky_note', { content: `<p>${text}</p>`, x: i * 300, y: 0 }).id);
  createCluster(b.doc, { userId: 'u2' }, { noteIds: [notes[0]!, notes[1]!], label: 'Workload' });
  const r = createRound(a.doc, fac, { question: 'What first?', scope: { kind: 'selection' }, targets: notes, anonymity: 'named', visibility: 'hidden', k: 1 });
  if (!r.ok) throw new Error(r.message);
  const roundId = r.value.roundId;
  openRound(a.doc, fac, { roundId });
  await vi.waitFor(() => expect(listClusters(a.doc)).toHaveLength(1), { timeout: 10_000 });
  castVote(a.doc, { roundId, ballotKey: 'u1', targetId: notes[0]! });
  castVote(a.doc, { roundId, ballotKey: 'u1', targetId: notes[2]! });
  revealRound(a.doc, fac, { roundId });
  addInitiative(a.doc, fac, { layer: 'L', text: 'Weekly check-in' });
  const results = (s: WorkshopSession) => {
    const t = tally(s.doc, roundId);
    return t.visible ? t.rows.map((x) => [x.targetId, x.votes]) : t.reason;
  };
  const want = results(a);
  expect(Array.isArray(want)).toBe(true);
  return { a, b, want, results };
}

describe('WorkshopSession moving from Miro’s channel to a sync server', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(() => s.stop());

  it('brings the theme, the revealed round’s results and the plan to every panel', async () => {
    const { a, b, want, results } = await miroWorkshop('uXjVOmove1=');
    await a.setSync({ mode: 'server', url: s.url });
    for (const x of [a, b]) {
      await vi.waitFor(() => expect(x.sync).toEqual({ mode: 'server', url: s.url }), { timeout: 10_000 });
      await vi.waitFor(() => {
        expect(x.status).toBe('synced');
        expect(facilitatorOf(x.doc)).toBe('u1');
        expect(listClusters(x.doc).map((c) => c.label)).toEqual(['Workload']);
        expect(results(x)).toEqual(want);
        expect(listPlan(x.doc).map((i) => i.text)).toEqual(['Weekly check-in']);
      }, { timeout: 15_000 });
      expect(x.moveFailed).toBeNull();
    }
  });

  it('says so on the facilitator’s panel when the server refuses the move (another facilitator holds its seat)', async () => {
    const other = client(s.url, 'u9', { room: roomName(TEAM, 'uXjVOmove2=') });
    try {
      await other.whenSynced();
      must(await control(other).apply({ type: 'start-session' }));
      const { a, b } = await miroWorkshop('uXjVOmove2=');
      await a.setSync({ mode: 'server', url: s.url });
      await vi.waitFor(() => expect(a.moveFailed).toBe('not-facilitator'), { timeout: 15_000 });
      // The participant moved nothing of the facilitator's: nothing to say there.
      await vi.waitFor(() => expect(facilitatorOf(b.doc)).toBe('u9'), { timeout: 10_000 });
      expect(b.moveFailed).toBeNull();
    } finally {
      other.destroy();
    }
  });
});
