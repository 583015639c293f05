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
  // Pre-bundle Lit up front: discovering it late makes Vite reload with a second copy of Lit.
  // The suggestion engine's text packages too: it loads late (on request), and a late
  // discovery would reload the page under the person.
  optimizeDeps: { include: ['lit', 'lit/directives/repeat.js', '@orama/stemmers/danish', '@orama/stemmers/english', '@orama/stopwords/danish', '@orama/stopwords/english'] },
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
