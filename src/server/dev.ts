/**
 * The sync server beside the app for `npm start`: development tokens on (the sandbox asks
 * /dev/token for what Miro's getIdToken() would give), data in ./data. A server that cannot
 * start (port taken, NODE_ENV=production) is reported, and the app runs without it.
 */
import { loadConfig } from './config.js';
import { createTryghedServer } from './index.js';

export async function startDevSyncServer(env: Record<string, string | undefined> = process.env): Promise<{ stop(): Promise<void>; banner: string }> {
  try {
    // Development tokens by default, but never offered under NODE_ENV=production.
    const defaults = env.NODE_ENV === 'production' ? {} : { TRYGHED_DEV_AUTH: '1' };
    const config = loadConfig({ ...defaults, ...env }, { quiet: true });
    const server = await createTryghedServer(config);
    await server.listen();
    const http = `http://${config.host}:${server.port}`;
    return {
      stop: () => server.close(),
      banner: `${server.url}${config.devAuth ? ` (development tokens at ${http}/dev/token?user=<id>&team=<id>)` : ''}`,
    };
  } catch (e) {
    return { stop: async () => undefined, banner: `not started: ${(e as Error).message}` };
  }
}
