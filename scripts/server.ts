/**
 * `npm run server`: the sync server alone, for deployment; it also serves the built app
 * (dist/, or STATIC_DIR). Configuration from the environment (see src/server/config.ts).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { createTryghedServer } from '../src/server/index.js';

// A bug in a hook must cost one request, never the whole server: log and carry on.
process.on('unhandledRejection', (e) => console.error('[tryghed] unhandled rejection:', e));

let config;
try {
  const dist = resolve('dist');
  config = loadConfig(process.env, { staticDir: existsSync(dist) ? dist : null });
} catch (e) {
  console.error(`[tryghed] ${(e as Error).message}`);
  process.exit(2);
}
const server = await createTryghedServer(config);
await server.listen();
// Tests and supervisors read this line to learn the port.
console.log(`TRYGHED_LISTENING ${server.port} pid=${process.pid}`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
