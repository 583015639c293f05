import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCall, stackingDependencies } from '../../src/board/convert.js';
import { validateLayout } from '../../src/board/insert.js';
import { InsertionError } from '../../src/board/insertion-error.js';
import { decodeMarker, encodeMarker, markerBytes, newInsertionId } from '../../src/board/marker.js';
import { overlaps } from '../../src/core/geometry.js';
import type { Layout } from '../../src/core/layout/types.js';
import { MAX_METADATA_BYTES } from '../../src/core/miro-rules.js';

describe('PlannedItem → SDK props', () => {
  it('uses centre coordinates, width only for stickies and text, both for shapes and frames', () => {
    const rect = { x: 100, y: 200, width: 300, height: 80 };
    const sticky = createCall({ kind: 'sticky', elementId: 's', rect, content: '<p>Hej</p>', colour: 'yellow', shape: 'rectangle' }, rect);
    expect(sticky).toEqual({ kind: 'sticky', props: { content: '<p>Hej</p>', x: 250, y: 240, width: 300, shape: 'rectangle', style: { fillColor: 'yellow' } } });
    const text = createCall({ kind: 'text', elementId: 't', rect, content: 'T', fontSize: 24, colour: '#000000', align: 'left' }, rect);
    expect(text.props).not.toHaveProperty('height');
    expect(text.props).toMatchObject({ x: 250, y: 240, width: 300 });
    const shape = createCall({ kind: 'shape', elementId: 'z', rect, shape: 'rectangle', content: 'Zone', fill: '#ffffff', textColour: '#111111', fontSize: 14, zone: true }, rect);
    expect(shape.props).toMatchObject({ x: 250, y: 240, width: 300, height: 80, style: { fillColor: '#ffffff', color: '#111111', fontSize: 14 } });
    const label = createCall({ kind: 'shape', elementId: 'z2', rect, shape: 'rectangle', content: 'Zone', fill: '#ffffff', textColour: '#111111', fontSize: 14, zone: true, verticalAlign: 'top' }, rect);
    expect(label.props).toMatchObject({ style: { textAlignVertical: 'top' } });
    expect(shape.props.style).not.toHaveProperty('textAlignVertical');
    const frame = createCall({ kind: 'frame', elementId: 'frame', rect, title: 'F', fill: '#fafafa' }, rect);
    expect(frame.props).toEqual({ title: 'F', x: 250, y: 240, width: 300, height: 80, style: { fillColor: '#fafafa' } });
  });
});

describe('stacking dependencies', () => {
  it('an item waits for exactly the earlier items it overlaps (property)', () => {
    const rect = fc.record({ x: fc.integer({ min: 0, max: 500 }), y: fc.integer({ min: 0, max: 500 }), width: fc.integer({ min: 1, max: 200 }), height: fc.integer({ min: 1, max: 200 }) });
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 30 }), (rects) => {
        const deps = stackingDependencies(rects);
        rects.forEach((r, i) => {
          const expected = rects.slice(0, i).flatMap((q, j) => (overlaps(q, r) ? [j] : []));
          expect(deps[i]).toEqual(expected);
        });
      }),
    );
  });
});

describe('marker', () => {
  it('round-trips and stays within item metadata', () => {
    const m = { t: 'safe-unsafe-team' as const, e: 'unsafe-card-8-examples', i: newInsertionId(), v: 1 as const };
    expect(decodeMarker(encodeMarker(m))).toEqual(m);
    expect(markerBytes(m)).toBeLessThanOrEqual(MAX_METADATA_BYTES);
    expect(decodeMarker({ t: 'x', e: 'y', i: 'z', v: 2 })).toBeNull();
    expect(decodeMarker('tryghed')).toBeNull();
  });

  it('refuses a marker over 256 bytes', () => {
    expect(() => encodeMarker({ t: 'plate', e: 'x'.repeat(240), i: 'abc', v: 1 })).toThrow(RangeError);
  });
});

function layoutOf(children: Layout['items']): Layout {
  const frame = { x: 0, y: 0, width: 1000, height: 800 };
  return { templateId: 'practice', lang: 'da', frame, items: [{ kind: 'frame', elementId: 'frame', rect: frame, title: 'F', fill: '#ffffff' }, ...children], zones: [] };
}

describe('validateLayout', () => {
  const text = (elementId: string, x: number) => ({ kind: 'text' as const, elementId, rect: { x, y: 10, width: 100, height: 30 }, content: 'T', fontSize: 14, colour: '#000000', align: 'left' as const });
  it('accepts a frame with children inside it', () => {
    expect(() => validateLayout(layoutOf([text('a', 10), text('b', 200)]), 'ins1')).not.toThrow();
  });
  it.each([
    ['a child outside the frame', layoutOf([text('a', 950)]), 'a'],
    ['a duplicate element id', layoutOf([text('a', 10), text('a', 200)]), 'a'],
    ['an element id too long for the marker', layoutOf([text('x'.repeat(240), 10)]), 'x'.repeat(240)],
  ])('rejects %s as invalid-layout before any call', (_, layout, element) => {
    const err = (() => {
      try {
        validateLayout(layout, 'ins1');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(InsertionError);
    expect(err).toMatchObject({ code: 'invalid-layout', phase: 'validate', elementId: element });
  });
});
