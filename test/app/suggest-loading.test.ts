/**
 * The theme-suggestion engine is a chunk of its own, loaded by a dynamic import only: its
 * text packages and lexicon load when someone asks for suggestions, never with the first
 * paint; the suggestion panel itself comes with the Group tab, not as the session opens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPanel, closure, firstPaint, packagesIn, withOnDemand, withSession } from '../../scripts/panel-chunks.js';

let panel: Awaited<ReturnType<typeof buildPanel>>;

beforeAll(async () => {
  panel = await buildPanel();
}, 120_000);

const has = (chunks: { moduleIds: string[] }[], end: string) => chunks.some((c) => c.moduleIds.some((id) => id.endsWith(end)));

describe('the suggestion engine in the panel build', () => {
  it('loads on request only: a chunk of its own that nothing imports statically, not in the first paint', () => {
    const first = firstPaint(panel);
    expect([...packagesIn(first)].filter((p) => p.startsWith('@orama/'))).toEqual([]);
    expect(has(first, '/src/suggest/engine.ts')).toBe(false);
    const all = closure(panel.chunks, panel.entry, () => true);
    const engine = all.filter((c) => has([c], '/src/suggest/engine.ts'));
    expect(engine).toHaveLength(1);
    expect(engine[0]!.facadeModuleId?.endsWith('/src/suggest/index.ts')).toBe(true);
    // Its text packages are in it and nowhere else; no chunk imports it statically.
    expect(all.filter((c) => packagesIn([c]).has('@orama/stemmers')).map((c) => c.fileName)).toEqual([engine[0]!.fileName]);
    expect(all.filter((c) => c.imports.includes(engine[0]!.fileName))).toEqual([]);
    expect(all.filter((c) => c.dynamicImports.includes(engine[0]!.fileName)).length).toBeGreaterThan(0);
    // The panel that asks for it comes with its tab, after the session opened.
    expect(has(withSession(panel), '/src/ui/session/suggest-panel.ts')).toBe(false);
    expect(has(withOnDemand(panel), '/src/ui/session/suggest-panel.ts')).toBe(true);
  });
});
