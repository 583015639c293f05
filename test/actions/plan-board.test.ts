/**
 * The plan on the P-IGLO board (issue 12), on the stand-in: accepted initiatives become rows in
 * their layers, edits in the panel update the row in place, a layer that needs more rows grows
 * and moves what is below it (inside the frame and on the board), and a row's sticky edited on
 * the board reaches the plan.
 */
import { describe, expect, it } from 'vitest';
import { follow } from '../../src/actions/follow-plan.js';
import { applyBoardEdit, perform as syncPlan } from '../../src/actions/plan-board.js';
import { perform as editPlan } from '../../src/actions/edit-plan.js';
import { bindTemplateActions } from '../../src/actions/template-actions.js';
import { perform as roundTargets } from '../../src/actions/round-targets.js';
import { perform as startSession } from '../../src/actions/start-session.js';
import { contains, overlaps, type Rect } from '../../src/core/geometry.js';
import { PLAN_ROW_STEP } from '../../src/core/layout/plan-rows.js';
import { listPlan } from '../../src/core/session/plan.js';
import type { PlanLayer } from '../../src/core/session/schema.js';
import type { StandInBoard } from '../../sandbox/host/stand-in.js';
import { workshop, type Person } from './harness.js';

/** Inserting a template and drawing rows take a while on a busy machine. */
const POLL = { timeout: 10_000 };
const text = (html: string) => html.replace(/<[^>]+>/g, '');

/** The P-IGLO frame and what is in it, as the stand-in holds it. */
function board(standIn: StandInBoard) {
  const frame = standIn.items().find((i) => i.type === 'frame' && i.title === 'P-IGLO-indsatsplan')!;
  const children = standIn.items().filter((i) => i.parentId === frame.id);
  const stickies = children.filter((i) => i.type === 'sticky_note');
  const byText = (t: string) => stickies.filter((s) => text(s.content) === t);
  return { frame, children, stickies, byText };
}

async function add(fac: Person, layer: PlanLayer, t: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await editPlan(fac.ctx, { op: 'add', layer, text: t, ...extra });
  if (!r.ok) throw new Error(r.error.code);
  return (r.value as { initiativeId: string }).initiativeId;
}

async function setUp() {
  const w = workshop();
  await startSession(w.fac.ctx);
  const inserted = await bindTemplateActions({ board: w.fac.board }).insertTemplate({ templateId: 'p-iglo', lang: 'da' });
  if (!inserted.ok) throw new Error(inserted.error.code);
  return w;
}

/** The template's rows area of a layer, where the stand-in drew it (absolute). */
function rowsArea(standIn: StandInBoard, layer: PlanLayer): Rect {
  const { children } = board(standIn);
  const band = children.filter((c) => c.type === 'shape' && c.style.fillColor === '#ffffff' && c.style.borderColor === '#cbd2d9');
  return band.sort((a, b) => a.absolute.y - b.absolute.y)[['P', 'O', 'L', 'G', 'I'].indexOf(layer)]!.absolute;
}

