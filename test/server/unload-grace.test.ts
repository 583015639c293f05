/**
 * A board stays in memory for UNLOAD_GRACE_MS after its last connection left: a reconnect in
 * that time finds it loaded (the store is not read again, nothing is applied on the event
 * loop), and after the grace it leaves memory and is read from the store on the next connect.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlRoom } from '../../src/server/miro-token.js';
import { client, ROOM, startServer, waitFor, type Started } from './support/helpers.js';

const GRACE_MS = 1500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('unload grace', () => {
  let s: Started;
  const loads: string[] = [];
  beforeAll(async () => {
    s = await startServer({ unloadGraceMs: GRACE_MS });
    const load = s.server.docs.load.bind(s.server.docs);
    s.server.docs.load = (name) => (loads.push(name), load(name));
  });
  afterAll(async () => {
    await s.stop();
  });
  const loaded = () => s.server.hocuspocus.documents.has(ROOM);

  it('keeps a board loaded for the grace, reconnects read nothing from the store, then unloads it', async () => {
    const a = client(s.url, 'anne');
    await a.whenSynced();
    a.doc.getMap('clusters').set('c1', 'kept');
    while (a.provider.hasUnsyncedChanges) await sleep(10);
    expect(loads.filter((n) => n === ROOM)).toHaveLength(1);
    a.destroy();

    // Nobody on it, well inside the grace: still there; a reconnect finds it without a load.
    await sleep(300);
    expect(loaded()).toBe(true);
    const b = client(s.url, 'bo');
    await b.whenSynced();
    expect(b.doc.getMap('clusters').get('c1')).toBe('kept');
    expect(loads.filter((n) => n === ROOM)).toHaveLength(1);
    b.destroy();

    // The grace counts from the last leave: still loaded a moment before it ends, gone after.
    const left = Date.now();
    await sleep(GRACE_MS - 500);
    expect(loaded()).toBe(true);
    await waitFor(() => !loaded() && !s.server.hocuspocus.documents.has(controlRoom(ROOM)), 'both docs unloaded', GRACE_MS + 3000);
    expect(Date.now() - left).toBeGreaterThanOrEqual(GRACE_MS - 50);

    // Loaded again from the store, with what was written.
    const c = client(s.url, 'cy');
    await c.whenSynced();
    expect(c.doc.getMap('clusters').get('c1')).toBe('kept');
    expect(loads.filter((n) => n === ROOM)).toHaveLength(2);
    c.destroy();
  });
});
