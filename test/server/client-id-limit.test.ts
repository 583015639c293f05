/**
 * Issue 9, new Yjs client ids per connection (server/client-ids.ts, config.ts
 * `maxNewClientIdsPerConnection`), against a real server on 127.0.0.1 with raw frames: every id
 * nobody owns that a live update writes under becomes the writer's claim, so one update under
 * thousands of ids could fill a board's claims and leave others' future ids unclaimable.
 * - a connection writing under more new ids than the limit (at once, or update by update) is
 *   closed (4403); nothing of the refused update is applied or claimed; what it wrote within the
 *   limit stays; other connections on the board go on;
 * - the first sync reply still claims nothing (a board's items under ids nobody owns come back),
 *   and it does not widen the limit: writing live under the ids it brought counts, and a second
 *   reply is live writing;
 * - the limit is a config option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { defaultLimits, loadConfig } from '../../src/server/config.js';
import type { ServerTransport } from '../../src/sync/server-transport.js';
import { client, control, must, ROOM, settled, startServer, waitFor, type Started, useStartedSession } from './support/helpers.js';
import { forgeAs, forgedUpdate, rawClient, replyFrame, updateFrame, type RawClient } from './support/raw.js';

const LIMIT = defaultLimits.maxNewClientIdsPerConnection;
const notes = (doc: Y.Doc) => doc.getMap('membership').toJSON() as Record<string, string>;

/** One change writing `count` notes, each under its own client id from `base` on. */
const underIds = (base: number, count: number, key: string) => (d: Y.Doc) => {
  for (let i = 0; i < count; i++) {
    d.clientID = base + i;
    d.getMap('membership').set(`${key}${i}`, 'x');
  }
};

/** The code `raw` is closed with, or 0 if it stays open for half a second. */
const closedWithin = (raw: RawClient) => Promise.race([raw.closed, new Promise<number>((r) => setTimeout(() => r(0), 500))]);

/** The first close code the server sends `c`, once it sends one. */
function closes(c: ServerTransport): { code: number | null } {
  const seen = { code: null as number | null };
  c.onRefused(({ code }) => (seen.code ??= code));
  return seen;
}

