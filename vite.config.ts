import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { cardOf } from './src/core/template/cards.js';
import { loadCatalogue } from './src/core/template/check-catalogue.js';
import { parseTemplateText } from './src/core/template/schema.js';
import type { Preview } from './src/core/layout/preview.js';
import type { Template } from './src/core/template/types.js';

const root = fileURLToPath(new URL('.', import.meta.url));

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/**
 * The panel loads in two steps, so its build has two chunks of its own: `panel` (src/app/panel.ts
 * and what it imports statically: templates, insertion, language) and `session` (what
 * open-session.ts and the shell's session-parts.ts import: Yjs, the transports, the session
 * panels). A few large chunks compress better than many small ones. The headless page's few
 * modules, server mode's client and the sandbox's stand-in keep chunks of their own.
 */
const STEPS: Array<[name: string | null, roots: string[]]> = [
  [null, ['src/app/headless.ts']],
  ['panel', ['src/app/panel.ts']],
  ['session', ['src/app/open-session.ts', 'src/ui/session-parts.ts']],
];

function stepOf(): (id: string, graph: ModuleGraph) => string | null {
  const perBuild = new WeakMap<ModuleGraph, Array<[string | null, Set<string>]>>();
  const reach = (graph: ModuleGraph, roots: string[]) => {
    const seen = new Set<string>();
    const todo = roots.map((r) => resolve(root, r));
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      todo.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
    }
    return seen;
  };
  const entries = new Set(STEPS.flatMap(([, r]) => r.map((f) => resolve(root, f))));
  return (id, graph) => {
    // A step's own entry stays out: its top-level code runs when it is imported, not when
    // another page (the sandbox's client) loads a module it shares with the step.
    if (entries.has(id)) return null;
    let steps = perBuild.get(graph);
    if (!steps) perBuild.set(graph, (steps = STEPS.map(([name, from]) => [name, reach(graph, from)])));
    return steps.find(([, ids]) => ids.has(id))?.[0] ?? null;
  };
}

/**
 * The templates are checked here, as the panel is built or served, not in the browser: the
 * whole catalogue at the start (a broken file fails the build with its JSON path), each file
 * again when it changes; the catalogue's own check (check-catalogue.ts) is then replaced by
 * checked-catalogue.ts, so the first paint does not carry the schema check.
 * The build also puts the list's cards, computed here from the checked files, in the place of
 * template-index.ts (which computes them from the catalogue): the first paint carries no
 * template's content, which loads with the catalogue when needed (lazy-catalogue.ts).
 */
export function checkedTemplates(dir = resolve(root, 'templates')): Plugin {
  const check = resolve(root, 'src/core/template/check-catalogue.ts');
  const index = resolve(root, 'src/core/template/template-index.ts');
  const builtIndex = '\0tryghed-template-index';
  const readCatalogue = (): Template[] => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    return loadCatalogue(Object.fromEntries(files.map((f) => [basename(f, '.json'), JSON.parse(readFileSync(resolve(dir, f), 'utf8'))])));
  };
  let building = false;
  return {
    name: 'tryghed-checked-templates',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build';
    },
    buildStart() {
      readCatalogue();
    },
    transform(code, id) {
      if (id.startsWith(`${dir}/`) && id.endsWith('.json')) parseTemplateText(code, `templates/${basename(id)}`);
      return null;
    },
    async resolveId(source, importer, options) {
      const swaps = source.endsWith('check-catalogue.js') || (building && source.endsWith('template-index.js'));
      if (!importer || !swaps) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (found?.id === check) return resolve(root, 'src/core/template/checked-catalogue.ts');
      return found?.id === index ? builtIndex : null;
    },
    load(id) {
      if (id !== builtIndex) return null;
      const cards = readCatalogue().map((tpl) => cardOf(tpl, (m, e) => this.warn(`${m}: ${String(e)}`)));
      return templateIndexModule(cards);
    },
  };
}

/** template-index.ts as the build writes it: the cards as data, a thumbnail the same in both
 *  languages written once, each rect a call (its field names once, not 400 times). */
