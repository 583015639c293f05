/**
 * Round scopes over one zone of a template, and the plate's privacy, against the sandbox's
 * stand-in for Miro: a zone gives exactly the stickies people put in it (on every copy of the
 * template), never the template's own cards nor a neighbouring zone's notes; notes on the
 * plate are never a target (notes, selection, template or zone) and are never grouped.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import type { ActionContext } from '../../src/actions/context.js';
import { perform as roundTargets, type ScopeTargets, type TargetSet } from '../../src/actions/round-targets.js';
import { perform as group } from '../../src/actions/group.js';
import { contextFor } from './harness.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import { centreIn, type Rect } from '../../src/core/geometry.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { listClusters, readCommand, readRound, startSession } from '../../src/core/session/index.js';
import { perform as createRound } from '../../src/actions/create-round.js';
import { getTemplate } from '../../src/core/template/catalogue.js';
import type { TemplateId, ZoneElement } from '../../src/core/template/types.js';
import { isPrivateTemplate, voteableZones } from '../../src/core/template/zones.js';
import { failureText } from '../../src/ui/session/failure-text.js';

async function world() {
  const board = new StandInBoard({ latencyMs: 1 });
  board.addUser({ id: 'u1', name: 'Ann' });
  const sdk = board.sdkFor('u1');
  const port = new WebSdkBoard(sdk);
  const session = contextFor(sdk, new Y.Doc(), 'u1', { port }).ctx;
  const insert = async (id: TemplateId, at: { x: number; y: number }) =>
    port.insertLayout(layoutTemplate(getTemplate(id), 'en', at), { at, zoom: false });
  return { board, sdk, port, session, insert };
}

const zoneOf = (id: TemplateId, zoneId: string) => getTemplate(id).elements.find((e): e is ZoneElement => e.kind === 'zone' && e.id === zoneId)!;

/** A person's sticky centred at `at` from the top-left of `frameId` (a child of it), or at an absolute point. */
function write(board: StandInBoard, text: string, at: { x: number; y: number }, frameId?: string): string {
  const origin = frameId ? board.item(frameId)!.absolute : { x: 0, y: 0 };
  const props = { content: `<p>${text}</p>`, x: origin.x + at.x, y: origin.y + at.y, width: 160 };
  return board.hostCreate('u1', 'sticky_note', props, frameId ? { parentId: frameId } : {}).id;
}

/** What the round-targets action reads for `set`: the ids, and how many were left out as private. */
async function targetsOf(ctx: ActionContext, set: TargetSet): Promise<ScopeTargets> {
  const r = await roundTargets(ctx, { set });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}
const ids = async (ctx: ActionContext, set: TargetSet) => (await targetsOf(ctx, set)).ids;

describe('a round over one zone', () => {
  it('targets exactly the stickies people put in that zone, on every copy of the template; not its cards, not the zone next door', async () => {
    const { board, session, insert } = await world();
    const first = await insert('warning-signs', { x: 0, y: 0 });
    const second = await insert('warning-signs', { x: 0, y: 3000 });
    const individual = zoneOf('warning-signs', 'individual');
    // The zone holds nine of the deck's signs: seed cards, marked as ours.
    const cardsInZone = board.items().filter((i) => i.type === 'sticky_note' && i.parentId === first.frameId && centreIn(board.absoluteRect(first.ids['individual']!), i.absolute));
    expect(cardsInZone.length).toBe(9);

    const mine = write(board, 'We skip lunch', { x: 1900, y: 760 }, first.frameId);
    const onCopy = write(board, 'Short emails', { x: 1900, y: 760 }, second.frameId);
    // Not a child of the frame, but laid over the zone: where it lies is what counts.
    const laidOver = write(board, 'Late nights', { x: individual.x + 150, y: 3000 + individual.y + 150 });
    const nextDoor = write(board, 'Silo talk', { x: 2000, y: 1200 }, first.frameId);
    const otherZone = write(board, 'We notice it', { x: 2600, y: 500 }, first.frameId);
    const offBoard = write(board, 'Elsewhere', { x: 9000, y: 0 });
    for (const [id, inside] of [[mine, true], [onCopy, true], [nextDoor, false], [otherZone, false]] as const) {
      const zone = board.absoluteRect((id === onCopy ? second : first).ids['individual']!);
      expect(centreIn(zone, board.absoluteRect(id)), id).toBe(inside);
    }

    expect(new Set(await ids(session, { template: 'warning-signs', zone: 'individual' }))).toEqual(new Set([mine, onCopy, laidOver]));
    expect(await ids(session, { template: 'warning-signs', zone: 'group' })).toEqual([nextDoor]);
    expect(await ids(session, { template: 'warning-signs', zone: 'what-we-see' })).toEqual([otherZone]);
    expect(await ids(session, { template: 'warning-signs', zone: 'how-we-talk' })).toEqual([]);
    // The whole template: what people wrote on its frames (children), never its cards.
    expect(new Set(await ids(session, { template: 'warning-signs' }))).toEqual(new Set([mine, onCopy, nextDoor, otherZone]));
    expect(await ids(session, 'notes')).toContain(offBoard);
  });

  it('a note centred on the edge between two touching zones counts in one of them, never both', () => {
    const upper: Rect = { x: 0, y: 0, width: 400, height: 300 };
    const lower: Rect = { x: 0, y: 300, width: 400, height: 300 };
    const right: Rect = { x: 400, y: 0, width: 400, height: 300 };
    for (const note of [{ x: 100, y: 250, width: 100, height: 100 }, { x: 350, y: 100, width: 100, height: 100 }, { x: 350, y: 50, width: 100, height: 100 }]) {
      expect([upper, lower, right].filter((z) => centreIn(z, note))).toHaveLength(1);
    }
  });
});

