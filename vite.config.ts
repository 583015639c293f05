import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Three pages: Miro's headless entry (index.html, opens the panel on icon:click), the panel,
// and the sandbox that plays Miro's host locally. Nothing here reaches the network.
export default defineConfig({
  root,
  appType: 'mpa',
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
  preview: { port: 3000, strictPort: true, host: '127.0.0.1' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        panel: resolve(root, 'panel.html'),
        sandbox: resolve(root, 'sandbox/index.html'),
      },
    },
  },
});
