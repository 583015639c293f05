/**
 * The production build works in the browser, in its two steps: served from a `vite build`
 * (the panel's first-paint chunk, then its session chunk), the sandbox's panel inserts a
 * template and its session connects over Miro's channel, with no error on the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { insertThroughPanel, openSandbox } from './support/sandbox-page.js';
import { freePort } from './support/vite-server.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'tryghed-dist-'));
let server: PreviewServer | undefined;
let browser: Browser | undefined;
let url = '';

beforeAll(async () => {
  await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  server = await preview({ root, logLevel: 'silent', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  url = `http://127.0.0.1:${port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('paints the templates, inserts one, then opens the session over Miro’s channel', async () => {
    const s = await openSandbox(browser!, url, 'da');
    const errors: string[] = [];
    s.page.on('pageerror', (e) => errors.push(String(e)));
    try {
      expect(await insertThroughPanel(s.panel, 'opening')).toBe('done');
      await s.panel.waitForSelector('p.sync[data-sync="miro"][data-status="synced"]', { timeout: 60_000 });
      await s.panel.click('button[role="tab"][data-tab="vote"]');
      await s.panel.waitForSelector('vote-panel', { state: 'attached' });
      // Built chunks, not Vite's dev modules: the session came in its own chunk.
      expect(s.requests.some((r) => /\/assets\/session-[\w-]+\.js$/.test(r))).toBe(true);
      expect(s.requests.some((r) => r.includes('/src/'))).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await s.close();
    }
  });
});
