/** Both vote storages, for property tests that must hold on each: registers their setup and teardown. */
import { afterAll, beforeAll } from 'vitest';
import { PostgresStorage } from '../../../src/server/persistence-postgres.js';
import { SqliteStorage } from '../../../src/server/persistence-sqlite.js';
import type { Storage } from '../../../src/server/votes/types.js';
import { cleanup, tempDir } from './helpers.js';
import { startPostgres, type Service } from './services.js';

export function bothStorages(): [string, Storage][] {
  let pg: Service;
  let dir: string;
  const storages: [string, Storage][] = [];
  beforeAll(async () => {
    pg = await startPostgres();
    dir = tempDir();
    storages.push(['sqlite', new SqliteStorage(dir)], ['postgres', await PostgresStorage.connect(pg.url)]);
  });
  afterAll(async () => {
    for (const [, st] of storages) await st.close();
    cleanup(dir);
    await pg.stop();
  });
  return storages;
}
