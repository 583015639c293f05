/**
 * The item index (src/board/item-index.ts) over the stand-in host: built once per panel from
 * one board read and the stored insertion records, then kept current from the board's events,
 * so what others create, move and delete is seen without reading the board again.
 */
import { describe, expect, it } from 'vitest';
import { StandInBoard } from '../../sandbox/host/stand-in.js';
import { insertLayoutItems } from '../../src/board/insert.js';
import { ITEMS_COLLECTION } from '../../src/board/item-index.js';
import { MARKER_KEY, type TryghedMarker } from '../../src/board/marker.js';
import { WebSdkBoard } from '../../src/board/web-sdk-board.js';
import { mulberry32 } from '../../src/core/random.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';
import { smallLayout } from './stand-in-setup.js';

const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);
const tick = () => new Promise((r) => setTimeout(r, 0));

function boardOf(seed: number) {
  const host = new StandInBoard({ seed, latencyMs: 1, jitterMs: 2 });
  for (const id of ['fac', 'p', 'q']) host.addUser({ id, name: id });
  const panel = (user: string) => new WebSdkBoard(host.sdkFor(user), { retry: { baseMs: 1, maxMs: 4 } });
  const calls = (user: string) => (host.stats().creditsByUser[user] ?? 0) / 50;
  return { host, panel, calls };
}

/** What the board holds: stickies (absolute rects) and our items (by the metadata on them). */
function truth(host: StandInBoard) {
  const marker = (id: string) => host.item(id)?.metadata[host.appId]?.[MARKER_KEY] as TryghedMarker | undefined;
  const notes = host.items().filter((i) => i.type === 'sticky_note').map((i) => ({ id: i.id, rect: i.absolute, parentId: i.parentId }));
  const ours = host.items().filter((i) => {
    const m = marker(i.id);
    if (!m) return false;
    if (i.type === 'frame') return true;
    return i.parentId !== null && marker(i.parentId)?.i === m.i; // a seed card dragged out of its frame no longer counts
  });
  return { notes: sortById(notes), ours: ours.map((i) => i.id).sort() };
}

const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('ItemIndex', () => {
  it.each(SEEDS)('seed %i: a panel\'s index sees items created, moved and deleted by others', async (seed) => {
    const { host, panel, calls } = boardOf(seed);
    const rng = mulberry32(seed);
    const fac = panel('fac');
    await fac.insertLayout(smallLayout({ x: 0, y: 0 }), { at: { x: 0, y: 0 }, zoom: false });
    await fac.insertLayout(smallLayout({ x: 2000, y: 0 }), { at: { x: 2000, y: 0 }, zoom: false });
    const p = panel('p');
    const view = async () => ({
      notes: sortById((await p.getNotes()).map((n) => ({ id: n.id, rect: n.rect, parentId: n.parentId }))),
      ours: (await p.findByMarker()).map((m) => m.id).sort(),
    });
    expect(await view()).toEqual(truth(host));
    const built = calls('p');
    expect(built).toBeLessThanOrEqual(1 + TEMPLATES.length); // one board read, one record read per template

    let frames = 2;
    for (let step = 0; step < 25; step++) {
      const stickies = host.items().filter((i) => i.type === 'sticky_note');
      const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;
      const r = rng();
      if (r < 0.35) {
        const inFrame = rng() < 0.5 ? host.items().find((i) => i.type === 'frame') : undefined;
        const x = inFrame ? inFrame.absolute.x + 300 : 5000 + rng() * 1000;
        host.hostCreate('q', 'sticky_note', { content: `<p>n${step}</p>`, x, y: inFrame ? inFrame.absolute.y + 500 : rng() * 1000 }, inFrame ? { parentId: inFrame.id } : {});
      } else if (r < 0.65 && stickies.length > 0) {
        host.hostMove([pick(stickies).id], (rng() - 0.5) * 3000, (rng() - 0.5) * 1500); // into, out of or within a frame
      } else if (r < 0.85 && stickies.length > 0) {
        host.hostRemove(pick(stickies).id);
      } else if (r < 0.92) {
        host.hostMove([pick(host.items().filter((i) => i.type === 'frame')).id], 100, 50); // children go along
      } else {
        await panel('fac').insertLayout(smallLayout({ x: 4000 * frames, y: 3000 }), { at: { x: 4000 * frames, y: 3000 }, zoom: false });
        frames++;
      }
      await tick();
      expect(await view()).toEqual(truth(host));
    }
    // A frame that appeared costs its check (metadata, then its record); nothing else reads the board.
    expect(calls('p') - built).toBeLessThanOrEqual(2 * (frames - 2));
  });

  it('insertions made before records: their metadata is read once, and the record written spares the next panel', async () => {
    const { host, panel, calls } = boardOf(1);
    const sdk = host.sdkFor('fac');
    const layout = smallLayout();
    const old = await insertLayoutItems(sdk, panel('fac').gate, layout, { x: 0, y: 0 }, 'legacy1', {});
    host.hostCreate('q', 'sticky_note', { content: '<p>mine</p>', x: 300, y: 600 }, { parentId: old.frameId });
    // Made long ago (before this panel came): the index writes its record.
    let now = 1_000_000;
    const p = new WebSdkBoard(host.sdkFor('p'));
    (p.index as unknown as { now: () => number }).now = () => now;
    now += 1;
    const first = await p.findByMarker({ templateId: 'practice' });
    expect(first.map((m) => m.id).sort()).toEqual(Object.values(old.ids).sort());
    expect(calls('p')).toBeGreaterThan(layout.items.length); // one metadata read per child
    expect(host.storageValue(ITEMS_COLLECTION, 'practice')).toBeDefined();

    const q = panel('q');
    const before = calls('q');
    const again = await q.findByMarker({ templateId: 'practice' });
    expect(again.map((m) => m.id).sort()).toEqual(Object.values(old.ids).sort());
    expect(calls('q') - before).toBeLessThanOrEqual(1 + TEMPLATES.length);
    const notes = (await q.getNotes()).map((n) => n.id);
    expect(notes).toHaveLength(layout.items.filter((i) => i.kind === 'sticky').length + 1);
  });

  it('a malformed stored record is no record: the metadata tells', async () => {
    const { host, panel } = boardOf(2);
    const fac = panel('fac');
    const ins = await fac.insertLayout(smallLayout(), { at: { x: 0, y: 0 }, zoom: false });
    await host.sdkFor('fac').board.storage.collection(ITEMS_COLLECTION).set('practice', { v: 1, ins: { [ins.insertionId]: { f: 42, ids: 'nope' } } });
    const p = panel('p');
    expect((await p.findByMarker()).map((m) => m.id).sort()).toEqual(Object.values(ins.ids).sort());
  });
});
