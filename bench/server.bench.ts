/**
 * The sync server under load, on loopback, against the server process (`scripts/server.ts`):
 * - vote-to-visible: 50 clients cast sealed votes; time from sending a cast until another
 *   client's doc shows a published tally that counts it (p50, p95). Baseline in the same
 *   run: a plain WebSocket echo round trip, so the ratio says what the server adds.
 * - the same while one participant floods another board (./server-flood.ts), with the
 *   server's default limits, on SQLite and on PostgreSQL: the voters' p95 on the same server
 *   first without the flood, then under it.
 * - RSS of one server process holding 2,000 authenticated connections on one board.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { publishedMap } from '../src/core/session/index.js';
import type { PublishedWithVersion } from '../src/server/votes/service.js';
import { ServerTransport } from '../src/sync/server-transport.js';
import { startChildServer, type ChildServer } from '../test/server/support/child.js';
import { roomName } from '../src/server/miro-token.js';
import { cleanup, control, must, newRound, ROOM, SECRET, TEAM, tempDir, token } from '../test/server/support/helpers.js';
import { startPostgres } from '../test/server/support/services.js';
import { startFlood } from './server-flood.js';
import type { BenchResult } from './types.js';

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const transport = (url: string, user: string) =>
  new ServerTransport({ url, room: ROOM, token: token(user), WebSocketPolyfill: WebSocket, rpcTimeoutMs: 30_000 });

async function echoBaseline(): Promise<number[]> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss.on('connection', (ws) => ws.on('message', (d) => ws.send(d)));
  await new Promise((r) => wss.once('listening', r));
  const ws = new WebSocket(`ws://127.0.0.1:${(wss.address() as { port: number }).port}`);
  await new Promise((r) => ws.once('open', r));
  const rtts: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    ws.send(new Uint8Array(64));
    await new Promise((r) => ws.once('message', r));
    rtts.push(performance.now() - t0);
  }
  ws.close();
  wss.close();
  return rtts.slice(50);
}

async function voteToVisible(server: ChildServer, log: (l: string) => void): Promise<number[]> {
  const fac = transport(server.url, 'fac');
  await fac.whenSynced();
  must(await control(fac).apply({ type: 'start-session' }));
  const targets = Array.from({ length: 20 }, (_, i) => `${1000 + i}`);
  const roundId = await newRound(fac, { question: 'bench', targets, budget: 20, cap: 20, k: 1, anonymity: 'sealed', visibility: 'live' });

  // 50 voters on the board: 5 real client providers (a sample of what browsers run) and 45 raw
  // sockets that cast the same frames. One process cannot play 50 browsers' CPUs; the server
  // still holds 50 connections and sends every tally update to each of them.
  const real = Array.from({ length: 5 }, (_, i) => transport(server.url, `voter-${i}`));
  await Promise.all(real.map((v) => v.whenSynced()));
  const raw = await Promise.all(Array.from({ length: 45 }, (_, i) => rawVoter(server.url, `voter-${i + 5}`)));
  const voters = [
    ...real.map((v) => ({ cast: (roundId: string, target: string) => v.rpc('cast', { roundId, target }) })),
    ...raw,
  ];
  // The facilitator's panel plays the room's screen: when does it see each vote counted?
  const seen: { version: number; at: number }[] = [];
  publishedMap(fac.doc).observe(() => {
    const p = publishedMap(fac.doc).get(roundId) as PublishedWithVersion | undefined;
    if (p?.version !== undefined) seen.push({ version: p.version, at: performance.now() });
  });
  const casts: { t0: number; version: number; acked: number }[] = [];
  await Promise.all(
    voters.map(async (v, i) => {
      for (let n = 0; n < 10; n++) {
        await sleep(Math.random() * 200);
        const t0 = performance.now();
        const res = await v.cast(roundId, targets[(i + n) % targets.length]!);
        casts.push({ t0, version: res.version!, acked: performance.now() - t0 });
      }
    }),
  );
  await sleep(500);
  const latencies = casts.map(({ t0, version }) => {
    const hit = seen.find((s) => s.version >= version);
    if (!hit) throw new Error(`vote of version ${version} never became visible`);
    return hit.at - t0;
  });
  const acks = casts.map((c) => c.acked);
  log(`${casts.length} votes from 50 clients, ${seen.length} tally updates seen; cast acknowledged p50 ${pct(acks, 50).toFixed(1)} ms, p95 ${pct(acks, 95).toFixed(1)} ms`);
  [fac, ...real].forEach((c) => c.destroy());
  raw.forEach((v) => v.close());
  return latencies;
}

/** A light voter: a raw socket on the board that casts through the same RPC frames. */
async function rawVoter(url: string, user: string) {
  const ws = await rawClient(url, user);
  const waiting = new Map<string, (r: { ok: boolean; result?: { version: number } }) => void>();
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    decoding.readVarString(d);
    if (decoding.readVarUint(d) !== 5) return; // stateless: an RPC reply
    const r = JSON.parse(decoding.readVarString(d)) as { id: string; ok: boolean; result?: { version: number } };
    waiting.get(r.id)?.(r);
    waiting.delete(r.id);
  });
  let n = 0;
  return {
    cast(roundId: string, target: string): Promise<{ version: number }> {
      const id = `${user}-${n++}`;
      const e = encoding.createEncoder();
      encoding.writeVarString(e, ROOM);
      encoding.writeVarUint(e, 5);
      encoding.writeVarString(e, JSON.stringify({ tryghed: 'rpc', id, op: 'cast', args: { roundId, target } }));
      ws.send(encoding.toUint8Array(e));
      return new Promise((resolve, reject) =>
        waiting.set(id, (r) => (r.ok && r.result ? resolve(r.result) : reject(new Error(JSON.stringify(r))))),
      );
    },
    close: () => ws.terminate(),
  };
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** A raw client as light as can be: authenticate, then sync step 1 with an empty state vector. */
function rawClient(url: string, user: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.on('error', reject);
    ws.on('open', () => {
      const auth = encoding.createEncoder();
      encoding.writeVarString(auth, ROOM);
      encoding.writeVarUint(auth, 2);
      encoding.writeVarUint(auth, 0);
      encoding.writeVarString(auth, token(user));
      ws.send(encoding.toUint8Array(auth));
      const sync = encoding.createEncoder();
      encoding.writeVarString(sync, ROOM);
      encoding.writeVarUint(sync, 0);
      encoding.writeVarUint(sync, 0);
      encoding.writeVarUint8Array(sync, Y.encodeStateVector(new Y.Doc()));
      ws.send(encoding.toUint8Array(sync));
    });
    // The first answer to sync step 1 means the server holds this connection on the board.
    let answers = 0;
    ws.on('message', () => {
      if (++answers === 2) resolve(ws);
    });
  });
}