export function templateIndexModule(cards: ReturnType<typeof cardOf>[]): string {
  const previews = new Map<string, string>();
  const ref = (p: Preview | undefined): string => {
    if (p === undefined) return 'undefined';
    const rects = p.rects.map((r) => `r(${[r.kind, r.x, r.y, r.width, r.height, r.fill].map((v) => JSON.stringify(v)).join(',')})`);
    const code = `{ width: ${p.width}, height: ${p.height}, rects: [${rects.join(',')}] }`;
    if (!previews.has(code)) previews.set(code, `p${previews.size}`);
    return previews.get(code)!;
  };
  const list = cards.map(({ preview, ...card }) => {
    const langs = Object.entries(preview).map(([lang, p]) => `${lang}: ${ref(p)}`);
    return `{ ...${JSON.stringify(card)}, preview: { ${langs.join(', ')} } }`;
  });
  return [
    `import { deepFreeze } from ${JSON.stringify(resolve(root, 'src/core/template/ids.ts'))};`,
    'const r = (kind, x, y, width, height, fill) => ({ kind, x, y, width, height, fill });',
    ...[...previews].map(([code, name]) => `const ${name} = ${code};`),
    `export const TEMPLATE_INDEX = deepFreeze([\n${list.join(',\n')}\n]);`,
  ].join('\n');
}

/** lib0/environment, for Yjs (bare) and lib0's own modules (relative), is src/vendor/lib0-environment.ts. */
function lib0Environment(): Plugin {
  const shim = resolve(root, 'src/vendor/lib0-environment.ts');
  return {
    name: 'tryghed-lib0-environment',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === 'lib0/environment') return shim;
      if (source === './environment.js' && importer?.includes('/node_modules/lib0/')) return shim;
      return null;
    },
  };
}

/**
 * Vite wraps every dynamic import in its preload helper, which fetches the CSS and modules the
 * imported chunk needs beside it. With modulePreload off and no CSS in the app there is nothing to
 * fetch beside a chunk, yet the helper (about 1 KiB gzip) would ship in the first paint: this
 * one just imports. The build fails if it ever emits CSS, which the helper would have loaded.
 */
function plainDynamicImports(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'tryghed-plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();\n' : null),
    generateBundle(_, bundle) {
      const css = Object.keys(bundle).filter((f) => f.endsWith('.css'));
      if (css.length > 0) this.error(`the build emits CSS (${css.join(', ')}): plainDynamicImports() would not load it`);
    },
  };
}

// Three pages: Miro's headless entry (index.html, opens the panel on icon:click), the panel,
// and the sandbox that plays Miro's host locally. Nothing here reaches the network.
export default defineConfig({
  root,
  appType: 'mpa',
  plugins: [checkedTemplates(), lib0Environment(), plainDynamicImports()],
  server: {
    port: 3000,
    strictPort: true,
    host: '127.0.0.1',
    open: false,
  },
  // Pre-bundle up front what the panel imports, also what it imports only later (the session,
  // server mode, the suggestion engine's text packages): discovering a dependency late makes
  // Vite reload the page with a second copy of it.
  optimizeDeps: {
    include: [
      'lit', 'lit/directives/repeat.js',
      'yjs', 'y-protocols/awareness', 'y-protocols/sync', '@hocuspocus/provider', 'lib0/buffer', 'lib0/decoding', 'lib0/encoding',
      '@orama/stemmers/danish', '@orama/stemmers/english', '@orama/stopwords/danish', '@orama/stopwords/english',
    ],
  },
  // Yjs logs through lib0/logging, whose browser build drags lib0/dom and lib0/schema in with it;
  // lib0/environment is shimmed the same way (lib0Environment above).
  resolve: { alias: [{ find: /^lib0\/logging$/, replacement: resolve(root, 'src/vendor/lib0-logging.ts') }] },
  preview: { port: 3000, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    // The panel is one chunk per step (below), so there is nothing to preload beside a chunk:
    // no preload helper or polyfill in the first paint.
    modulePreload: false,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        panel: resolve(root, 'panel.html'),
        sandbox: resolve(root, 'sandbox/index.html'),
      },
      output: {
        codeSplitting: {
          // Vite's helpers (\0vite/…) first, on their own: the pages' inline scripts import them
          // too, and in a step's chunk they would run that step before the page picked its host.
          groups: [
            { name: 'vite', test: /^\0vite\//, priority: 2 },
            { name: stepOf(), priority: 1 },
          ],
        },
      },
    },
  },
});
