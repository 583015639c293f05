/** The session board link's markers: they round-trip and are never mistaken for template markers. */
import { describe, expect, it } from 'vitest';
import { decodeLinkMarker, encodeLinkMarker, type LinkMarker } from '../../src/board/link-items.js';
import { decodeMarker } from '../../src/board/marker.js';

describe('link markers', () => {
  it('round-trip, fit item metadata, and are never mistaken for template markers (nor the other way round)', () => {
    const id19 = '3458764000000000001';
    const markers: LinkMarker[] = [
      { k: 'badge', r: 'r1a2b3c4d5e', x: id19, v: 1 },
      { k: 'results', r: 'r1a2b3c4d5e', e: 'participation', v: 1 },
      { k: 'cluster-label', c: 'c1a2b3c4d5e', v: 1 },
    ];
    for (const m of markers) {
      const enc = encodeLinkMarker(m);
      expect(new TextEncoder().encode(JSON.stringify(enc)).length).toBeLessThanOrEqual(256);
      expect(decodeLinkMarker(enc)).toEqual(m);
      expect(decodeMarker(enc)).toBeNull();
    }
    expect(decodeLinkMarker({ t: 'practice', e: 'frame', i: 'abc', v: 1 })).toBeNull();
    expect(decodeLinkMarker({ k: 'badge', r: 'r', v: 1 })).toBeNull();
    expect(() => encodeLinkMarker({ k: 'cluster-label', c: 'x'.repeat(300), v: 1 })).toThrow(RangeError);
  });
});
