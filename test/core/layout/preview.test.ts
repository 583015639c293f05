import { describe, expect, it } from 'vitest';
import { layoutTemplate } from '../../../src/core/layout/layout.js';
import { previewOf, STICKY_HEX } from '../../../src/core/layout/preview.js';
import { HEX_COLOUR, STICKY_COLOURS } from '../../../src/core/miro-rules.js';
import { TEMPLATES } from '../../../src/core/template/catalogue.js';

describe('previewOf', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s: scaled into the box, one rect per item', (_, t) => {
    const layout = layoutTemplate(t, 'da', { x: 5000, y: -300 });
    const p = previewOf(layout, 240, 160);
    expect(p.width).toBeLessThanOrEqual(240);
    expect(p.height).toBeLessThanOrEqual(160);
    expect(Math.max(p.width / 240, p.height / 160)).toBeCloseTo(1, 2); // fills one side
    expect(p.rects).toHaveLength(layout.items.length);
    expect(p.rects[0]).toMatchObject({ kind: 'frame', x: 0, y: 0 });
    for (const r of p.rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.x + r.width).toBeLessThanOrEqual(p.width + 0.02);
      expect(r.y + r.height).toBeLessThanOrEqual(p.height + 0.02);
      expect(r.fill).toMatch(HEX_COLOUR);
    }
    expect(p.rects.filter((r) => r.kind === 'zone')).toHaveLength(layout.zones.length);
  });

  it('knows a screen colour for every sticky colour', () => {
    for (const c of STICKY_COLOURS) expect(STICKY_HEX[c]).toMatch(HEX_COLOUR);
  });
});
