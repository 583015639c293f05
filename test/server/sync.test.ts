import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { client, startServer, waitFor, type Started } from './support/helpers.js';

describe('server sync on 127.0.0.1', () => {
  let s: Started;
  beforeAll(async () => {
    s = await startServer();
  });
  afterAll(async () => {
    await s.stop();
  });

  it('two clients converge', async () => {
    const a = client(s.url, 'ua');
    const b = client(s.url, 'ub');
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.doc.getMap('m').set('from-a', 1);
    b.doc.getMap('m').set('from-b', 2);
    b.doc.getText('t').insert(0, 'hej ');
    a.doc.getText('t').insert(0, 'med dig');
    await waitFor(() => a.doc.getMap('m').size === 2 && b.doc.getMap('m').size === 2, 'maps');
    await waitFor(() => a.doc.getText('t').toString() === b.doc.getText('t').toString() && a.doc.getText('t').length === 11, 'text');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    a.destroy();
    b.destroy();
  });

  it('a reconnecting client catches up on what it missed, and sends what it wrote offline', async () => {
    const a = client(s.url, 'ua');
    const b = client(s.url, 'ub');
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const statuses: string[] = [];
    b.onStatus((st) => statuses.push(st));
    b.provider.configuration.websocketProvider.disconnect();
    await waitFor(() => b.status === 'offline', 'b offline');
    a.doc.getMap('r').set('while-away', 'x');
    b.doc.getMap('r').set('offline-edit', 'y');
    await b.provider.configuration.websocketProvider.connect();
    await waitFor(() => b.doc.getMap('r').get('while-away') === 'x', 'b catches up');
    await waitFor(() => a.doc.getMap('r').get('offline-edit') === 'y', 'a receives the offline edit');
    expect(statuses).toContain('offline');
    expect(statuses.at(-1)).toBe('synced');
    a.destroy();
    b.destroy();
  });

  it('a late joiner loads the document after everyone left (persisted)', async () => {
    const a = client(s.url, 'ua');
    await a.whenSynced();
    a.doc.getMap('late').set('k', 'v');
    await waitFor(() => !a.provider.hasUnsyncedChanges, 'acknowledged');
    a.destroy();
    await new Promise((r) => setTimeout(r, 300));
    const c = client(s.url, 'uc');
    await c.whenSynced();
    expect(c.doc.getMap('late').get('k')).toBe('v');
    c.destroy();
  });
});
