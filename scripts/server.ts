/**
 * `npm run server`: the sync server alone, for deployment; it also serves the built app
 * (dist/, or STATIC_DIR). Configuration from the environment (see src/server/config.ts).
 * `npm run server -- release-seat <room>` empties a board's facilitator seat and exits.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { createTryghedServer, openDocStore, openStorage } from '../src/server/index.js';
import { releaseSeat } from '../src/server/release-seat.js';

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
if (process.argv[2] === 'release-seat') {
  // The operator's command for a stuck facilitator seat (README: trust model).
  const room = process.argv[3];
  if (!room) {
    console.error('usage: npm run server -- release-seat tryghed:<team>:<board>');
    process.exit(2);
  }
  const storage = await openStorage(config);
  const docs = openDocStore(config);
  try {
    const { holder } = await releaseSeat(storage, docs, room);
    console.log(holder ? `[tryghed] released the facilitator seat of ${room} (held by ${holder})` : `[tryghed] the seat of ${room} was free`);
  } catch (e) {
    console.error(`[tryghed] ${(e as Error).message}`);
    process.exitCode = 2;
  } finally {
    await docs.close();
    await storage.close();
  }
  process.exit();
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
