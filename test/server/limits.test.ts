import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { defaultLimits } from '../../src/server/config.js';
import { checkFrame, TokenBucket } from '../../src/server/limits.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, ROOM, startServer, token, waitFor, type Started } from './support/helpers.js';

const frame = (build: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  build(e);
  return encoding.toUint8Array(e);
};
const auth = (tok: string) => frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 2), encoding.writeVarUint(e, 0), encoding.writeVarString(e, tok)));
const awarenessQuery = frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 3)));

/** Opens an authenticated raw socket; resolves the close code when the server closes it. */
async function raw(url: string, user = 'raw'): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((r) => ws.on('close', (c) => r(c)));
  await new Promise((r) => ws.on('open', r));
  ws.send(auth(token(user)));
  await new Promise((r) => setTimeout(r, 50));
  return { ws, closed };
}

describe('limits', () => {
  let s: Started;
  let bystander: ServerTransport;
  let watcher: ServerTransport;
  beforeAll(async () => {
    s = await startServer({ limits: { ...defaultLimits, maxMessageBytes: 64 * 1024, messagesPerSecond: 50, messageBurst: 100 } });
    bystander = client(s.url, 'bystander');
    watcher = client(s.url, 'watcher');
    await Promise.all([bystander.whenSynced(), watcher.whenSynced()]);
  });
  afterAll(async () => {
    bystander.destroy();
    watcher.destroy();
    await s.stop();
  });

  /** The honest clients still talk to each other. */
  const stillFine = async (tag: string) => {
    bystander.doc.getMap('m').set(tag, true);
    await waitFor(() => watcher.doc.getMap('m').get(tag) === true, `round trip after ${tag}`);
    expect(bystander.status).toBe('synced');
  };

  it('closes a connection that sends a frame over the size limit', async () => {
    const { ws, closed } = await raw(s.url);
    ws.send(new Uint8Array(64 * 1024 + 1));
    expect(await closed).toBe(1009);
    await stillFine('big');
  });

  it('closes a connection that floods messages', async () => {
    const { ws, closed } = await raw(s.url);
    for (let i = 0; i < 500; i++) ws.send(awarenessQuery);
    expect(await closed).toBe(4429);
    await stillFine('flood');
  });

  it('closes a connection on a malformed frame, and refuses client broadcasts', async () => {
    for (const bad of [
      new Uint8Array([1, 2, 3]),
      frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 6), encoding.writeVarString(e, '{"forged":1}'))),
      frame((e) => (encoding.writeVarString(e, ROOM), encoding.writeVarUint(e, 0), encoding.writeVarUint(e, 2), encoding.writeVarUint8Array(e, new Uint8Array([9, 9, 9, 9])))),
    ]) {
      const { ws, closed } = await raw(s.url);
      ws.send(bad);
      expect(await closed).toBe(4400);
    }
    await stillFine('malformed');
  });

  it('one room per connection', async () => {
    const { ws, closed } = await raw(s.url);
    ws.send(frame((e) => (encoding.writeVarString(e, 'tryghed:1:other'), encoding.writeVarUint(e, 3))));
    expect(await closed).toBe(4400);
  });

  it('checkFrame accepts what the provider sends and rejects trailing bytes', () => {
    expect(checkFrame(awarenessQuery)).toEqual({ room: ROOM, type: 3, updateBytes: 0 });
    expect(() => checkFrame(new Uint8Array([...awarenessQuery, 0]))).toThrow();
  });

  it('token bucket: a burst, then the sustained rate', async () => {
    const b = new TokenBucket(100, 5);
    expect(Array.from({ length: 6 }, () => b.take())).toEqual([true, true, true, true, true, false]);
    await new Promise((r) => setTimeout(r, 30));
    expect(b.take()).toBe(true);
  });
});
