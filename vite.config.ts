import { readdirSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { loadCatalogue } from './src/core/template/check-catalogue.js';
import { parseTemplateText } from './src/core/template/schema.js';

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
 */
export function checkedTemplates(dir = resolve(root, 'templates')): Plugin {
  const check = resolve(root, 'src/core/template/check-catalogue.ts');
  return {
    name: 'tryghed-checked-templates',
    enforce: 'pre',
    buildStart() {
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      loadCatalogue(Object.fromEntries(files.map((f) => [basename(f, '.json'), JSON.parse(readFileSync(resolve(dir, f), 'utf8'))])));
    },
    transform(code, id) {
      if (id.startsWith(`${dir}/`) && id.endsWith('.json')) parseTemplateText(code, `templates/${basename(id)}`);
      return null;
    },
    async resolveId(source, importer, options) {
      if (!importer || !source.endsWith('check-catalogue.js')) return null;
      const found = await this.resolve(source, importer, { ...options, skipSelf: true });
      return found?.id === check ? resolve(root, 'src/core/template/checked-catalogue.ts') : null;
    },
  };
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
