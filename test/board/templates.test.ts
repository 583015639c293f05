import { describe, expect, it } from 'vitest';
import { layoutTemplate } from '../../src/core/layout/layout.js';
import { TEMPLATES } from '../../src/core/template/catalogue.js';
import { LANGS } from '../../src/core/lang.js';
import { expectInserted, setup } from './stand-in-setup.js';

describe('every template inserts into the stand-in exactly as laid out', () => {
  for (const template of TEMPLATES) {
    for (const lang of LANGS) {
      it(`${template.id} (${lang})`, async () => {
        const { host, board } = setup({ latencyMs: 1, jitterMs: 2, seed: template.order });
        const layout = layoutTemplate(template, lang, { x: 0, y: 0 });
        const result = await board.insertLayout(layout);
        expect(host.items().length).toBe(layout.items.length);
        expectInserted(host, layout, result);
        expect(host.stats().rateLimited).toBe(0);
      });
    }
  }
});
