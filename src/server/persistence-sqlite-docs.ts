/**
 * Documents in SQLite, on the storage thread: a snapshot per document and the updates
 * appended since. They live in their own file (documents.sqlite next to the votes' file), so
 * a big write here never makes a vote on the event loop wait for SQLite's write lock.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { mergeState, type DocStore } from './doc-store.js';

/** Optimistic compactions tried before one runs under the write lock. */
const OPTIMISTIC_ATTEMPTS = 4;

interface Merged {
  readonly merged: Uint8Array;
  /** updated_at of the snapshot the merge started from (undefined: there was none). */
  readonly previousAt: number | undefined;
  /** The last update row the merge holds. */
  readonly maxId: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS document_updates (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS document_updates_name ON document_updates (name, id);
`;

/** Opens (creates) a SQLite file in WAL mode with the schema; shared by the votes' file. */
export function openSqlite(dataDir: string, file: string, synchronous: 'NORMAL' | 'FULL', schema: string): Database.Database {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // Several processes may share the file (two instances on one host): wait, don't fail.
  db.pragma('busy_timeout = 5000');
  db.exec(schema);
  return db;
}

type Snapshot = { data: Buffer; updated_at: number } | undefined;
type Row = { id: number; data: Buffer };

export class SqliteDocs implements DocStore {
  private readonly db: Database.Database;

  constructor(dataDir: string, synchronous: 'NORMAL' | 'FULL' = 'NORMAL', file = 'documents.sqlite', legacyFile = 'tryghed.sqlite') {
    this.db = openSqlite(dataDir, file, synchronous, SCHEMA);
    this.adoptLegacy(join(dataDir, legacyFile));
  }

  /** Documents stored by an older version in the votes' file move here, once. */
  private adoptLegacy(path: string): void {
    if (!existsSync(path)) return;
    this.db.prepare('ATTACH DATABASE ? AS legacy').run(path);
    try {
      const has = this.db.prepare("SELECT 1 FROM legacy.sqlite_master WHERE type = 'table' AND name = 'documents'").get();
      if (has) {
        this.db.transaction(() => {
          this.db.exec('INSERT OR IGNORE INTO main.documents (name, data, updated_at) SELECT name, data, updated_at FROM legacy.documents');
          this.db.exec('DROP TABLE legacy.documents');
        }).immediate();
      }
    } finally {
      this.db.exec('DETACH DATABASE legacy');
    }
  }

  private read(name: string): { snapshot: Snapshot; rows: Row[] } {
    return this.db.transaction(() => ({
      snapshot: this.db.prepare('SELECT data, updated_at FROM documents WHERE name = ?').get(name) as Snapshot,
      rows: this.db.prepare('SELECT id, data FROM document_updates WHERE name = ? ORDER BY id').all(name) as Row[],
    }))();
  }

  async load(name: string): Promise<Uint8Array | null> {
    const { snapshot, rows } = this.read(name);
    if (rows.length === 0) return snapshot ? new Uint8Array(snapshot.data) : null;
    return mergeState([...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)]);
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO document_updates (name, data) VALUES (?, ?)');
    this.db.transaction(() => {
      for (const u of updates) insert.run(name, Buffer.from(u.buffer, u.byteOffset, u.byteLength));
    }).immediate();
  }

  async compact(name: string): Promise<number> {
    // Merged outside the write lock; written only if no one else (another instance on this
    // file) replaced the snapshot meanwhile, else read and merged again.
    for (let attempt = 0; attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
      const m = this.merge(name);
      if (typeof m === 'number') return m;
      const done = this.db.transaction(() => {
        const now = this.db.prepare('SELECT updated_at FROM documents WHERE name = ?').get(name) as { updated_at: number } | undefined;
        if (now?.updated_at !== m.previousAt) return false;
        this.writeSnapshot(name, m);
        return true;
      }).immediate();
      if (done) return m.merged.byteLength;
    }
    // It kept losing the race: read and merge under the write lock, where it cannot lose again.
    return this.db.transaction(() => {
      const m = this.merge(name);
      if (typeof m === 'number') return m;
      this.writeSnapshot(name, m);
      return m.merged.byteLength;
    }).immediate();
  }

  /** The snapshot merged with the rows after it; only the snapshot's size when there are none. */
  private merge(name: string): Merged | number {
    const { snapshot, rows } = this.read(name);
    if (rows.length === 0) return snapshot?.data.byteLength ?? 0;
    const merged = mergeState([...(snapshot ? [snapshot.data] : []), ...rows.map((r) => r.data)]);
    return { merged, previousAt: snapshot?.updated_at, maxId: rows[rows.length - 1]!.id };
  }

  /** Inside a write transaction: the merged snapshot replaces the old one and the rows it holds. */
  private writeSnapshot(name: string, { merged, previousAt, maxId }: Merged): void {
    this.db
      .prepare('INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at')
      .run(name, Buffer.from(merged), Math.max(Date.now(), (previousAt ?? 0) + 1));
    // Ids are handed out under the write lock, so every row up to maxId was in the read.
    this.db.prepare('DELETE FROM document_updates WHERE name = ? AND id <= ?').run(name, maxId);
  }

  async delete(names: readonly string[]): Promise<void> {
    this.db.transaction(() => {
      for (const n of names) {
        this.db.prepare('DELETE FROM documents WHERE name = ?').run(n);
        this.db.prepare('DELETE FROM document_updates WHERE name = ?').run(n);
      }
    }).immediate();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