async function rssWithConnections(server: ChildServer, n: number, log: (l: string) => void): Promise<number> {
  // A board with content, as in a workshop: a few hundred notes' worth of session data.
  const seed = transport(server.url, 'seed');
  await seed.whenSynced();
  seed.doc.transact(() => {
    for (let i = 0; i < 300; i++) seed.doc.getMap('membership').set(`${10_000 + i}`, `c${i % 12}`);
  });
  while (seed.provider.hasUnsyncedChanges) await sleep(10);
  const idle = rssMb(server.proc.pid!);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < n; i += 100) {
    sockets.push(...(await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, j) => rawClient(server.url, `u${i + j}`)))));
  }
  await sleep(1000);
  const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { connections: number };
  const rss = rssMb(server.proc.pid!);
  log(`${health.connections} connections on one board: RSS ${rss.toFixed(1)} MB (idle with the board loaded: ${idle.toFixed(1)} MB)`);
  sockets.forEach((s) => s.terminate());
  seed.destroy();
  return rss;
}

const dirMb = (dir: string) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1e6;

/** Vote-to-visible on one board while a participant floods another; logs what the flood did. */
async function underFlood(server: ChildServer, dataDir: string | null, log: (l: string) => void): Promise<number[]> {
  const flood = startFlood(server.url, roomName(TEAM, 'flooded'));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.proc.pid!))), 100);
  try {
    await flood.started;
    await sleep(1000); // the flood is under way before anyone votes
    const lat = await voteToVisible(server, log);
    const f = await flood.stop();
    log(
      `flooder: ${f.updates} updates (${f.megabytes.toFixed(0)} MB) over ${f.connections} connections, closed with ${JSON.stringify(f.closes)}; ` +
        `server peak RSS ${peak.toFixed(0)} MB${dataDir ? `, data dir ${dirMb(dataDir).toFixed(1)} MB` : ''}`,
    );
    return lat;
  } finally {
    clearInterval(sampler);
    await flood.stop();
  }
}

