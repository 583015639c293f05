import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ALLOWED_CONTENT_TAGS, MAX_CONTENT_CHARS, STICKY_ASPECT, STICKY_COLOURS,
} from '../../src/core/miro-rules.js';
import { boardWith, refusedWith } from './helpers.js';

function setup() {
  const board = boardWith();
  return { board, miro: board.sdkFor('u1') };
}

describe('sticky notes', () => {
  it('accepts each of the 16 colours', async () => {
    const { board, miro } = setup();
    for (const fillColor of STICKY_COLOURS) {
      const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0, style: { fillColor } });
      expect(s.style.fillColor).toBe(fillColor);
    }
    expect(board.items()).toHaveLength(16);
  });

  it('refuses a colour outside the 16, and creates nothing', async () => {
    const { board, miro } = setup();
    for (const bad of ['purple', '#ffff00', 'Yellow', 'light-yellow', '']) {
      const err = await refusedWith(
        miro.board.createStickyNote({ content: 'x', x: 0, y: 0, style: { fillColor: bad as never } }),
        'INVALID_STICKY_COLOR',
      );
      expect(err.message).toContain('fillColor');
    }
    expect(board.items()).toHaveLength(0);
  });

  it('refuses width and height both set', async () => {
    const { miro } = setup();
    await refusedWith(miro.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 200, height: 228 }), 'INVALID_STICKY_SIZE');
  });

  it('derives height from width, or width from height, by the shape aspect', async () => {
    const { miro } = setup();
    const sq = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 199 });
    expect(sq.height).toBeCloseTo(199 * STICKY_ASPECT.square);
    const rect = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0, shape: 'rectangle', height: 228 });
    expect(rect.width).toBeCloseTo(228 / STICKY_ASPECT.rectangle);
    const dflt = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    expect(dflt.width * STICKY_ASPECT.square).toBeCloseTo(dflt.height);
  });

  it('on sync, a width change moves the height with it; changing both inconsistently is refused', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0, width: 100 });
    s.width = 300;
    await s.sync();
    expect(s.height).toBeCloseTo(300 * STICKY_ASPECT.square);
    s.width = 200;
    s.height = 50;
    await refusedWith(s.sync(), 'INVALID_STICKY_SIZE');
  });
});

describe('content', () => {
  it(`accepts ${MAX_CONTENT_CHARS} characters and refuses one more`, async () => {
    const { miro } = setup();
    const ok = 'a'.repeat(MAX_CONTENT_CHARS);
    await expect(miro.board.createStickyNote({ content: ok, x: 0, y: 0 })).resolves.toBeTruthy();
    await refusedWith(miro.board.createStickyNote({ content: ok + 'a', x: 0, y: 0 }), 'CONTENT_TOO_LONG');
    await refusedWith(miro.board.createShape({ content: ok + 'a', x: 0, y: 0, width: 100, height: 100 }), 'CONTENT_TOO_LONG');
    await refusedWith(miro.board.createText({ content: ok + 'a', x: 0, y: 0 }), 'CONTENT_TOO_LONG');
  });

  it('accepts every allowed tag', async () => {
    const { miro } = setup();
    for (const tag of ALLOWED_CONTENT_TAGS) {
      const content = tag === 'br' ? 'a<br>b<br/>c' : tag === 'a' ? '<a href="https://example.org">x</a>' : `<${tag}>x</${tag}>`;
      await expect(miro.board.createStickyNote({ content, x: 0, y: 0 })).resolves.toBeTruthy();
    }
  });

  it('refuses tags Miro would strip, in stickies, shapes and text', async () => {
    const { board, miro } = setup();
    for (const content of ['<div>x</div>', '<span style="color:red">x</span>', '<script>alert(1)</script>', '<p>ok</p><img src="x">', '<h1>t</h1>', '<!-- c -->x']) {
      await refusedWith(miro.board.createStickyNote({ content, x: 0, y: 0 }), 'CONTENT_TAG_NOT_ALLOWED');
      await refusedWith(miro.board.createShape({ content, x: 0, y: 0, width: 50, height: 50 }), 'CONTENT_TAG_NOT_ALLOWED');
      await refusedWith(miro.board.createText({ content, x: 0, y: 0 }), 'CONTENT_TAG_NOT_ALLOWED');
    }
    expect(board.items()).toHaveLength(0);
  });

  it('plain text with angle brackets that are not tags is fine', async () => {
    const { miro } = setup();
    await expect(miro.board.createStickyNote({ content: '1 < 2 and 3 > 2', x: 0, y: 0 })).resolves.toBeTruthy();
  });

  it('property: content is accepted exactly when it is short enough and uses only allowed tags', async () => {
    const { miro } = setup();
    const tags = [...ALLOWED_CONTENT_TAGS, 'div', 'span', 'img', 'h2', 'table'];
    const piece = fc.oneof(
      fc.string({ maxLength: 20 }).map((s) => s.replace(/[<>]/g, '')),
      fc.constantFrom(...tags).map((t) => `<${t}>`),
      fc.constantFrom(...tags).map((t) => `</${t}>`),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 12 }), fc.boolean(), async (pieces, long) => {
        const content = pieces.join('') + (long ? 'x'.repeat(MAX_CONTENT_CHARS) : '');
        const badTag = pieces.some((p) => /^<\/?(div|span|img|h2|table)>$/.test(p));
        const tooLong = content.length > MAX_CONTENT_CHARS;
        const result = await miro.board.createStickyNote({ content, x: 0, y: 0 }).then(() => 'ok', (e: { code: string }) => e.code);
        expect(result).toBe(tooLong ? 'CONTENT_TOO_LONG' : badTag ? 'CONTENT_TAG_NOT_ALLOWED' : 'ok');
      }),
      { numRuns: 150 },
    );
  });
});

