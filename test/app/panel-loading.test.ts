/**
 * The panel loads in two steps (src/app/panel.ts): on a production build, the first paint
 * (the entry and its static imports) carries no Yjs, y-protocols or Hocuspocus; the session
 * in Miro mode brings Yjs but not the Hocuspocus provider, which only server mode loads; the
 * session tabs' panels load when their tab is first shown, not as the session opens.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPanel, closure, firstPaint, onDemandBecause, packagesIn, withOnDemand, withSession, type Chunk } from '../../scripts/panel-chunks.js';

const SESSION_ONLY = ['yjs', 'y-protocols', 'lib0', '@hocuspocus/provider', '@hocuspocus/common'];
let panel: Awaited<ReturnType<typeof buildPanel>>;

beforeAll(async () => {
  panel = await buildPanel();
}, 120_000);

const modules = (chunks: Chunk[]) => chunks.flatMap((c) => c.moduleIds);

describe('the panel build', () => {
  it('paints the templates without Yjs, y-protocols or Hocuspocus', () => {
    const first = firstPaint(panel);
    expect([...packagesIn(first)].filter((p) => SESSION_ONLY.includes(p))).toEqual([]);
    // What the first paint is for: the template list, insertion and the language switch.
    const ids = modules(first);
    for (const m of ['/src/ui/template-list.ts', '/src/board/web-sdk-board.ts', '/src/ui/lang-switch.ts']) {
      expect(ids.some((id) => id.endsWith(m))).toBe(true);
    }
    expect(ids.some((id) => id.endsWith('/src/app/session.ts'))).toBe(false);
    // The list shows the templates' cards, built from the files (vite.config.ts); their content
    // and the insertion's layout load with the first insertion.
    expect(ids.some((id) => id.includes('tryghed-template-index'))).toBe(true);
    for (const m of ['/src/core/template/catalogue.ts', '/src/core/layout/layout.ts', '/templates/opening.json']) {
      expect(ids.some((id) => id.endsWith(m)), m).toBe(false);
    }
  });

  it("loads the templates' content on demand, checked by the build, not with the session", () => {
    const all = modules(withOnDemand(panel));
    // The build checked the templates (vite.config.ts): the schema check is not shipped.
    expect(all.some((id) => id.endsWith('/src/core/template/schema.ts'))).toBe(false);
    expect(all.some((id) => id.endsWith('/src/core/template/checked-catalogue.ts'))).toBe(true);
    const catalogue = withOnDemand(panel).find((c) => c.facadeModuleId?.endsWith('/src/core/template/catalogue.ts'));
    expect(catalogue && onDemandBecause(catalogue)).toMatch(/inserting/);
    expect(modules(closure(panel.chunks, catalogue!)).filter((id) => id.endsWith('.json'))).toHaveLength(12);
    const session = modules(withSession(panel));
    expect(session.some((id) => id.endsWith('/src/core/template/catalogue.ts') || id.endsWith('.json'))).toBe(false);
  });

  it('loads Yjs with the session, and the Hocuspocus provider only in server mode', () => {
    const session = packagesIn(withSession(panel));
    expect(session.has('yjs')).toBe(true);
    expect(session.has('@hocuspocus/provider')).toBe(false);
    // Everything the panel can load (server mode too) does include it: the check above can fail.
    expect(packagesIn(closure(panel.chunks, panel.entry, () => true)).has('@hocuspocus/provider')).toBe(true);
  });

  it('opens the session with presence but without the tabs\' panels, each loaded by its own tab', () => {
    const session = modules(withSession(panel));
    expect(session.some((id) => id.endsWith('/src/ui/session/presence-list.ts'))).toBe(true);
    const all = withOnDemand(panel);
    for (const tag of ['cluster-panel', 'vote-panel', 'facilitator-panel', 'results-panel', 'plan-panel', 'plate-panel', 'suggest-panel']) {
      const file = `/src/ui/session/${tag}.ts`;
      expect(session.some((id) => id.endsWith(file)), file).toBe(false);
      // It is loadable, and it is the facade of a chunk loaded on demand (by its tab).
      expect(all.some((c) => c.facadeModuleId?.endsWith(file) && onDemandBecause(c) !== null), file).toBe(true);
    }
  });

  it("opens the session without the panels' string tables or lib0's environment module", () => {
    const session = modules(withSession(panel));
    // The panels' words come with the first tab (presence and the data notice have their own).
    for (const m of ['/src/ui/i18n/session-en.ts', '/src/ui/i18n/session-da.ts']) expect(session.some((id) => id.endsWith(m)), m).toBe(false);
    expect(modules(withOnDemand(panel)).some((id) => id.endsWith('/src/ui/i18n/session-en.ts'))).toBe(true);
    // Yjs's lib0/environment is the shim (vite.config.ts), not lib0's own with its storage.
    expect(session.some((id) => id.endsWith('/node_modules/lib0/environment.js'))).toBe(false);
    expect(session.some((id) => id.endsWith('/src/vendor/lib0-environment.ts'))).toBe(true);
  });
});
