/** `npm run server` as a process: refuses unsafe configuration, serves the built app. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from './support/child.js';
import { cleanup, SECRET, tempDir } from './support/helpers.js';

const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/server.ts'], {
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('npm run server', () => {
  const dir = tempDir('tryghed-static-');
  let server: ChildServer | undefined;
  afterAll(async () => {
    await server?.kill('SIGTERM');
    cleanup(dir);
  });

  it('refuses development tokens in production, and a start with no way to verify tokens', () => {
    const prod = run({ TRYGHED_DEV_AUTH: '1', NODE_ENV: 'production', MIRO_CLIENT_SECRET: 's' });
    expect(prod.status).toBe(2);
    expect(prod.stderr).toMatch(/TRYGHED_DEV_AUTH=1 is refused when NODE_ENV=production/);
    const none = run({});
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/MIRO_CLIENT_SECRET is not set/);
  });

  it('serves the built app and nothing outside it', async () => {
    const www = join(dir, 'www');
    mkdirSync(join(www, 'assets'), { recursive: true });
    writeFileSync(join(www, 'index.html'), '<!doctype html><title>Tryghed</title>');
    writeFileSync(join(www, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir, 'secret.txt'), 'not for the web');
    server = await startChildServer({ MIRO_CLIENT_SECRET: SECRET, DATA_DIR: join(dir, 'data'), STATIC_DIR: www });
    const base = `http://127.0.0.1:${server.port}`;
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('Tryghed');
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/../secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/%2e%2e/secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/dev/token?user=a&team=b`)).status).toBe(404); // dev auth is off
    expect(await (await fetch(`${base}/healthz`)).json()).toMatchObject({ ok: true });
  });
});

describe('npm start: the sync server beside the app', () => {
  it('starts in development mode with tokens for the sandbox, and never in production', async () => {
    const { startDevSyncServer } = await import('../../src/server/dev.js');
    const dir = tempDir('tryghed-dev-');
    const dev = await startDevSyncServer({ PORT: '0', DATA_DIR: dir });
    try {
      expect(dev.banner).toMatch(/^ws:\/\/127\.0\.0\.1:\d+ \(development tokens at http:\/\/127\.0\.0\.1:\d+\/dev\/token/);
      const port = /:(\d+)/.exec(dev.banner)![1];
      expect((await fetch(`http://127.0.0.1:${port}/dev/token?user=u&team=t`)).status).toBe(200);
    } finally {
      await dev.stop();
      cleanup(dir);
    }
    const prod = await startDevSyncServer({ PORT: '0', NODE_ENV: 'production' });
    expect(prod.banner).toMatch(/^not started: .*MIRO_CLIENT_SECRET/);
  });
});
