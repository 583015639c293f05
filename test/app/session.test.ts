/**
 * The workshop session wiring against the sandbox's stand-in for Miro (in Node, real timers):
 * two people's sessions share one doc over Miro's channel, deleted stickies leave the tally,
 * sticky texts become labels, the board's sync setting moves every session (and back, where
 * the session is as it was). (The board's timer for a timed round: test/actions/rounds.test.ts.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import type { WorkshopSession } from '../../src/app/session.js';
import { joinSession } from './support/join.js';
import { SYNC_COLLECTION, SYNC_KEY } from '../../src/app/sync-config.js';
import type { TargetSet } from '../../src/actions/round-targets.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import {
  castVote, createCluster, createRound, deletedMap, facilitatorOf, getRound, listClusters, openRound, readBallotMap, startSession, tally,
} from '../../src/core/session/index.js';

const open: WorkshopSession[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.destroy();
});

const join = (board: StandInBoard, userId: string, sdkPatch?: (sdk: ReturnType<StandInBoard['sdkFor']>) => void) => joinSession(open, board, userId, sdkPatch);

function standIn(features: Record<string, boolean> = {}) {
  const board = new StandInBoard({ latencyMs: 1, features });
  board.addUser({ id: 'u1', name: 'Ann' });
  board.addUser({ id: 'u2', name: 'Bo' });
  return board;
}

/** The targets a round over `set` would get (the round-targets action, through the session's actions). */
async function ids(s: WorkshopSession, set: TargetSet) {
  const r = await s.actions.roundTargets(set);
  if (!r.ok) throw new Error(r.error.code);
  return r.value.ids;
}

const sticky = (board: StandInBoard, user: string, text: string, x: number) =>
  board.hostCreate(user, 'sticky_note', { content: `<p>${text}</p>`, x, y: 0 }).id;

