/**
 * The set-up every browser test file repeats: one Vite server and one Chromium per file and,
 * where a test drives the sandbox, one sandbox session per file or describe block. Each `use…`
 * registers its own beforeAll/afterAll where it is called (vitest runs afterAll hooks in
 * reverse, so a session closes before its browser) and returns handles to use inside tests.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Lang } from '../../../src/core/lang.js';
import { launchChromium } from './chromium.js';
import { openSandbox, type SandboxSession } from './sandbox-page.js';
import { startVite, type RunningVite } from './vite-server.js';

export interface BrowserEnv {
  readonly vite: RunningVite;
  readonly browser: Browser;
}

export function useBrowserEnv(): BrowserEnv {
  let vite: RunningVite | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    vite = await startVite();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await vite?.close();
  });
  return {
    get vite() {
      return started(vite, 'the Vite server');
    },
    get browser() {
      return started(browser, 'Chromium');
    },
  };
}

/** The sandbox opened in `lang` for the enclosing file or describe block; read it inside tests. */
export function useSandbox(env: BrowserEnv, lang: Lang): SandboxSession {
  let session: SandboxSession | undefined;
  beforeAll(async () => {
    session = await openSandbox(env.browser, env.vite.url, lang);
  });
  afterAll(async () => session?.close());
  const current = () => started(session, 'the sandbox session');
  return {
    get context() {
      return current().context;
    },
    get page() {
      return current().page;
    },
    get panel() {
      return current().panel;
    },
    get requests() {
      return current().requests;
    },
    close: () => current().close(),
  };
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not started: use it inside a test or hook`);
  return value;
}
