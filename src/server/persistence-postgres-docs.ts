/**
 * Documents in PostgreSQL, on the storage thread: a snapshot per document and the updates
 * appended since, shared by every instance. Appends take no lock; a compaction holds a
 * per-document advisory lock and deletes exactly the rows it merged.
 */
import pg from 'pg';
import { mergeState, type DocStore } from './doc-store.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tryghed_documents (name TEXT PRIMARY KEY, data BYTEA NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS tryghed_document_updates (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL);
CREATE INDEX IF NOT EXISTS tryghed_document_updates_name ON tryghed_document_updates (name, id);
`;

/** A pool with the schema in place; shared by the votes' storage. */
export async function connectPool(url: string, max: number, schema: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', (e) => console.error('[tryghed] postgres pool error:', e.message));
  const c = await pool.connect();
  try {
    // Two instances starting together: the lock keeps their CREATE TABLEs apart.
    await c.query('SELECT pg_advisory_lock(7382910)');
    await c.query(schema);
    await c.query('SELECT pg_advisory_unlock(7382910)');
  } finally {
    c.release();
  }
  return pool;
}

export class PostgresDocs implements DocStore {
  private constructor(private readonly pool: pg.Pool) {}

  static async connect(url: string): Promise<PostgresDocs> {
    return new PostgresDocs(await connectPool(url, 4, SCHEMA));
  }

  private async read(c: Pick<pg.PoolClient, 'query'>, name: string): Promise<{ snapshot: Buffer | null; ids: string[]; rows: Buffer[] }> {
    const s = await c.query<{ data: Buffer }>('SELECT data FROM tryghed_documents WHERE name = $1', [name]);
    const u = await c.query<{ id: string; data: Buffer }>('SELECT id::text AS id, data FROM tryghed_document_updates WHERE name = $1 ORDER BY id', [name]);
    return { snapshot: s.rows[0]?.data ?? null, ids: u.rows.map((r) => r.id), rows: u.rows.map((r) => r.data) };
  }

  async load(name: string): Promise<Uint8Array | null> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { snapshot, rows } = await this.read(c, name);
      await c.query('COMMIT');
      if (rows.length === 0) return snapshot ? new Uint8Array(snapshot) : null;
      return mergeState([...(snapshot ? [snapshot] : []), ...rows]);
    } finally {
      c.release();
    }
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    await this.pool.query('INSERT INTO tryghed_document_updates (name, data) SELECT $1, unnest($2::bytea[])', [
      name,
      updates.map((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength)),
    ]);
  }

  async compact(name: string): Promise<number> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`doc:${name}`]);
      const { snapshot, ids, rows } = await this.read(c, name);
      if (rows.length === 0) {
        await c.query('COMMIT');
        return snapshot?.byteLength ?? 0;
      }
      const merged = mergeState([...(snapshot ? [snapshot] : []), ...rows]);
      await c.query(
        'INSERT INTO tryghed_documents (name, data) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET data = excluded.data, updated_at = now()',
        [name, Buffer.from(merged)],
      );
      // Exactly the rows merged: a row committed later (even with a smaller id) stays.
      await c.query('DELETE FROM tryghed_document_updates WHERE id = ANY($1::bigint[])', [ids]);
      await c.query('COMMIT');
      return merged.byteLength;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async delete(names: readonly string[]): Promise<void> {
    await this.pool.query('DELETE FROM tryghed_documents WHERE name = ANY($1::text[])', [names]);
    await this.pool.query('DELETE FROM tryghed_document_updates WHERE name = ANY($1::text[])', [names]);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
