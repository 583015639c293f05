/**
 * Documents stored as appended updates and compacted off the event loop lose nothing:
 * whatever the order of appends and compactions (two stores on one SQLite file, or on one
 * PostgreSQL), loading gives the document every update made; older SQLite data is adopted.
 */
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DocStore } from '../../src/server/doc-store.js';
import { PostgresDocs } from '../../src/server/persistence-postgres-docs.js';
import { SqliteDocs } from '../../src/server/persistence-sqlite-docs.js';
import { ThreadDocStore } from '../../src/server/storage-thread.js';
import { cleanup, tempDir } from './support/helpers.js';
import { startPostgres, type Service } from './support/services.js';

/** Edits of a few clients, as the updates they produce. */
const editsArb = fc.array(fc.record({ client: fc.integer({ min: 0, max: 2 }), key: fc.constantFrom('a', 'b', 'c'), text: fc.string({ maxLength: 30 }), del: fc.boolean() }), {
  minLength: 1,
  maxLength: 25,
});

function updatesOf(edits: { client: number; key: string; text: string; del: boolean }[]): { updates: Uint8Array[]; want: unknown } {
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
  const all = new Y.Doc();
  const updates: Uint8Array[] = [];
  for (const e of edits) {
    const d = docs[e.client]!;
    const take = (u: Uint8Array) => (updates.push(u), Y.applyUpdate(all, u));
    d.on('update', take);
    if (e.del) d.getMap('m').delete(e.key);
    else d.getMap('m').set(e.key, e.text);
    d.getText('t').insert(0, e.text);
    d.off('update', take);
  }
  return { updates, want: contents(all) };
}

const contents = (d: Y.Doc) => ({ m: d.getMap('m').toJSON(), t: d.getText('t').toString() });
const loaded = (state: Uint8Array | null) => {
  const d = new Y.Doc();
  if (state) Y.applyUpdate(d, state);
  return contents(d);
};

/** Two stores on the same data (two instances) append and compact at random; nothing is lost. */
async function checkStores(open: () => Promise<[DocStore, DocStore]>) {
  const [one, two] = await open();
  let n = 0;
  try {
    await fc.assert(
      fc.asyncProperty(editsArb, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 25, maxLength: 25 }), async (edits, plan) => {
        const name = `tryghed:1:doc${n++}`;
        const { updates, want } = updatesOf(edits);
        const work: Promise<unknown>[] = [];
        updates.forEach((u, i) => {
          const store = plan[i]! % 2 === 0 ? one : two;
          work.push(store.append(name, [u]));
          if (plan[i]! >= 2) work.push(store.compact(name));
        });
        await Promise.all(work);
        expect(loaded(await one.load(name))).toEqual(want);
        await two.compact(name);
        expect(loaded(await one.load(name))).toEqual(want);
      }),
      { numRuns: 40 },
    );
  } finally {
    await one.close();
    await two.close();
  }
}

describe('document storage: appended updates and compaction', () => {
  let pg: Service;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(async () => {
    await pg.stop();
  });

  it('SQLite: two storage threads on one file', async () => {
    const dir = tempDir();
    const thread = () => new ThreadDocStore({ kind: 'sqlite', dataDir: dir, synchronous: 'NORMAL' });
    try {
      await checkStores(async () => [thread(), thread()]);
    } finally {
      cleanup(dir);
    }
  });

  it('PostgreSQL: two stores on one database', async () => {
    await checkStores(async () => [await PostgresDocs.connect(pg.url), await PostgresDocs.connect(pg.url)]);
  });

  it('the storage thread: same answers, and a compaction shrinks what was deleted', async () => {
    const dir = tempDir();
    const store = new ThreadDocStore({ kind: 'sqlite', dataDir: dir, synchronous: 'NORMAL' });
    try {
      const d = new Y.Doc();
      const updates: Uint8Array[] = [];
      d.on('update', (u: Uint8Array) => updates.push(u));
      d.getMap('m').set('big', 'x'.repeat(100_000));
      d.getMap('m').delete('big');
      d.getMap('m').set('kept', 'yes');
      await store.append('tryghed:1:b', updates);
      expect(loaded(await store.load('tryghed:1:b'))).toEqual({ m: { kept: 'yes' }, t: '' });
      const size = await store.compact('tryghed:1:b');
      expect(size).toBeLessThan(1000);
      expect(loaded(await store.load('tryghed:1:b'))).toEqual({ m: { kept: 'yes' }, t: '' });
      expect(await store.load('tryghed:1:none')).toBeNull();
    } finally {
      await store.close();
      cleanup(dir);
    }
  });

  it('the storage thread runs at a lower priority than the event loop (Linux: nice 10)', async () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat (after the command name) is the thread's nice value.
    const nice = () => new Map(readdirSync('/proc/self/task').map((t) => [t, Number(readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1]!.split(' ')[16])]));
    const before = nice();
    const dir = tempDir();
    const store = new ThreadDocStore({ kind: 'sqlite', dataDir: dir, synchronous: 'NORMAL' });
    try {
      await store.load('tryghed:1:b');
      const added = [...nice()].filter(([t]) => !before.has(t)).map(([, n]) => n);
      expect(added).toContain(10);
      expect(nice().get(String(process.pid))).toBeLessThan(10);
    } finally {
      await store.close();
      cleanup(dir);
    }
  });

  it('documents an older version kept in the votes file are adopted once', async () => {
    const dir = tempDir();
    try {
      const d = new Y.Doc();
      d.getMap('m').set('old', 'board');
      const legacy = new Database(join(dir, 'tryghed.sqlite'));
      legacy.exec('CREATE TABLE documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL)');
      legacy.prepare('INSERT INTO documents VALUES (?, ?, ?)').run('tryghed:1:old', Buffer.from(Y.encodeStateAsUpdate(d)), 1);
      legacy.close();
      const store = new SqliteDocs(dir);
      expect(loaded(await store.load('tryghed:1:old'))).toEqual({ m: { old: 'board' }, t: '' });
      await store.close();
      const after = new Database(join(dir, 'tryghed.sqlite'));
      expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'documents'").get()).toBeUndefined();
      after.close();
    } finally {
      cleanup(dir);
    }
  });
});
