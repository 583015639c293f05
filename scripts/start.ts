/**
 * `npm start`: the app on http://localhost:3000 (Miro's sdkUri while developing) and the
 * sandbox page at /sandbox/. Add further local services (the sync server) in `extraServices`.
 */
import { createServer, type ViteDevServer } from 'vite';
import { startDevSyncServer } from '../src/server/dev.js';

export interface Service {
  name: string;
  /** Started after Vite; returns how to stop it and a line for the console. */
  start(): Promise<{ stop(): Promise<void>; banner: string }>;
}

/** Hook: services started alongside Vite (the sync server will register here). */
export const extraServices: Service[] = [{ name: 'Sync server', start: startDevSyncServer }];

async function main(): Promise<void> {
  const vite: ViteDevServer = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
  await vite.listen();
  const stops: Array<() => Promise<void>> = [() => vite.close()];
  const lines = [
    'Tryghed is running.',
    '  App (Miro sdkUri):  http://localhost:3000',
    '  Sandbox:            http://localhost:3000/sandbox/',
  ];
  for (const service of extraServices) {
    const { stop, banner } = await service.start();
    stops.push(stop);
    lines.push(`  ${service.name}: ${banner}`);
  }
  console.log(`\n${lines.join('\n')}\n\nPress Ctrl+C to stop.`);

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => console.error(e));
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
