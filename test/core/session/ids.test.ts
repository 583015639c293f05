import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId, packIds, unpackIds } from '../../../src/core/session/ids.js';

describe('ids', () => {
  it('packs 19-digit Miro ids into 8 bytes each and gives every id back', () => {
    const ids = ['3458764511111111111', 'c1x9', '18446744073709551615', '18446744073709551616', '007', '42', ''];
    const p = packIds(ids);
    expect(p.num.byteLength).toBe(3 * 8);
    expect(p.str).toEqual(['c1x9', '18446744073709551616', '007', '']);
    expect(unpackIds(p)).toEqual(['3458764511111111111', '18446744073709551615', '42', 'c1x9', '18446744073709551616', '007', '']);
  });

  it('round-trips any list of ids as a set, decimal ones first', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.bigInt({ min: 0n, max: (1n << 65n) }).map(String), fc.string())), (ids) => {
        const out = unpackIds(packIds(ids));
        expect([...out].sort()).toEqual([...ids].sort());
      }),
    );
  });

  it('new ids are short and distinct', () => {
    const ids = Array.from({ length: 10_000 }, () => newId('c'));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{1,10}$/);
  });
});
