/**
 * A round over the deck's own items where they are areas, not cards: the eight areas of »Det vi
 * ikke taler nok om« (zones whose source is one of the deck's items) are targets, found by our
 * marker on every copy; "Other" and the question zones of other templates are not. Downstream:
 * the vote list names and groups them, a vote on one counts, the plan drafts from its name, its
 * badge sits inside the area's lower corner (never over its label, never over a note in it), and a deleted area counts no more.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { perform as roundTargets, type TargetSet } from '../../src/actions/round-targets.js';
import { perform as locateTargets } from '../../src/actions/locate-targets.js';
import { perform as markDeleted } from '../../src/actions/mark-deleted.js';
import { perform as voteSelection } from '../../src/actions/vote-selection.js';
import { perform as draftPlan } from '../../src/actions/draft-plan.js';
import { HostView } from '../../src/app/host-view.js';
import { contentText } from '../../src/board/content-text.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import type { WebSdkSessionBoard } from '../../src/board/session-board.js';
import { contains, overlaps } from '../../src/core/geometry.js';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { castVote, createRound, openRound, revealRound, startSession, tally } from '../../src/core/session/index.js';
import { listPlan } from '../../src/core/session/plan.js';
import { getTemplate, TEMPLATES } from '../../src/core/template/catalogue.js';
import type { TemplateId } from '../../src/core/template/types.js';
import { deckItemIds } from '../../src/core/template/zones.js';
import { roundScopes } from '../../src/ui/round-scopes.js';
import { contextFor } from './harness.js';

const AREAS = ['area-a1', 'area-a2', 'area-a3', 'area-a4', 'area-a5', 'area-a6', 'area-a7', 'area-a8'];

async function world() {
  const board = new StandInBoard({ latencyMs: 1 });
  board.addUser({ id: 'u1', name: 'Ann' });
  const sdk = board.sdkFor('u1');
  const port = new WebSdkBoard(sdk);
  const doc = new Y.Doc();
  const { ctx } = contextFor(sdk, doc, 'u1', { port, lang: 'en' });
  const insert = (id: TemplateId, at: { x: number; y: number }) => port.insertLayout(layoutTemplate(getTemplate(id), 'en', at), { at, zoom: false });
  const ids = async (set: TargetSet) => {
    const r = await roundTargets(ctx, { set });
    if (!r.ok) throw new Error(r.error.code);
    return r.value.ids;
  };
  return { board, port, doc, ctx, insert, ids };
}

describe('the deck’s items, by the rule', () => {
  it('are the seed cards and the zones that are one of the deck’s items; question zones and places to write are not', () => {
    const items = Object.fromEntries(TEMPLATES.map((t) => [t.id, [...deckItemIds(t)]]));
    expect(items['not-talked-about']).toEqual(AREAS);
    expect(items['strain-protection']).toEqual(['strain-b1', 'strain-b2', 'strain-b3', 'strain-b4', 'strain-b5', 'protection-p1', 'protection-p2', 'protection-p3', 'protection-p4', 'protection-p5', 'protection-p6']);
    expect(items['safe-unsafe-team']).toHaveLength(16); // the behaviours, not their "Our examples"
    expect(items['warning-signs']).toHaveLength(14);
    for (const none of ['preparedness', 'practice', 'p-iglo', 'takeaways', 'plate', 'emotions', 'special-about-the-job']) expect(items[none], none).toEqual([]);
    // The round form offers the deck's items where there are some, in both languages.
    const offered = (lang: 'da' | 'en') => roundScopes(lang, ['not-talked-about', 'preparedness']).filter((o) => o.scope.kind === 'cards');
    expect(offered('en').map((o) => [o.group, o.label])).toEqual([['What we do not talk about enough', 'The deck’s own items (its cards and areas)']]);
    expect(offered('da').map((o) => o.label)).toEqual(['Oplæggets egne punkter (kort og felter)']);
  });
});

describe('a round over the eight areas of »Det vi ikke taler nok om«', () => {
  it('targets the area shapes of every copy, not people’s stickies nor "Other"; named, grouped, voted, badged beside their labels', async () => {
    const { board, port, doc, ctx, insert, ids } = await world();
    const first = await insert('not-talked-about', { x: 0, y: 0 });
    const second = await insert('not-talked-about', { x: 0, y: 4000 });
    await insert('preparedness', { x: 5000, y: 0 });
    const a1 = board.absoluteRect(first.ids['area-a1']!);
    const mine = board.hostCreate('u1', 'sticky_note', { content: '<p>Nobody asks</p>', x: a1.x + a1.width - 150, y: a1.y + a1.height - 130, width: 200 }, {}).id;

    const got = await ids({ template: 'not-talked-about', cards: true });
    const shapes = [...AREAS.map((a) => first.ids[a]!), ...AREAS.map((a) => second.ids[a]!)];
    // In the deck's order, copy by copy.
    expect(got).toEqual(first.insertionId < second.insertionId ? shapes : [...shapes.slice(8), ...shapes.slice(0, 8)]);
    expect(got).not.toContain(mine);
    expect(got).not.toContain(first.ids['area-other']);
    for (const id of got) expect(board.item(id)!.type).toBe('shape');
    // The zone scope still means the stickies in the area, not the area itself.
    expect(await ids({ template: 'not-talked-about', zone: 'area-a1' })).toEqual([mine]);
    expect(await ids({ template: 'preparedness', cards: true })).toEqual([]);

    // The vote list's names are the areas' labels; they are grouped under their template.
    const texts = await port.getTexts(got);
    expect(texts.find((x) => x.id === first.ids['area-a1'])).toBeDefined();
    expect(contentText(texts.find((x) => x.id === first.ids['area-a8'])!.content)).toBe('Workload and time pressure');
    const places = await locateTargets(ctx, { ids: got });
    if (!places.ok) throw new Error(places.error.code);
    for (const id of got) expect(places.value[id]).toEqual({ template: 'not-talked-about', zone: null });

    // The panel's names for what the doc refers to, read from the board as the doc changes.
    const view = new HostView(port, () => undefined);
    const unfollow = view.follow(doc);
    startSession(doc, ctx.actor);
    const made = createRound(doc, ctx.actor, { question: 'What do we talk about too little?', scope: { kind: 'cards', templateId: 'not-talked-about' }, targets: [...got], anonymity: 'named', visibility: 'live', k: 1, budget: 5, cap: 3 });
    if (!made.ok) throw new Error(made.message);
    const roundId = made.value.roundId;
    openRound(doc, ctx.actor, { roundId });
    for (const [voter, id] of [['v1', first.ids['area-a1']!], ['v2', first.ids['area-a1']!], ['v1', first.ids['area-a8']!]] as const) {
      expect(castVote(doc, { roundId, ballotKey: voter, targetId: id }).ok).toBe(true);
    }
    revealRound(doc, ctx.actor, { roundId });
    const t = tally(doc, roundId);
    if (!t.visible) throw new Error('hidden');
    expect(t.rows.filter((r) => r.votes > 0).map((r) => [r.targetId, r.votes])).toEqual([[first.ids['area-a1'], 2], [first.ids['area-a8'], 1]]);

    // The vote list's and the plan's words for an area are its label on the board (a shape, not a note).
    await vi.waitFor(() => expect(view.labels[first.ids['area-a8']!]).toBe('Workload and time pressure'), { timeout: 5_000 });
    unfollow();
    view.stop();
    expect(await draftPlan(ctx, { roundId, count: 2, layer: 'G', texts: { ...view.labels } })).toMatchObject({ ok: true });
    expect(listPlan(doc).map((i) => [i.problem, i.sourceTarget])).toEqual([['Cross-pressures and paradoxes', first.ids['area-a1']], ['Workload and time pressure', first.ids['area-a8']]]);

    // Badges inside each area's lower corner: never over its label (the top), never over a note.
    const out = await (ctx.board as WebSdkSessionBoard).syncBadges(t, []);
    expect(out.created).toBe(2);
    for (const area of ['area-a1', 'area-a8']) {
      const zone = board.absoluteRect(first.ids[area]!);
      const badge = board.item(out.badges[first.ids[area]!]!)!.absolute;
      expect(contains(zone, badge, 1e-6), area).toBe(true);
      expect(badge.y, area).toBeGreaterThan(zone.y + zone.height / 2);
      for (const n of board.items().filter((i) => i.type === 'sticky_note')) expect(overlaps(badge, board.absoluteRect(n.id))).toBe(false);
    }
    // The note in a1's lower right corner sends its badge to the lower left.
    expect(board.item(out.badges[first.ids['area-a1']!]!)!.absolute.x).toBeLessThan(a1.x + a1.width / 2);

    // An area deleted from the board counts no more.
    const gone = await markDeleted(ctx, { ids: [first.ids['area-a8']!] });
    expect(gone).toEqual({ ok: true, value: { marked: [first.ids['area-a8']] } });
    const after = tally(doc, roundId);
    expect(after.visible && after.rows.filter((r) => r.votes > 0).map((r) => r.targetId)).toEqual([first.ids['area-a1']]);
  });
});

describe('a vote for the selection over the deck’s areas', () => {
  it('takes an area selected on the board; a note or text selected with it is told as not a target; the panel counts what is selected', async () => {
    const { board, doc, ctx, insert, ids } = await world();
    const first = await insert('not-talked-about', { x: 0, y: 0 });
    const areas = await ids({ template: 'not-talked-about', cards: true });
    const note = board.hostCreate('u1', 'sticky_note', { content: '<p>Elsewhere</p>', x: 6000, y: 0, width: 200 }, {}).id;
    const view = new HostView(ctx.board, () => undefined);
    const unwatch = await view.watch(ctx.host);
    startSession(doc, ctx.actor);
    const made = createRound(doc, ctx.actor, { question: 'Which?', scope: { kind: 'cards', templateId: 'not-talked-about' }, targets: [...areas], anonymity: 'named', visibility: 'live', k: 1, budget: 5, cap: 3 });
    if (!made.ok) throw new Error(made.message);
    openRound(doc, ctx.actor, { roundId: made.value.roundId });

    board.setSelection('u1', [first.ids['area-a2']!, note, first.ids['title']!]);
    await vi.waitFor(() => expect(view.selected).toHaveLength(3), { timeout: 5_000 });
    expect(view.selection).toEqual([note]); // grouping still takes notes only
    expect(view.labels[first.ids['area-a2']!]).toBe('Emotional demands');
    const out = await voteSelection(ctx, { roundId: made.value.roundId });
    expect(out.ok && { cast: out.value.cast, notTargets: out.value.notTargets }).toEqual({ cast: [first.ids['area-a2']], notTargets: 2 });
    unwatch();
  });
});