describe('a connection claims a limited number of new client ids', () => {
  const { join, current } = useStartedSession();
  let s: Started;
  let fac: ServerTransport;
  let anne: ServerTransport;
  let anneClosed: { code: number | null };
  beforeAll(async () => {
    ({ s, fac } = current());
    anne = await join('anne');
    anneClosed = closes(anne);
  });
  const keys = (prefix: string) => Object.keys(notes(fac.doc)).filter((k) => k.startsWith(prefix));

  it('one update under more new ids than the limit closes that connection only; none of it is applied or claimed', async () => {
    const raw = await rawClient(s.url, 'mallory', [ROOM]);
    raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, underIds(91_000_000, LIMIT + 1, 'flood-'))));
    expect(await closedWithin(raw)).toBe(4403);
    raw.ws.terminate();

    // The others go on: Anne's next edit reaches everyone, and her connection was never closed.
    anne.doc.getMap('membership').set('4001', 'anne');
    await settled(anne, fac);
    expect(notes(fac.doc)['4001']).toBe('anne');
    expect(anneClosed.code).toBeNull();
    const late = await join('late');
    for (const c of [fac, anne, late]) expect(Object.keys(notes(c.doc)).filter((k) => k.startsWith('flood-'))).toEqual([]);
    // Nothing was claimed: another person may still write under those ids.
    expect(await forgeAs(s.url, 'bob', fac.doc, underIds(91_000_000, 1, 'bob-'))).toBe(0);
    await waitFor(() => keys('bob-').length === 1, 'bob’s write');

    // Exactly the limit is taken.
    expect(await forgeAs(s.url, 'mallory', fac.doc, underIds(92_000_000, LIMIT, 'within-'))).toBe(0);
    await waitFor(() => keys('within-').length === LIMIT, 'the writes within the limit');
  });

  it('update by update: the first id past the limit closes the connection; the earlier writes stay, its own ids stay writable', async () => {
    const raw = await rawClient(s.url, 'mallory', [ROOM]);
    for (let i = 0; i < LIMIT; i++) raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, underIds(93_000_000 + i, 1, `step-${i}-`))));
    await waitFor(() => keys('step-').length === LIMIT, 'one note per id');
    // Writing again under an id of its own claims nothing new.
    raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, underIds(93_000_000, 1, 'again-'))));
    await waitFor(() => keys('again-').length === 1, 'a write under its own id');
    expect(await closedWithin(raw)).toBe(0);
    raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, underIds(93_000_000 + LIMIT, 1, 'past-'))));
    expect(await closedWithin(raw)).toBe(4403);
    raw.ws.terminate();
    expect(keys('past-')).toEqual([]);
    expect(keys('step-')).toHaveLength(LIMIT);
    expect(anneClosed.code).toBeNull();
  });

  it('the first sync reply claims nothing and does not widen the limit', async () => {
    // A reply relaying items under many ids nobody owns is taken, and claims none of them.
    const raw = await rawClient(s.url, 'mallory', [ROOM]);
    raw.send(replyFrame(ROOM, forgedUpdate(fac.doc, underIds(94_000_000, 2 * LIMIT, 'relayed-'))));
    await waitFor(() => keys('relayed-').length === 2 * LIMIT, 'the relayed items');
    expect(await closedWithin(raw)).toBe(0);
    expect(await forgeAs(s.url, 'bob', fac.doc, underIds(94_000_000 + 2 * LIMIT - 1, 1, 'bob-relayed-'))).toBe(0);
    // Writing live under the ids the reply brought counts like any new id.
    raw.send(updateFrame(ROOM, forgedUpdate(fac.doc, underIds(94_000_000, LIMIT + 1, 'reuse-'))));
    expect(await closedWithin(raw)).toBe(4403);
    raw.ws.terminate();
    expect(keys('reuse-')).toEqual([]);

    // Only the first reply is one: a second is live writing, and counts.
    const twice = await rawClient(s.url, 'mallory', [ROOM]);
    twice.send(replyFrame(ROOM, forgedUpdate(fac.doc, underIds(95_000_000, 1, 'first-'))));
    await waitFor(() => keys('first-').length === 1, 'the first reply');
    twice.send(replyFrame(ROOM, forgedUpdate(fac.doc, underIds(95_000_100, LIMIT + 1, 'second-'))));
    expect(await closedWithin(twice)).toBe(4403);
    twice.ws.terminate();
    expect(keys('second-')).toEqual([]);
    expect(anneClosed.code).toBeNull();
  });
});

describe('the limit is a config option', () => {
  let s: Started;
  let fac: ServerTransport;
  beforeAll(async () => {
    s = await startServer({ limits: { ...defaultLimits, maxNewClientIdsPerConnection: 2 } });
    fac = client(s.url, 'fac');
    await fac.whenSynced();
    must(await control(fac).apply({ type: 'start-session' }));
  });
  afterAll(async () => {
    fac?.destroy();
    await s?.stop();
  });

  it('is read from MAX_NEW_CLIENT_IDS_PER_CONNECTION, and the server holds the one it is given', async () => {
    expect(LIMIT).toBe(64);
    expect(loadConfig({ MIRO_CLIENT_SECRET: 'x', MAX_NEW_CLIENT_IDS_PER_CONNECTION: '3' }).limits.maxNewClientIdsPerConnection).toBe(3);
    expect(() => loadConfig({ MIRO_CLIENT_SECRET: 'x', MAX_NEW_CLIENT_IDS_PER_CONNECTION: 'many' })).toThrow(/MAX_NEW_CLIENT_IDS_PER_CONNECTION/);
    expect(await forgeAs(s.url, 'mallory', fac.doc, underIds(96_000_000, 3, 'three-'))).toBe(4403);
    expect(await forgeAs(s.url, 'mallory', fac.doc, underIds(96_000_100, 2, 'two-'))).toBe(0);
    await waitFor(() => Object.keys(notes(fac.doc)).filter((k) => k.startsWith('two-')).length === 2, 'two ids');
    expect(Object.keys(notes(fac.doc)).filter((k) => k.startsWith('three-'))).toEqual([]);
  });
});