describe('a round over a template’s own cards (the deck’s items)', () => {
  it('targets exactly the seed cards of every copy of the template, never what people wrote; a round over them is created and checked', async () => {
    const { board, session, insert } = await world();
    const first = await insert('safe-unsafe-team', { x: 0, y: 0 });
    const second = await insert('safe-unsafe-team', { x: 0, y: 4000 });
    await insert('warning-signs', { x: 6000, y: 0 });
    const mine = write(board, 'We interrupt each other', { x: 400, y: 400 }, first.frameId);
    const cardsOf = (frameId: string) => board.items().filter((i) => i.type === 'sticky_note' && i.parentId === frameId && i.id !== mine).map((i) => i.id);
    expect(cardsOf(first.frameId)).toHaveLength(16);
    const got = await ids(session, { template: 'safe-unsafe-team', cards: true });
    expect(new Set(got)).toEqual(new Set([...cardsOf(first.frameId), ...cardsOf(second.frameId)]));
    expect(got).not.toContain(mine);
    // A template with no cards of its own offers none; the plate never does.
    expect(await ids(session, { template: 'not-talked-about', cards: true })).toEqual([]);
    expect(await ids(session, { template: 'plate', cards: true })).toEqual([]);

    startSession(session.doc, session.actor);
    const made = await createRound(session, { round: { question: 'Which behaviours are ours?', scope: { kind: 'cards', templateId: 'safe-unsafe-team' } }, targets: { template: 'safe-unsafe-team', cards: true } });
    if (!made.ok) throw new Error(made.error.code);
    const round = readRound(session.doc, made.value.roundId)!;
    expect(round.scope).toEqual({ kind: 'cards', templateId: 'safe-unsafe-team' });
    expect(new Set(round.targets)).toEqual(new Set(got));
    expect(readCommand({ type: 'create-round', round: { question: 'q', scope: { kind: 'cards', templateId: 'warning-signs' }, targets: got.slice(0, 2) } }, 1)).not.toBeNull();
    expect(readCommand({ type: 'create-round', round: { question: 'q', scope: { kind: 'cards', templateId: 'warning-signs', zoneId: 'x' }, targets: [] } }, 1)).toBeNull();
  });
});

describe('the plate is private', () => {
  it('its notes are never targets: not among the notes, not in the selection, not as a template or a zone', async () => {
    const { board, session, insert } = await world();
    const plate = await insert('plate', { x: 0, y: 0 });
    const frame = board.item(plate.frameId)!.absolute;
    const place = zoneOf('plate', 'shared');
    const onPlate = write(board, 'Family dinners', { x: place.x + place.width / 2, y: place.y + place.height / 2 }, plate.frameId);
    // Laid over the plate without being attached to its frame: still private.
    const overPlate = write(board, 'Running', { x: frame.x + frame.width - 300, y: frame.y + frame.height - 300 });
    expect(board.item(overPlate)!.parentId).toBeNull();
    const shared = write(board, 'Too many meetings', { x: frame.x + frame.width + 2000, y: 0 });

    expect(await ids(session, 'notes')).toEqual([shared]);
    expect(await targetsOf(session, { template: 'plate' })).toEqual({ ids: [], privateLeftOut: 0 });
    expect((await ids(session, { template: 'plate', zone: 'shared' }))).toEqual([]);

    board.setSelection('u1', [onPlate, overPlate]);
    expect(await targetsOf(session, 'selection')).toEqual({ ids: [], privateLeftOut: 2 });
    board.setSelection('u1', [onPlate, shared]);
    expect(await targetsOf(session, 'selection')).toEqual({ ids: [shared], privateLeftOut: 1 });
    // Nothing on the plate is offered as a scope at all.
    expect(isPrivateTemplate('plate')).toBe(true);
    expect(voteableZones(getTemplate('plate'), 'da')).toEqual([]);
  });

  it('grouping notes on the plate is refused in Danish and English, and nothing moves', async () => {
    const { board, sdk, port, insert } = await world();
    const plate = await insert('plate', { x: 0, y: 0 });
    const frame = board.item(plate.frameId)!.absolute;
    const onPlate = write(board, 'Family dinners', { x: 400, y: 700 }, plate.frameId);
    const overPlate = write(board, 'Running', { x: frame.x + 1000, y: frame.y + 1200 });
    const a = write(board, 'Too many meetings', { x: frame.x + frame.width + 1000, y: 0 });
    const b = write(board, 'No time', { x: frame.x + frame.width + 1400, y: 0 });
    const doc = new Y.Doc();
    const { ctx } = contextFor(sdk, doc, 'u1', { port, lang: 'en' });
    startSession(doc, ctx.actor);
    const before = board.items().map((i) => [i.id, i.absolute]);

    for (const selection of [[onPlate, a], [overPlate], [onPlate, overPlate]]) {
      board.setSelection('u1', selection);
      expect(await group(ctx, { label: 'Mine' })).toEqual({ ok: false, error: { code: 'private' } });
    }
    // The refusal in words, both languages.
    expect(failureText('en', { code: 'private' }, {}, 'cluster.error.board')).toMatch(/plate are never grouped or voted on \(they are still visible/);
    expect(failureText('da', { code: 'private' }, {}, 'cluster.error.board')).toMatch(/tallerkenen samles aldrig i temaer.*kan stadig ses/);
    expect(listClusters(doc)).toEqual([]);
    expect(board.items().map((i) => [i.id, i.absolute])).toEqual(before);

    // Notes off the plate still group.
    board.setSelection('u1', [a, b]);
    const out = await group(ctx, { label: 'Workload' });
    expect(listClusters(doc).map((c) => c.notes)).toEqual([[a, b].sort()]);
    expect(out.ok && out.value.noteIds).toEqual([a, b]);
  });
});
