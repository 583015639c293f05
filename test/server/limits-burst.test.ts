/**
 * Two ways one connection could make a board cost more than its limits say (issue 9, limits):
 * - a burst sent while the board is being loaded (after a restart, its stored size is not yet
 *   known) must not pass the board's size cap: such updates wait until the size is known;
 * - a request for the whole document (sync step 1 with an empty state vector) is answered with
 *   the whole board: a connection may ask only a few times a minute.
 */
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { defaultLimits, type Limits } from '../../src/server/config.js';
import { roomName } from '../../src/server/miro-token.js';
import { authFrame, openSocket, signedIn, syncFrame, syncStep1 } from './support/frames.js';
import { cleanup, client, startServer, TEAM, tempDir, token, waitFor, type Started } from './support/helpers.js';

const KiB = 1024;
const BOARD = roomName(TEAM, 'bursty');

describe('a burst while the board loads', () => {
  const limits: Limits = { ...defaultLimits, maxMessageBytes: 256 * KiB, maxBoardBytes: 512 * KiB, bytesPerSecond: 64 * 1024 * KiB, byteBurst: 64 * 1024 * KiB };
  const dataDir = tempDir();
  let s: Started | undefined;
  afterAll(async () => {
    await s?.stop();
    cleanup(dataDir);
  });

  it('cannot pass the cap: its updates wait until the stored size is known', async () => {
    s = await startServer({ dataDir, limits });
    const honest = client(s.url, 'honest', { room: BOARD });
    await honest.whenSynced();
    for (const k of ['a', 'b']) {
      honest.doc.getMap('m').set(k, k.repeat(200 * KiB));
      await waitFor(() => !honest.provider.hasUnsyncedChanges, 'stored');
    }
    honest.destroy();
    await s.stop();

    // Restarted: the board is not loaded. The burst goes out with the sign-in, before any answer.
    s = await startServer({ dataDir, limits });
    const { ws, closed } = await openSocket(s.url);
    ws.send(authFrame(BOARD, token('flooder')));
    for (let i = 0; i < 3; i++) {
      const d = new Y.Doc();
      d.getMap('flood').set(`k${i}`, 'z'.repeat(100 * KiB));
      ws.send(syncFrame(2, Y.encodeStateAsUpdate(d), BOARD));
    }
    const c = await closed;
    expect([c.code, c.reason]).toEqual([4507, 'board is full']);

    const late = client(s.url, 'late', { room: BOARD });
    await late.whenSynced();
    expect(late.doc.getMap('flood').size).toBe(0);
    expect(Y.encodeStateAsUpdate(late.doc).byteLength).toBeLessThanOrEqual(limits.maxBoardBytes);
    late.destroy();
  }, 60_000);
});

describe('requests for the whole document', () => {
  let s: Started | undefined;
  afterAll(() => s?.stop());

  it('are answered a few times, then the connection is closed', async () => {
    s = await startServer();
    const seed = client(s.url, 'seed', { room: BOARD });
    await seed.whenSynced();
    seed.doc.getMap('m').set('big', 'x'.repeat(100 * KiB));
    await waitFor(() => !seed.provider.hasUnsyncedChanges, 'stored');

    const { ws, closed } = await signedIn(s.url, 'greedy', BOARD);
    let answers = 0;
    ws.on('message', (data: Buffer) => {
      const d = decoding.createDecoder(new Uint8Array(data));
      decoding.readVarString(d);
      const type = decoding.readVarUint(d);
      // Sync (0) or SyncReply (4) step 2: the document sent back.
      if ((type === 0 || type === 4) && decoding.readVarUint(d) === 1) answers++;
    });
    for (let i = 0; i < 30 && ws.readyState === WebSocket.OPEN; i++) {
      ws.send(syncStep1(BOARD));
      await new Promise((r) => setTimeout(r, 5));
    }
    const c = await closed;
    expect([c.code, c.reason]).toEqual([4429, 'too many sync requests']);
    expect(answers).toBeLessThanOrEqual(defaultLimits.syncBurst);
    // The honest client, and a reconnect, are not affected.
    seed.doc.getMap('m').set('after', true);
    const again = client(s.url, 'seed', { room: BOARD });
    await again.whenSynced();
    await waitFor(() => again.doc.getMap('m').get('after') === true, 'honest edit');
    seed.destroy();
    again.destroy();
  }, 30_000);
});
