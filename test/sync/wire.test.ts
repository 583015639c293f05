import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { decodeBase64, decodeFrame, encodeFrame, FrameKind, parseEnvelope, Reassembler, splitFrame, type Frame } from '../../src/sync/wire.js';
import { deleteSetOf, dsContains, svMin } from '../../src/sync/state.js';

const frame = (messages: Uint8Array[]): Frame => ({
  kind: FrameKind.request, reqId: 'r1', replyTo: ['a', 'b'], sv: new Uint8Array([1, 2, 3]), digest: 'abc', messages,
});

describe('wire: frames and chunks', () => {
  it('round-trips frames through chunks of any size, in any order, with duplicates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { maxLength: 6 }),
        fc.integer({ min: 300, max: 4000 }),
        fc.integer({ min: 0, max: 1000 }),
        (messages, limit, shuffleSeed) => {
          const bytes = encodeFrame(frame(messages));
          const chunks = splitFrame(bytes, 7, 'key', limit);
          for (const c of chunks) expect(JSON.stringify(c).length).toBeLessThanOrEqual(limit);
          const order = [...chunks, ...chunks.slice(0, 1)].sort((a, b) => ((a.i * 7919 + shuffleSeed) % 13) - ((b.i * 7919 + shuffleSeed) % 13));
          const r = new Reassembler(10_000);
          const out = order.map((c) => r.accept(parseEnvelope(JSON.parse(JSON.stringify(c)), limit) as never, 0)).filter((x) => x);
          expect(out).toHaveLength(1); // the duplicate neither completes a second copy nor breaks it
          expect(decodeFrame(out[0]!)).toEqual(frame(messages));
        },
      ),
    );
  });

  it('a lost chunk loses only its own frame, and the partial frame expires', () => {
    const r = new Reassembler(5_000);
    const big = splitFrame(encodeFrame(frame([new Uint8Array(5000).fill(1)])), 7, 'big', 1000);
    const small = splitFrame(encodeFrame(frame([new Uint8Array([9])])), 7, 'small', 1000);
    expect(big.length).toBeGreaterThan(3);
    const got = [...big.slice(0, 2), ...big.slice(3), ...small].map((c) => r.accept(c, 0)).filter((x) => x);
    expect(got).toHaveLength(1);
    expect(decodeFrame(got[0]!).messages).toEqual([new Uint8Array([9])]);
    expect(r.pendingFrames).toBe(1);
    expect(r.expire(6_000)).toBe(1);
    expect(r.pendingFrames).toBe(0);
  });

  it('rejects garbage: bad shapes, bad base64, corrupt or truncated frames', () => {
    for (const bad of [null, [], 'x', { v: 1 }, { v: 1, s: 1, k: 'k', i: 2, n: 2, d: '' }, { v: 1, s: 1.5, k: 'k', i: 0, n: 1, d: '' }]) {
      expect(typeof parseEnvelope(bad, 1000)).toBe('string');
    }
    expect(() => decodeBase64('ab$d')).toThrow();
    expect(() => decodeBase64('abc')).toThrow();
    const bytes = encodeFrame(frame([new Uint8Array([1, 2])]));
    expect(() => decodeFrame(bytes.subarray(0, bytes.length - 1))).toThrow();
    const flipped = bytes.slice();
    flipped[10] = flipped[10]! ^ 1;
    expect(() => decodeFrame(flipped)).toThrow(/checksum/);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (junk) => void expect(() => decodeFrame(junk)).toThrow()));
  });
});

describe('state comparison', () => {
  it('dsContains sees a delete the other replica lacks', () => {
    const a = new Y.Doc();
    a.getArray('x').insert(0, [1, 2, 3, 4]);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    a.getArray('x').delete(1, 2);
    expect(dsContains(deleteSetOf(a), deleteSetOf(b))).toBe(true);
    expect(dsContains(deleteSetOf(b), deleteSetOf(a))).toBe(false);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(dsContains(deleteSetOf(b), deleteSetOf(a))).toBe(true);
  });

  it('svMin is the componentwise minimum', () => {
    expect(svMin([new Map([[1, 5], [2, 3]]), new Map([[1, 2]])])).toEqual(new Map([[1, 2]]));
  });
});