describe('WorkshopSession over Miro’s channel (the stand-in)', () => {
  it('shares one doc between people; labels come from the board; deleted stickies leave the tally', async () => {
    const board = standIn();
    const [a, b] = [await join(board, 'u1'), await join(board, 'u2')];
    expect(a.me).toEqual({ id: 'u1', name: 'Ann' });
    expect(a.sync).toEqual({ mode: 'miro' });
    await vi.waitFor(() => expect(b.people.map((p) => p.id).sort()).toEqual(['u1', 'u2']));

    startSession(a.doc, { userId: 'u1' });
    const n1 = sticky(board, 'u2', 'Too many meetings', 0);
    const n2 = sticky(board, 'u2', 'No time', 300);
    const other = board.hostCreate('u2', 'shape', { x: 900, y: 0, width: 100, height: 100 }).id;
    createCluster(b.doc, { userId: 'u2' }, { noteIds: [n1, n2], label: 'Workload' });
    await vi.waitFor(() => expect(facilitatorOf(b.doc)).toBe('u1'), { timeout: 10_000 });
    await vi.waitFor(() => expect(listClusters(a.doc).map((c) => c.label)).toEqual(['Workload']), { timeout: 10_000 });
    await vi.waitFor(() => expect(a.labels).toMatchObject({ [n1]: 'Too many meetings', [n2]: 'No time' }), { timeout: 10_000 });

    expect(await ids(a, 'notes')).toEqual([n1, n2]);
    expect(await ids(a, 'clusters')).toEqual([listClusters(a.doc)[0]!.id]);
    board.setSelection('u1', [n2]);
    expect(await ids(a, 'selection')).toEqual([n2]);

    board.hostRemove(n1);
    board.hostRemove(other);
    await vi.waitFor(() => expect(deletedMap(b.doc).has(n1)).toBe(true), { timeout: 10_000 });
    // Only notes the session knows are recorded; any other item removed is none of its business.
    expect(deletedMap(a.doc).has(other)).toBe(false);
  });

  it('follows the board’s sync setting, and finds the Miro session again on the way back', async () => {
    const board = standIn();
    const [a, b] = [await join(board, 'u1'), await join(board, 'u2')];
    startSession(a.doc, { userId: 'u1' });
    await vi.waitFor(() => expect(facilitatorOf(b.doc)).toBe('u1'), { timeout: 10_000 });
    let changes = 0;
    b.subscribe(() => changes++);

    // No token in this stand-in: server mode cannot sign in, and says so (offline, fresh doc).
    await a.setSync({ mode: 'server', url: 'ws://127.0.0.1:9' });
    expect(board.storageValue(SYNC_COLLECTION, SYNC_KEY)?.value).toEqual({ mode: 'server', url: 'ws://127.0.0.1:9' });
    await vi.waitFor(() => expect(b.sync).toEqual({ mode: 'server', url: 'ws://127.0.0.1:9' }), { timeout: 10_000 });
    expect([a.status, b.status]).toEqual(['offline', 'offline']);
    expect([a.signInFailed, b.signInFailed]).toEqual([true, true]);
    expect(facilitatorOf(b.doc)).toBeNull();
    expect(changes).toBeGreaterThan(0);

    await a.setSync({ mode: 'miro' });
    await vi.waitFor(() => expect(b.sync).toEqual({ mode: 'miro' }), { timeout: 10_000 });
    await b.transport.whenSynced();
    await vi.waitFor(() => expect(facilitatorOf(b.doc)).toBe('u1'), { timeout: 15_000 });
  });

  it('moving to a sync server, the facilitator’s panel closes an open vote first: Miro’s copy has it closed with every vote', async () => {
    const board = standIn();
    const [a, b] = [await join(board, 'u1'), await join(board, 'u2')];
    startSession(a.doc, { userId: 'u1' });
    const notes = [sticky(board, 'u2', 'Too many meetings', 0), sticky(board, 'u2', 'No time', 300)];
    const r = createRound(a.doc, { userId: 'u1' }, { question: 'What first?', scope: { kind: 'selection' }, targets: notes, anonymity: 'named', visibility: 'live', k: 1 });
    if (!r.ok) throw new Error(r.message);
    openRound(a.doc, { userId: 'u1' }, { roundId: r.value.roundId });
    await vi.waitFor(() => expect(getRound(b.doc, r.value.roundId)?.status).toBe('open'), { timeout: 10_000 });
    expect(castVote(b.doc, { roundId: r.value.roundId, ballotKey: 'u2', targetId: notes[0]! }).ok).toBe(true);
    await vi.waitFor(() => expect(readBallotMap(a.doc, r.value.roundId)?.size).toBe(1), { timeout: 10_000 });

    await a.setSync({ mode: 'server', url: 'ws://127.0.0.1:9' });
    await vi.waitFor(() => expect(b.sync).toEqual({ mode: 'server', url: 'ws://127.0.0.1:9' }), { timeout: 10_000 });
    await a.setSync({ mode: 'miro' });
    await vi.waitFor(() => expect(b.sync).toEqual({ mode: 'miro' }), { timeout: 10_000 });
    for (const s of [a, b]) {
      await s.transport.whenSynced();
      await vi.waitFor(() => expect(getRound(s.doc, r.value.roundId)?.status).toBe('closed'), { timeout: 15_000 });
      const t = tally(s.doc, r.value.roundId);
      expect(t.visible && t.rows.find((x) => x.targetId === notes[0])?.votes).toBe(1);
    }
  });

  it('offers what people wrote, on the board or on one inserted template, never the template’s own cards', async () => {
    const board = standIn();
    const a = await join(board, 'u1');
    const port = new WebSdkBoard(board.sdkFor('u1'));
    const inserted = await port.insertLayout(layoutTemplate(getTemplate('safe-unsafe-team'), 'en', { x: 0, y: 0 }), { at: { x: 0, y: 0 }, zoom: false });
    const cards = board.items().filter((i) => i.type === 'sticky_note').map((i) => i.id);
    expect(cards.length).toBeGreaterThan(0); // the template brings sticky cards of its own
    const frame = board.item(inserted.frameId)!;
    const inside = board.hostCreate('u1', 'sticky_note', { content: '<p>We say it aloud</p>', x: 200, y: frame.absolute.height - 200 }, { parentId: inserted.frameId }).id;
    const outside = sticky(board, 'u1', 'Elsewhere', frame.absolute.x + frame.absolute.width + 1000);
    expect(await a.actions.templatesOnBoard()).toEqual({ ok: true, value: ['safe-unsafe-team'] });
    expect(await ids(a, { template: 'safe-unsafe-team' })).toEqual([inside]);
    expect(new Set(await ids(a, 'notes'))).toEqual(new Set([inside, outside]));
    expect(await ids(a, { template: 'takeaways' })).toEqual([]);
  });
});
