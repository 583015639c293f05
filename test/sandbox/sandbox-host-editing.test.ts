/**
 * A person editing the board through the stand-in (what the sandbox page does on double-click,
 * drag and delete): stickies made inside a frame, moves that re-parent like Miro, and the
 * events the app instances get for them; and the page's editing logic over it (board-editing.ts,
 * the band and keyboard order of board-gestures.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BoardEditing, textToContent } from '../../sandbox/page/board-editing.js';
import { itemsInBand, readingOrder } from '../../sandbox/page/board-gestures.js';
import type { Push } from '../../sandbox/host/protocol.js';
import { boardWith } from './helpers.js';

function withPushes(users = ['u1', 'u2']) {
  const board = boardWith(users);
  const pushes: Array<{ user: string; push: Push }> = [];
  for (const u of users) board.connect(u, (push) => pushes.push({ user: u, push }));
  const settle = () => new Promise((r) => setTimeout(r, 0));
  const named = (name: string) => pushes.filter((p) => p.push.channel === 'ui' && 'name' in p.push && p.push.name === name);
  return { board, pushes, settle, named };
}

describe('hostCreate inside a frame', () => {
  it('makes the item a child of the frame at the same place on the board; the app sees it in the frame', async () => {
    const { board, settle, named } = withPushes();
    const frame = board.hostCreate('u1', 'frame', { title: 'F', x: 1000, y: 500, width: 600, height: 400 }); // top-left (700, 300)
    const sticky = board.hostCreate('u2', 'sticky_note', { content: '<p>hej</p>', x: 800, y: 400 }, { parentId: frame.id });
    expect(sticky.parentId).toBe(frame.id);
    expect([sticky.x, sticky.y]).toEqual([100, 100]);
    expect(sticky.absolute.x + sticky.absolute.width / 2).toBeCloseTo(800);
    expect(sticky.createdBy).toBe('u2');
    expect(board.item(frame.id)!.parentId).toBeNull();
    const miro = board.sdkFor('u1');
    const f = await miro.board.getById(frame.id);
    expect((f as { childrenIds: string[] }).childrenIds).toEqual([sticky.id]);
    await settle();
    const created = named('items:create').map((p) => (p.push as { items: Array<{ id: string; parentId: string | null }> }).items[0]!);
    expect(created.find((i) => i.id === sticky.id)?.parentId).toBe(frame.id);
  });

  it('refuses a parent that is not a frame, and creates nothing', () => {
    const { board } = withPushes();
    const a = board.hostCreate('u1', 'sticky_note', { content: 'a', x: 0, y: 0 });
    expect(() => board.hostCreate('u1', 'sticky_note', { content: 'b', x: 0, y: 0 }, { parentId: a.id })).toThrow(/not a frame/);
    expect(board.items().map((i) => i.id)).toEqual([a.id]);
  });
});

describe('hostMove', () => {
  function setup() {
    const t = withPushes();
    const frame = t.board.hostCreate('u1', 'frame', { title: 'F', x: 1000, y: 500, width: 600, height: 400 });
    const inside = t.board.hostCreate('u1', 'sticky_note', { content: 'in', x: 800, y: 400, width: 100 }, { parentId: frame.id });
    const outside = t.board.hostCreate('u1', 'sticky_note', { content: 'out', x: 0, y: 0, width: 100 });
    return { ...t, frame, inside, outside };
  }
  const centre = (r: { x: number; y: number; width: number; height: number }) => [r.x + r.width / 2, r.y + r.height / 2];

  it('moves a free item by the drag, and it stays free', async () => {
    const { board, outside, settle, named } = setup();
    board.hostMove([outside.id], 30, -20);
    const after = board.item(outside.id)!;
    expect([after.x, after.y, after.parentId]).toEqual([30, -20, null]);
    await settle();
    const updates = named('experimental:items:update');
    expect(updates.length).toBe(2); // one per connected instance
    expect((updates[0]!.push as { items: Array<{ id: string }> }).items.map((i) => i.id)).toEqual([outside.id]);
  });

  it('an item dropped with its centre in a frame becomes its child; dragged out, it leaves', () => {
    const { board, frame, outside } = setup();
    board.hostMove([outside.id], 900, 450); // centre (900, 450): inside the frame
    let s = board.item(outside.id)!;
    expect(s.parentId).toBe(frame.id);
    expect(centre(s.absolute)).toEqual([900, 450]);
    expect([s.x, s.y]).toEqual([200, 150]);
    expect(board.item(frame.id)!.parentId).toBeNull();
    board.hostMove([outside.id], -900, -450);
    s = board.item(outside.id)!;
    expect([s.parentId, s.x, s.y]).toEqual([null, 0, 0]);
  });

  it('the update names the frames whose children changed', async () => {
    const { board, frame, outside, settle, named } = setup();
    board.hostMove([outside.id], 900, 450);
    await settle();
    const ids = (named('experimental:items:update')[0]!.push as { items: Array<{ id: string; childrenIds?: string[] }> }).items;
    expect(ids.map((i) => i.id).sort()).toEqual([frame.id, outside.id].sort());
    expect(ids.find((i) => i.id === frame.id)!.childrenIds).toContain(outside.id);
  });

  it('a dragged frame carries its children; a child dragged with its frame goes along and stays in it', () => {
    const { board, frame, inside } = setup();
    const before = centre(board.item(inside.id)!.absolute);
    board.hostMove([frame.id, inside.id], 100, 50);
    const after = board.item(inside.id)!;
    expect(after.parentId).toBe(frame.id);
    expect([after.x, after.y]).toEqual([100, 100]);
    expect(centre(after.absolute)).toEqual([before[0]! + 100, before[1]! + 50]);
    expect(centre(board.item(frame.id)!.absolute)).toEqual([1100, 550]);
  });

  it('a frame is never put inside another frame by a drag', () => {
    const { board, frame } = setup();
    const small = board.hostCreate('u1', 'frame', { title: 'S', x: -2000, y: 0, width: 200, height: 200 });
    board.hostMove([small.id], 3000, 500);
    expect(board.item(small.id)!.parentId).toBeNull();
    expect(board.item(frame.id)!.parentId).toBeNull();
  });

  it('refuses an unknown or removed id, or a non-finite offset, and moves nothing', () => {
    const { board, outside } = setup();
    const gone = board.hostCreate('u1', 'sticky_note', { content: 'x', x: 5, y: 5 });
    board.hostRemove(gone.id);
    expect(() => board.hostMove([outside.id, gone.id], 10, 10)).toThrow(/removed/);
    expect(() => board.hostMove([outside.id], Number.NaN, 10)).toThrow();
    expect(board.item(outside.id)!.x).toBe(0);
  });
});

describe('selection and deletion by a person', () => {
  it('setSelection reaches only that user\'s instances; removing selected items sends items:delete to everyone', async () => {
    const { board, settle, named } = withPushes();
    const a = board.hostCreate('u2', 'sticky_note', { content: 'a', x: 0, y: 0 });
    const b = board.hostCreate('u2', 'sticky_note', { content: 'b', x: 300, y: 0 });
    board.setSelection('u2', [a.id, b.id]);
    await settle();
    const sel = named('selection:update');
    expect(sel.map((p) => p.user)).toEqual(['u2']);
    expect(await board.sdkFor('u2').board.getSelection().then((items) => items.map((i) => i.id))).toEqual([a.id, b.id]);
    board.hostRemove(a.id);
    await settle();
    expect(board.selectionOf('u2')).toEqual([b.id]);
    expect(named('items:delete').map((p) => p.user).sort()).toEqual(['u1', 'u2']);
  });
});

// The page's editing logic is plain TS over the stand-in: tested here without a browser.

describe('BoardEditing (the sandbox page acting as one participant)', () => {
  function editingBoard() {
    const t = withPushes(['u1', 'u2']);
    const editing = new BoardEditing(t.board, 'u2');
    return { ...t, editing };
  }

  it('writes a sticky as the acting user, inside the frame under the point, and selects it', async () => {
    const { board, editing, settle, named } = editingBoard();
    const frame = board.hostCreate('u1', 'frame', { title: 'F', x: 1000, y: 500, width: 600, height: 400 });
    const inFrame = editing.createSticky('a <b> & c\nline 2', 900, 450);
    expect(inFrame.parentId).toBe(frame.id);
    expect(inFrame.createdBy).toBe('u2');
    expect(inFrame.content).toBe('<p>a &lt;b&gt; &amp; c</p><p>line 2</p>');
    expect(inFrame.style.fillColor).toBe('light_yellow');
    expect(editing.createSticky('free', 0, 0).parentId).toBeNull();
    expect(editing.createSticky('forced out', 900, 450, { frameId: null, colour: 'pink' }).parentId).toBeNull();
    await settle();
    expect(named('selection:update').every((p) => p.user === 'u2')).toBe(true);
    expect(board.selectionOf('u1')).toEqual([]);
  });

  it('toggling the same ids twice gives the selection back; add is a union; replace is exactly the ids', () => {
    const { board, editing } = editingBoard();
    const ids = Array.from({ length: 6 }, (_, i) => board.hostCreate('u1', 'sticky_note', { content: String(i), x: i * 300, y: 0 }).id);
    fc.assert(fc.property(fc.subarray(ids), fc.subarray(ids), (start, flip) => {
      editing.select(start, 'replace');
      expect(editing.selection().sort()).toEqual([...start].sort());
      editing.select(flip, 'toggle');
      const once = new Set(editing.selection());
      for (const id of ids) expect(once.has(id)).toBe(start.includes(id) !== flip.includes(id));
      editing.select(flip, 'toggle');
      expect(editing.selection().sort()).toEqual([...start].sort());
      editing.select(flip, 'add');
      expect(editing.selection().sort()).toEqual([...new Set([...start, ...flip])].sort());
    }));
  });

  it('deleting a selection with a frame and its child removes both without error, and empties the selection', async () => {
    const { board, editing, settle, named } = editingBoard();
    const frame = board.hostCreate('u1', 'frame', { title: 'F', x: 1000, y: 500, width: 600, height: 400 });
    const child = editing.createSticky('in', 900, 450);
    const other = editing.createSticky('out', 0, 0);
    editing.select([frame.id, child.id]);
    expect(editing.deleteSelection()).toEqual([frame.id]);
    expect(board.items().map((i) => i.id)).toEqual([other.id]);
    expect(editing.selection()).toEqual([]);
    await settle();
    expect(named('selection:update').filter((p) => p.user === 'u2').at(-1)!.push).toMatchObject({ items: [] });
  });

  it('textToContent escapes and makes one paragraph per line', () => {
    expect(textToContent('  x"y\r\n<i>z</i>  ')).toBe('<p>x&quot;y</p><p>&lt;i&gt;z&lt;/i&gt;</p>');
  });
});

describe('band and keyboard order', () => {
  it('a band takes what it touches, a frame only when wholly inside; stickies are walked in reading order', () => {
    const { board } = withPushes();
    const frame = board.hostCreate('u1', 'frame', { title: 'F', x: 0, y: 0, width: 400, height: 400 }); // (-200,-200)..(200,200)
    const a = board.hostCreate('u1', 'sticky_note', { content: 'a', x: 500, y: 0, width: 100 });
    const b = board.hostCreate('u1', 'sticky_note', { content: 'b', x: 300, y: 0, width: 100 });
    const c = board.hostCreate('u1', 'sticky_note', { content: 'c', x: 0, y: 400, width: 100 });
    const items = board.items();
    // Crosses the frame's edge and touches b: b only.
    expect(itemsInBand(items, { x: 100, y: -10, width: 300, height: 20 })).toEqual([b.id]);
    // Holds the whole frame (b starts at x 250): the frame.
    expect(itemsInBand(items, { x: -210, y: -210, width: 420, height: 420 })).toEqual([frame.id]);
    expect(readingOrder(items).map((i) => i.id)).toEqual([b.id, a.id, c.id]);
  });
});
