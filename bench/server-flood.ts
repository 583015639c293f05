/**
 * A hostile participant for the server bench, in its own process (so making 0.9 MB updates
 * does not slow the bench's voters): floods one board with big updates (one every 22 ms:
 * 200 in 4.5 s, as in issue 9) over a few connections at once, and opens a new connection
 * whenever the server closes one. `startFlood` runs it; stopping it returns what it did.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { signedIn, syncFrame } from '../test/server/support/frames.js';

export interface FloodStats {
  updates: number;
  megabytes: number;
  connections: number;
  /** How the server closed the flooding connections: "code reason" → count. */
  closes: Record<string, number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function flood(url: string, room: string, stopped: () => boolean, { updateBytes = 900_000, parallel = 2, everyMs = 22 } = {}): Promise<FloodStats> {
  const stats: FloodStats = { updates: 0, megabytes: 0, connections: 0, closes: {} };
  const big = 'x'.repeat(updateBytes);
  const connection = async () => {
    const { ws, closed } = await signedIn(url, 'flooder', room);
    let open = true;
    void closed.then((c) => {
      open = false;
      const key = `${c.code} ${c.reason}`;
      stats.closes[key] = (stats.closes[key] ?? 0) + 1;
    });
    // Turned away at the sign-in (too many new connections): try again shortly, as after an error.
    if (ws.readyState !== ws.OPEN) return void (await sleep(50));
    stats.connections++;
    while (open && !stopped()) {
      // A fresh client and key each time: every update adds to the board.
      const d = new Y.Doc();
      d.getMap('flood').set(`k${stats.updates}`, big);
      const u = Y.encodeStateAsUpdate(d);
      ws.send(syncFrame(2, u, room));
      if (stats.updates++ === 0) process.stdout.write('FLOODING\n');
      stats.megabytes += u.byteLength / 1e6;
      await sleep(everyMs);
    }
    ws.terminate();
  };
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (!stopped()) await connection().catch(() => sleep(50));
    }),
  );
  return stats;
}

/** Starts the flooder process; `started` resolves once its first update is sent (booting it can
 *  take seconds on a loaded machine); `stop()` ends it and resolves with its figures. */
export function startFlood(url: string, room: string): { started: Promise<void>; stop(): Promise<FloodStats> } {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), url, room], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let flooding: () => void;
  const started = new Promise<void>((r) => (flooding = r));
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('FLOODING\n')) flooding();
  });
  const exited = new Promise((r) => child.once('exit', (code) => (flooding(), r(code))));
  return {
    started,
    async stop() {
      child.stdin!.end();
      await exited;
      return JSON.parse(out.replace('FLOODING\n', '')) as FloodStats;
    },
  };
}

// As a process: flood until stdin closes, then print the figures.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let stop = false;
  process.stdin.on('end', () => (stop = true)).resume();
  const stats = await flood(process.argv[2]!, process.argv[3]!, () => stop);
  process.stdout.write(JSON.stringify(stats));
  process.exit(0);
}