/**
 * A fresh server (SQLite, or PostgreSQL with DATABASE_URL in `env`): the voters' p95 on it
 * without a flood (the baseline for this store), then under one. Returns the p95 under flood.
 */
async function floodRun(env: Record<string, string>, store: string, log: (l: string) => void): Promise<number> {
  const dir = tempDir('tryghed-bench-');
  const server = await startChildServer({ ...env, DATA_DIR: dir });
  let calm: number[];
  let flooded: number[];
  try {
    calm = await voteToVisible(server, log);
    flooded = await underFlood(server, env.DATABASE_URL ? null : dir, log);
  } finally {
    await server.kill('SIGTERM');
    cleanup(dir);
  }
  const [c95, f95] = [pct(calm, 95), pct(flooded, 95)];
  log(`${store}: vote-to-visible p95 ${c95.toFixed(2)} ms without a flood, ${f95.toFixed(2)} ms while another board is flooded (ratio ${(f95 / c95).toFixed(2)})`);
  return f95;
}

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const echo = await echoBaseline();
  // LIVE_TALLY_INTERVAL_MS=0: this figure is what publishing costs. In production a live
  // round's totals go out at most every 3 s (the privacy throttle), which a latency cannot show.
  const env = { MIRO_CLIENT_SECRET: SECRET, RPC_PER_SECOND: '1000', AUTH_TIMEOUT_MS: '60000', LIVE_TALLY_INTERVAL_MS: '0' };
  const dir1 = tempDir('tryghed-bench-');
  const s1 = await startChildServer({ ...env, DATA_DIR: dir1 }, process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []);
  let lat: number[];
  try {
    lat = await voteToVisible(s1, log);
  } finally {
    await s1.kill('SIGTERM');
    cleanup(dir1);
  }
  const p50 = pct(lat, 50);
  const p95 = pct(lat, 95);
  const e50 = pct(echo, 50);
  log(`vote-to-visible p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms; ws echo p50 ${e50.toFixed(3)} ms (ratio p50 ${(p50 / e50).toFixed(1)}x, p95 ${(p95 / e50).toFixed(1)}x)`);

  const f95 = await floodRun(env, 'sqlite', log);
  const pg = await startPostgres();
  let f95pg: number;
  try {
    f95pg = await floodRun({ ...env, DATABASE_URL: pg.url }, 'postgres', log);
  } finally {
    await pg.stop();
  }

  const dir2 = tempDir('tryghed-bench-');
  const s2 = await startChildServer({ ...env, DATA_DIR: dir2 });
  let rss: number;
  try {
    rss = await rssWithConnections(s2, 2000, log);
  } finally {
    await s2.kill('SIGTERM');
    cleanup(dir2);
  }
  return [
    { name: 'server.vote-visible-p50', value: p50, unit: 'ms', target: 50, better: 'lower' },
    { name: 'server.vote-visible-p95', value: p95, unit: 'ms', target: 50, better: 'lower' },
    { name: 'server.p95-under-flood', value: f95, unit: 'ms', target: 50, better: 'lower' },
    { name: 'server.p95-under-flood-postgres', value: f95pg, unit: 'ms', target: 50, better: 'lower' },
    { name: 'server.rss-2000-conns', value: rss, unit: 'MB', target: 200, better: 'lower' },
  ];
}