describe('frames and shapes', () => {
  it('accepts a 100x100 frame and refuses anything smaller', async () => {
    const { miro } = setup();
    await expect(miro.board.createFrame({ x: 0, y: 0, width: 100, height: 100 })).resolves.toBeTruthy();
    await refusedWith(miro.board.createFrame({ x: 0, y: 0, width: 99, height: 100 }), 'FRAME_TOO_SMALL');
    await refusedWith(miro.board.createFrame({ x: 0, y: 0, width: 100, height: 99.5 }), 'FRAME_TOO_SMALL');
  });

  it('refuses shrinking a frame under 100 on sync', async () => {
    const { miro } = setup();
    const f = await miro.board.createFrame({ x: 0, y: 0, width: 300, height: 300 });
    f.width = 50;
    await refusedWith(f.sync(), 'FRAME_TOO_SMALL');
  });

  it('accepts hex fills (and transparent) and refuses other shape fills', async () => {
    const { miro } = setup();
    for (const fillColor of ['#A1b2C3', '#000000', 'transparent']) {
      await expect(miro.board.createShape({ x: 0, y: 0, width: 50, height: 50, style: { fillColor } })).resolves.toBeTruthy();
    }
    for (const fillColor of ['red', '#fff', '#12345g', 'rgb(0,0,0)', 'light_yellow']) {
      await refusedWith(miro.board.createShape({ x: 0, y: 0, width: 50, height: 50, style: { fillColor } }), 'INVALID_COLOR');
    }
  });

  it('refuses an unknown shape name', async () => {
    const { miro } = setup();
    await refusedWith(miro.board.createShape({ x: 0, y: 0, width: 50, height: 50, shape: 'blob' as never }), 'INVALID_SHAPE');
  });

  it('refuses a child outside its frame on add (and accepts one exactly on the edge)', async () => {
    const { board, miro } = setup();
    const f = await miro.board.createFrame({ x: 0, y: 0, width: 400, height: 400 }); // -200..200
    const edge = await miro.board.createShape({ x: 150, y: 150, width: 100, height: 100 }); // 100..200
    await expect(f.add(edge)).resolves.toBe(edge);
    const half = await miro.board.createShape({ x: 190, y: 0, width: 100, height: 100 }); // 140..240
    const err = await refusedWith(f.add(half), 'CHILD_OUTSIDE_FRAME');
    expect(err.message).toMatch(/inside the frame/);
    expect(board.item(half.id)?.parentId).toBeNull();
    const far = await miro.board.createStickyNote({ content: 'x', x: 1000, y: 1000 });
    await refusedWith(f.add(far), 'CHILD_OUTSIDE_FRAME');
  });
});

describe('metadata', () => {
  it('accepts key+value up to 256 bytes and refuses 257', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    // JSON.stringify({k: "<v>"}) = {"k":"…"} is 8 bytes of overhead.
    await expect(s.setMetadata('k', 'v'.repeat(256 - 8))).resolves.toBeTruthy();
    const err = await refusedWith(s.setMetadata('k', 'v'.repeat(257 - 8)), 'METADATA_TOO_LARGE');
    expect(err.message).toContain('256');
    expect(await s.getMetadata('k')).toBe('v'.repeat(248));
  });

  it('counts bytes, not characters', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    await refusedWith(s.setMetadata('k', 'æ'.repeat(130)), 'METADATA_TOO_LARGE'); // 260 bytes of value
  });

  it('refuses app data over 512 bytes across keys', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    await s.setMetadata('a', 'x'.repeat(200));
    await s.setMetadata('b', 'x'.repeat(200));
    await refusedWith(s.setMetadata('c', 'x'.repeat(200)), 'APP_DATA_TOO_LARGE');
    await expect(s.setMetadata('c', 'x'.repeat(50))).resolves.toBeTruthy();
  });

  it('refuses values that are not JSON', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    await refusedWith(s.setMetadata('k', new Date() as never), 'NOT_JSON');
  });
});

describe('unknown and removed items', () => {
  it('refuses an unknown id', async () => {
    const { miro } = setup();
    const err = await refusedWith(miro.board.getById('3458764999999999999'), 'ITEM_NOT_FOUND');
    expect(err.message).toContain('not found');
  });

  it('refuses calls on a removed item', async () => {
    const { miro } = setup();
    const s = await miro.board.createStickyNote({ content: 'x', x: 0, y: 0 });
    await miro.board.remove(s);
    await refusedWith(s.sync(), 'ITEM_REMOVED');
    await refusedWith(s.setMetadata('k', 1), 'ITEM_REMOVED');
    await refusedWith(s.getMetadata('k'), 'ITEM_REMOVED');
    await refusedWith(miro.board.getById(s.id), 'ITEM_REMOVED');
    await refusedWith(miro.board.remove(s), 'ITEM_REMOVED');
    expect(await miro.board.get({ id: s.id })).toEqual([]);
  });

  it('refuses an unknown prop rather than ignoring it', async () => {
    const { miro } = setup();
    await refusedWith(miro.board.createStickyNote({ content: 'x', x: 0, y: 0, colour: 'red' } as never), 'INVALID_ARGUMENT');
    await refusedWith(miro.board.createStickyNote({ content: 'x', x: Number.NaN, y: 0 }), 'INVALID_ARGUMENT');
  });
});
