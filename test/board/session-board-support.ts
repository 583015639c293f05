/**
 * Shared by the session-board tests: a stand-in board with a session link and a doc, stickies
 * scattered on it, our marked items, a round with votes, and the checks the tests repeat.
 */
import { expect } from 'vitest';
import * as Y from 'yjs';
import { BoardLinkError } from '../../src/board/link-items.js';
import { WebSdkSessionBoard } from '../../src/board/session-board.js';
import { decodeLinkMarker, type LinkMarker } from '../../src/board/link-items.js';
import { MARKER_KEY } from '../../src/board/marker.js';
import { contains, overlaps, type Rect } from '../../src/core/geometry.js';
import { castVote, createRound, openRound, startSession } from '../../src/core/session/index.js';
import type { ActionContext } from '../../src/actions/context.js';
import { perform as groupAction, type Grouped } from '../../src/actions/group.js';
import { contextFor } from '../actions/harness.js';
import type { StandInBoard } from '../../sandbox/host/stand-in.js';
import { setup, USER } from './stand-in-setup.js';
import { boardWords } from '../../src/ui/i18n/board-words.js';

export { USER };

export const actor = { userId: USER };

export function world() {
  const { host, sdk, board } = setup();
  const doc = new Y.Doc();
  startSession(doc, actor, { now: 1 });
  const { ctx } = contextFor(sdk, doc, USER, { port: board });
  return { host, sdk, board, link: ctx.board as WebSdkSessionBoard, doc, ctx };
}

/** The selection grouped through the grouping action; a refusal fails the test. */
export async function group(ctx: ActionContext, label?: string): Promise<Grouped> {
  const r = await groupAction(ctx, label === undefined ? {} : { label });
  if (!r.ok) throw new Error(`grouping refused: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Participants' stickies, scattered, top-level. */
export function stickies(host: StandInBoard, texts: string[], at = { x: 0, y: 0 }): string[] {
  const spots = [[0, 0], [520, 60], [140, 430], [640, 380], [300, 180], [900, 0], [900, 400]];
  return texts.map((t, i) => host.hostCreate(USER, 'sticky_note', { content: `<p>${t}</p>`, x: at.x + spots[i]![0]!, y: at.y + spots[i]![1]!, width: 200 }).id);
}

export function ours(host: StandInBoard, which: (m: LinkMarker) => boolean = () => true) {
  return host.items().filter((i) => {
    const m = decodeLinkMarker(i.metadata[host.appId]?.[MARKER_KEY]);
    return m !== null && which(m);
  });
}
export const markerOf = (host: StandInBoard, id: string) => decodeLinkMarker(host.item(id)!.metadata[host.appId]?.[MARKER_KEY]);

export async function caught(p: Promise<unknown>): Promise<BoardLinkError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(BoardLinkError);
    return e as BoardLinkError;
  }
  throw new Error('expected a rejection');
}

export function expectTidy(host: StandInBoard, noteIds: string[], area: Rect, labelId: string) {
  const label = host.absoluteRect(labelId);
  expect(contains(area, label, 1e-6)).toBe(true);
  noteIds.forEach((id, i) => {
    const r = host.absoluteRect(id);
    expect(contains(area, r, 1e-6), id).toBe(true);
    expect(overlaps(r, label)).toBe(false);
    for (const other of noteIds.slice(i + 1)) expect(overlaps(r, host.absoluteRect(other))).toBe(false);
  });
}

/** A live, named round over `targets`, k voters needed; `votes` = per voter, the targets they vote for. */
export function round(doc: Y.Doc, targets: string[], votes: Record<string, string[]>, k = 1) {
  const r = createRound(doc, actor, { question: 'Hvad skal vi tale mere om?', scope: { kind: 'selection' }, targets, anonymity: 'named', visibility: 'live', k, budget: 5, cap: 3 });
  if (!r.ok) throw new Error(r.message);
  const roundId = r.value.roundId;
  openRound(doc, actor, { roundId });
  for (const [voter, ts] of Object.entries(votes)) for (const t of ts) expect(castVote(doc, { roundId, ballotKey: voter, targetId: t }).ok).toBe(true);
  return roundId;
}
