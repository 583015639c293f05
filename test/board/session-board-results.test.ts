/** The session board link's results frame: beside the template, replacing the round's earlier one, all or nothing. */
import { describe, expect, it } from 'vitest';
import { contentText } from '../../src/board/session-board.js';
import { contains, overlaps } from '../../src/core/geometry.js';
import { castVote, createRound, tally } from '../../src/core/session/index.js';
import type { StandInBoard } from '../../sandbox/host/stand-in.js';
import { smallLayout } from './stand-in-setup.js';
import { actor, caught, group, markerOf, ours, round, stickies, USER, world } from './session-board-support.js';
import { boardErrorText } from '../../src/ui/i18n/board-words.js';

describe('results frame', () => {
  async function revealed() {
    const w = world();
    const t = await w.board.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    const ids = stickies(w.host, ['Mere sparring', 'Faste pauser', 'Walk & talk', 'Tid til refleksion'], { x: 0, y: 2000 });
    const roundId = round(w.doc, ids, { v1: [ids[0]!, ids[0]!, ids[1]!], v2: [ids[0]!, ids[2]!], v3: [ids[1]!, ids[2]!] });
    return { ...w, t, ids, roundId };
  }
  const texts = (host: StandInBoard, frameId: string) => host.items().filter((i) => i.parentId === frameId && i.type === 'text').map((i) => contentText(i.content));

  it('writes the question, ranked bars, date and n of N beside the template; a second show replaces the first', async () => {
    const { host, link, doc, t, ids, roundId } = await revealed();
    const meta = { question: 'Hvad skal vi tale mere om?', eligible: 5, date: new Date(2026, 10, 27, 12), besideTemplate: 'practice' as const };
    const first = await link.showResults(roundId, tally(doc, roundId), meta);
    const frame = host.item(first.frameId)!;
    expect(frame.type).toBe('frame');
    expect(frame.absolute.x).toBeGreaterThan(t.frame.x + t.frame.width);
    expect(overlaps(frame.absolute, t.frame)).toBe(false);
    expect(frame.absolute.y).toBe(t.frame.y); // beside it, top to top
    expect(markerOf(host, first.frameId)).toEqual({ k: 'results', r: roundId, e: 'frame', v: 1 });
    const txt = texts(host, first.frameId);
    expect(txt).toEqual(expect.arrayContaining(['Hvad skal vi tale mere om?', '1.', 'Mere sparring', '3', '2. (delt)', 'Faste pauser', 'Walk & talk', '2', '27. november 2026', '3 af 5 har stemt']));
    expect(txt).not.toContain('Tid til refleksion');
    const bars = host.items().filter((i) => i.parentId === first.frameId && i.type === 'shape');
    expect(bars).toHaveLength(3);
    for (const b of bars) expect(contains(frame.absolute, b.absolute, 1e-6)).toBe(true);
    expect(bars[1]!.width / bars[0]!.width).toBeCloseTo(2 / 3, 6);

    // More votes, show again: one frame, in the same place, with the new numbers.
    castVote(doc, { roundId, ballotKey: 'v4', targetId: ids[3]! });
    const second = await link.showResults(roundId, tally(doc, roundId), { ...meta, lang: 'en' });
    expect(second.replaced).toBe(1);
    expect(host.item(first.frameId)).toBeUndefined();
    const frames = ours(host, (m) => m.k === 'results').filter((i) => i.type === 'frame');
    expect(frames.map((f) => f.id)).toEqual([second.frameId]);
    expect(host.item(second.frameId)!.absolute).toMatchObject({ x: frame.absolute.x, y: frame.absolute.y });
    expect(texts(host, second.frameId)).toEqual(expect.arrayContaining(['4 of 5 voted', 'Tid til refleksion', '1st', 'tied 2nd']));
    // Nothing of the first frame is left.
    expect(host.items().filter((i) => i.parentId === first.frameId)).toEqual([]);
    expect(await link.hideResults(roundId)).toBe(1);
    expect(ours(host)).toEqual([]);
  });

  it('a refusal halfway through leaves nothing behind, and an earlier frame stays as it was', async () => {
    const { host, link, doc, roundId } = await revealed();
    const meta = { question: 'Q?', eligible: 3, zoom: false };
    const first = await link.showResults(roundId, tally(doc, roundId), meta);
    const before = host.items().map((i) => i.id);
    let n = 0;
    host.failWhen((call) => call.method === 'board.createShape' && ++n === 2);
    const err = await caught(link.showResults(roundId, tally(doc, roundId), meta));
    expect(err.code).toBe('refused');
    expect(boardErrorText('da', err)).toContain('Boardet er som før');
    expect(host.items().map((i) => i.id)).toEqual(before);
    expect(ours(host, (m) => m.k === 'results').filter((i) => i.type === 'frame').map((f) => f.id)).toEqual([first.frameId]);
  });

  it('names clusters by their label on the board, notes by their text, and never shows n of N with N < n', async () => {
    const { host, link, doc, ctx } = world();
    const ids = stickies(host, ['Pauser', 'a', 'b']);
    host.setSelection(USER, ids.slice(1));
    const g = await group(ctx, 'Sparring i teamet');
    const roundId = round(doc, [ids[0]!, g.clusterId], { v1: [g.clusterId, g.clusterId, ids[0]!], v2: [ids[0]!] });
    const out = await link.showResults(roundId, tally(doc, roundId), { question: 'Q', eligible: 1, lang: 'en', zoom: false });
    expect(texts(host, out.frameId)).toEqual(expect.arrayContaining(['Sparring i teamet', 'Pauser', '2 of 2 voted']));
    const again = await link.showResults(roundId, tally(doc, roundId), { question: 'Q', eligible: 0, labels: { [g.clusterId]: 'Fra doc' }, lang: 'da', zoom: false });
    expect(texts(host, again.frameId)).toEqual(expect.arrayContaining(['Fra doc', '2 har stemt']));
  });

  it('cancelling halfway (abort) removes what was made', async () => {
    const { host, link, doc, roundId } = await revealed();
    const before = host.items().map((i) => i.id);
    host.latencyMs = 2;
    const ac = new AbortController();
    let created = 0;
    host.onChange((c) => c.kind === 'create' && ++created === 5 && ac.abort());
    const err = await caught(link.showResults(roundId, tally(doc, roundId), { question: 'Q?', signal: ac.signal }));
    expect(err.code).toBe('aborted');
    expect(boardErrorText('en', err)).toBe('Cancelled. The board is as it was.');
    expect(host.items().map((i) => i.id)).toEqual(before);
  });

  it('refuses a tally that is not visible', async () => {
    const { link, doc } = world();
    const r = createRound(doc, actor, { question: 'Q', scope: { kind: 'selection' }, targets: ['1'], k: 3 });
    const roundId = r.ok ? r.value.roundId : '';
    const err = await caught(link.showResults(roundId, tally(doc, roundId), { question: 'Q' }));
    expect(err.code).toBe('not-visible');
  });
});