describe('the plan on the P-IGLO board', () => {
  it('draws accepted initiatives as rows in their layers and updates a row in place', async () => {
    const { standIn, fac } = await setUp();
    // An empty plan draws nothing (and loads nothing of the board's part).
    expect(await syncPlan(fac.ctx)).toEqual({ ok: true, value: null });
    await add(fac, 'P', 'Aftale med direktionen om pressen', { owner: 'Fie', deadline: '2026-03-01', preparedness: true, followUpDate: '2026-06-01', followUpMethod: 'Status på ledermødet' });
    const g = await add(fac, 'G', 'Fast tjek-ind hver mandag');
    const out = await syncPlan(fac.ctx);
    expect(out).toEqual({ ok: true, value: { frameId: board(standIn).frame.id, created: 10, updated: 0, removed: 0, grown: 0, moved: 0 } });
    const b = board(standIn);
    const row = ['Aftale med direktionen om pressen', 'Fie', '2026-03-01', 'Ja', '2026-06-01 · Status på ledermødet'].map((t) => b.byText(t)[0]!);
    // One row, side by side, left to right, in P's rows area; G's in G's.
    expect(new Set(row.map((s) => s.absolute.y)).size).toBe(1);
    expect(row.map((s) => s.absolute.x)).toEqual([...row.map((s) => s.absolute.x)].sort((x, y) => x - y));
    for (const s of row) expect(contains(rowsArea(standIn, 'P'), s.absolute)).toBe(true);
    expect(contains(rowsArea(standIn, 'G'), b.byText('Fast tjek-ind hver mandag')[0]!.absolute)).toBe(true);
    expect(b.byText('Nej')).toHaveLength(1);

    // Editing in the panel: the same sticky says the new words; nothing else is touched.
    const before = b.byText('Fast tjek-ind hver mandag')[0]!.id;
    await editPlan(fac.ctx, { op: 'edit', id: g, patch: { owner: 'Anne', text: 'Tjek-ind hver mandag kl. 9' } });
    expect(await syncPlan(fac.ctx)).toMatchObject({ ok: true, value: { created: 0, updated: 2, removed: 0 } });
    expect(board(standIn).byText('Tjek-ind hver mandag kl. 9')[0]!.id).toBe(before);
    expect(board(standIn).byText('Anne')).toHaveLength(1);
    // Unchanged: nothing written.
    expect(await syncPlan(fac.ctx, { key: '' })).toMatchObject({ ok: true, value: { created: 0, updated: 0, removed: 0 } });

    // A draft waits until it is accepted; removing takes the row away.
    await editPlan(fac.ctx, { op: 'remove', id: g });
    expect(await syncPlan(fac.ctx)).toMatchObject({ ok: true, value: { created: 0, removed: 5 } });
    expect(board(standIn).stickies).toHaveLength(5);
  });

  it('grows a layer that needs more rows, moving what is below it in the frame and on the board, and gives the room back', async () => {
    const { standIn, fac, anne } = await setUp();
    const { frame } = board(standIn);
    // Someone's sticky under the frame, and one beside it: the one below must move, the other not.
    const below = standIn.hostCreate('u-anne', 'sticky_note', { content: '<p>under</p>', x: frame.absolute.x + 300, y: frame.absolute.y + frame.height + 400, width: 200 });
    const beside = standIn.hostCreate('u-anne', 'sticky_note', { content: '<p>beside</p>', x: frame.absolute.x + frame.width + 800, y: frame.absolute.y + frame.height + 400, width: 200 });
    const areaO = rowsArea(standIn, 'O');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push(await add(fac, 'P', `Indsats ${i + 1}`));
    const out = await syncPlan(fac.ctx);
    // Seven rows are four lines of two; the area had room for two lines.
    expect(out).toMatchObject({ ok: true, value: { created: 35, grown: 2 * PLAN_ROW_STEP, moved: 1 } });
    const b = board(standIn);
    expect(b.frame.height).toBe(frame.height + 2 * PLAN_ROW_STEP);
    expect(rowsArea(standIn, 'O').y).toBe(areaO.y + 2 * PLAN_ROW_STEP);
    expect(standIn.item(below.id)!.absolute.y).toBe(below.absolute.y + 2 * PLAN_ROW_STEP);
    expect(standIn.item(beside.id)!.absolute.y).toBe(beside.absolute.y);
    // Everything inside the frame, every row in P's area, and no sticky over another or over a text.
    for (const c of b.children) expect(contains(b.frame.absolute, c.absolute, 0.5), c.id).toBe(true);
    const p = rowsArea(standIn, 'P');
    for (const s of b.stickies) expect(contains(p, s.absolute, 0.5)).toBe(true);
    const solid = b.children.filter((c) => c.type === 'sticky_note' || c.type === 'text');
    for (const x of solid) for (const y of solid) if (x !== y) expect(overlaps(x.absolute, y.absolute), `${text(x.content)} / ${text(y.content)}`).toBe(false);
    expect(overlaps(standIn.item(below.id)!.absolute, b.frame.absolute)).toBe(false);

    // Back to four: the frame shrinks to its size; the sticky below stays where it went.
    for (const id of ids.slice(4)) await editPlan(fac.ctx, { op: 'remove', id });
    expect(await syncPlan(fac.ctx)).toMatchObject({ ok: true, value: { removed: 15, grown: -2 * PLAN_ROW_STEP } });
    expect(board(standIn).frame.height).toBe(frame.height);
    expect(rowsArea(standIn, 'O').y).toBe(areaO.y);

    // The rows are ours: a round over the P-IGLO template does not vote on them.
    const targets = await roundTargets(fac.ctx, { set: { template: 'p-iglo' } });
    expect(targets).toEqual({ ok: true, value: { ids: [], privateLeftOut: 0 } });
    expect(listPlan(anne.doc)).toHaveLength(4);
  });

  it('draws nothing without a P-IGLO frame, and draws the plan into one as soon as it is inserted', async () => {
    const { standIn, fac } = workshop();
    await startSession(fac.ctx);
    await add(fac, 'O', 'Fælles sprog for pres');
    expect(await syncPlan(fac.ctx)).toEqual({ ok: true, value: { frameId: null, created: 0, updated: 0, removed: 0, grown: 0, moved: 0 } });
    const synced: unknown[] = [];
    const stop = follow(fac.ctx, { debounceMs: 5, onSync: (r) => synced.push(r) });
    // Its first sync finds no frame; the insertion then draws.
    await expect.poll(() => synced, POLL).toEqual([{ ok: true, value: { frameId: null, created: 0, updated: 0, removed: 0, grown: 0, moved: 0 } }]);
    await bindTemplateActions({ board: fac.board }).insertTemplate({ templateId: 'p-iglo', lang: 'da' });
    await expect.poll(() => board(standIn).byText('Fælles sprog for pres'), POLL).toHaveLength(1);
    expect(contains(rowsArea(standIn, 'O'), board(standIn).byText('Fælles sprog for pres')[0]!.absolute)).toBe(true);
    stop();
  });

  it('takes a row’s sticky edited on the board into the plan, and draws back what does not read', async () => {
    const { standIn, fac, anne } = await setUp();
    const id = await add(fac, 'L', 'Sparring i ledergruppen', { owner: 'Fie' });
    const edits: string[] = [];
    // No onSync here: the follower draws without anyone listening (an app's panel gives none).
    const stop = follow(fac.ctx, { debounceMs: 5, onEdit: (e, r) => edits.push(`${e.cell}:${r.ok ? r.value : r.error.code}`) });
    await expect.poll(() => board(standIn).byText('Sparring i ledergruppen'), POLL).toHaveLength(1);
    const cell = (t: string) => board(standIn).byText(t)[0]!.id;

    standIn.hostUpdate(cell('Sparring i ledergruppen'), { content: '<p>Sparring hver anden uge</p>' });
    standIn.hostUpdate(cell('Fie'), { content: '<p>Anne og Fie</p>' });
    standIn.hostUpdate(cell('Nej'), { content: '<p>ja</p>' });
    await expect.poll(() => listPlan(anne.doc)[0], POLL).toMatchObject({ text: 'Sparring hver anden uge', owner: 'Anne og Fie', preparedness: true });
    // "ja" is drawn as the plan says it.
    await expect.poll(() => board(standIn).byText('Ja'), POLL).toHaveLength(1);
    standIn.hostUpdate(board(standIn).stickies.find((s) => text(s.content) === '')!.id, { content: '<p>1.3.2026</p>' });
    await expect.poll(() => listPlan(anne.doc)[0], POLL).toMatchObject({ deadline: '2026-03-01' });
    await expect.poll(() => board(standIn).byText('2026-03-01'), POLL).toHaveLength(1);
    // A preparedness that reads as nothing changes nothing and is drawn back.
    standIn.hostUpdate(cell('Ja'), { content: '<p>måske</p>' });
    await expect.poll(() => board(standIn).byText('Ja'), POLL).toHaveLength(1);
    expect(listPlan(anne.doc)[0]).toMatchObject({ preparedness: true });
    expect(edits).toContain('preparedness:redraw');
    // Only the facilitator's edits count.
    expect(await applyBoardEdit(anne.ctx, { initiativeId: id, cell: 'owner', text: 'x', patch: { owner: 'x' } })).toEqual({ ok: true, value: 'unchanged' });
    expect(listPlan(anne.doc)[0]!.owner).toBe('Anne og Fie');
    stop();
  });
});
