/**
 * 10,000 random and malformed frames from raw sockets, while two honest clients keep
 * editing: the server process stays up and the honest clients never notice.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { mulberry32 } from '../../src/core/random.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { startChildServer, type ChildServer } from './support/child.js';
import { cleanup, client, ROOM, SECRET, tempDir, token, waitFor } from './support/helpers.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

function frame(build: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
}

/** A real update to mutate: what an honest client would send. */
function sampleUpdate(rand: () => number): Uint8Array {
  const d = new Y.Doc();
  d.getMap('m').set(`k${Math.floor(rand() * 1000)}`, { v: rand() });
  d.getText('t').insert(0, 'fuzz');
  return Y.encodeStateAsUpdate(d);
}

type Gen = (rand: () => number) => Uint8Array | string;
const bytes = (rand: () => number, n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));
const mutate = (rand: () => number, b: Uint8Array) => {
  const c = b.slice();
  for (let i = 0, n = 1 + Math.floor(rand() * 4); i < n; i++) c[Math.floor(rand() * c.length)] = Math.floor(rand() * 256);
  return c;
};
const GENERATORS: Gen[] = [
  (r) => bytes(r, Math.floor(r() * 300)),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, Math.floor(r() * 12)), encoding.writeUint8Array(e, bytes(r, Math.floor(r() * 64))))),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, mutate(r, sampleUpdate(r))))),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, Math.floor(r() * 4)), encoding.writeVarUint8Array(e, bytes(r, 40)))),
  (r) => {
    const f = frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, sampleUpdate(r))));
    return f.slice(0, Math.floor(r() * f.length));
  },
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, frame((a) => (encoding.writeVarUint(a, 1), encoding.writeVarUint(a, 7), encoding.writeVarUint(a, 1), encoding.writeVarString(a, r() < 0.5 ? '{bad json' : '{"user":1}')))))),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0xffffffff), encoding.writeUint8Array(e, bytes(r, 8)))),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 6), encoding.writeVarString(e, JSON.stringify({ respondents: 99, forged: r() })))),
  (r) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 5), encoding.writeVarString(e, r() < 0.5 ? '{"tryghed":"rpc","id":"f","op":"cast","args":{"roundId":1}}' : String.fromCharCode(...bytes(r, 30))))),
  (r) => frame((e) => (encoding.writeVarString(e, `tryghed:${Math.floor(r() * 1e6)}:b`), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 0), encoding.writeVarUint8Array(e, new Uint8Array([0])))),
  (r) => mutate(r, frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 1), encoding.writeVarUint8Array(e, sampleUpdate(r))))),
  (r) => `text frame ${r()}`,
];

function authFrame(tok: string): Uint8Array {
  return frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, tok)));
}

/** One attacker connection: (maybe) authenticates, then sends `n` frames. Returns how many went out. */
const closeCodes = new Map<number, number>();
function attack(url: string, rand: () => number, n: number, tok: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    let sent = 0;
    const done = (code: number) => {
      closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
      resolve(sent);
    };
    ws.on('error', () => undefined);
    ws.on('close', done);
    ws.on('open', () => {
      if (rand() < 0.8) ws.send(authFrame(tok));
      for (let i = 0; i < n; i++) {
        const f = GENERATORS[Math.floor(rand() * GENERATORS.length)]!(rand);
        ws.send(f, { binary: typeof f !== 'string' });
        sent++;
      }
      // Give the server a moment to answer, then hang up ourselves if it has not.
      setTimeout(() => ws.terminate(), 50);
    });
  });
}

describe('fuzzing the server with malformed frames', () => {
  const dataDir = tempDir('tryghed-fuzz-');
  let server: ChildServer | undefined;
  const honest: ServerTransport[] = [];
  afterAll(async () => {
    honest.forEach((c) => c.destroy());
    await server?.kill();
    cleanup(dataDir);
  });

  it(`10,000 frames (seed ${SEED}) leave the server up and honest clients unaffected`, async () => {
    server = await startChildServer({ DATA_DIR: dataDir, MIRO_CLIENT_SECRET: SECRET });
    const a = client(server.url, 'honest-a');
    const b = client(server.url, 'honest-b');
    honest.push(a, b);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const offline: string[] = [];
    a.onStatus((s) => s === 'offline' && offline.push('a'));
    b.onStatus((s) => s === 'offline' && offline.push('b'));

    // The honest editor keeps writing while the attack runs.
    let edits = 0;
    let attacking = true;
    const editor = (async () => {
      while (attacking) {
        a.doc.getMap('honest').set(`e${edits}`, edits);
        edits++;
        await new Promise((r) => setTimeout(r, 15));
      }
    })();

    const rand = mulberry32(SEED);
    const tok = token('attacker');
    let sent = 0;
    const workers = Array.from({ length: 12 }, async () => {
      while (sent < 10_000) {
        const n = Math.min(1 + Math.floor(rand() * 8), 10_000 - sent);
        sent += n;
        await attack(server!.url, rand, n, tok);
      }
    });
    await Promise.all(workers);
    attacking = false;
    await editor;

    expect(sent).toBe(10_000);
    // The guard closed the senders of bad frames itself (4400 malformed, 1009/4413 too big…).
    expect(closeCodes.get(4400) ?? 0).toBeGreaterThan(500);
    expect(server.alive()).toBe(true);
    expect(offline).toEqual([]);
    // Every honest edit made the round trip to the other honest client.
    await waitFor(() => b.doc.getMap('honest').size === edits, `b sees all ${edits} edits`, 20_000);
    expect(edits).toBeGreaterThan(10);
    // And the server still serves newcomers.
    const c = client(server.url, 'honest-c');
    honest.push(c);
    await c.whenSynced();
    expect(c.doc.getMap('honest').size).toBe(edits);
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    expect(server.output()).not.toMatch(/unhandled|FATAL|Segmentation/i);
  }, 180_000);
});
