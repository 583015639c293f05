/**
 * The storage thread: owns the document store (SQLite file or PostgreSQL pool) and does the
 * reading, merging and writing of documents, so none of it runs on the server's event loop.
 * Answers { id, ok, value | error } to each request of ./storage-thread.ts.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { DocStore } from './doc-store.js';
import type { DocBackend, ThreadReply, ThreadRequest } from './storage-thread.js';

/** This thread's nice value: merging and writing documents is background work. */
const STORAGE_NICE = 10;
// On a busy machine the event loop, which answers every board, goes first: a flood's merges
// here no longer take the cores from it. Linux keeps a nice value per thread (this one's id
// from /proc/thread-self); elsewhere, or if refused, the thread keeps the default.
try {
  setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), STORAGE_NICE);
} catch {
  /* not Linux */
}

const backend = (workerData as { backend: DocBackend }).backend;
// Only the backend in use is loaded (a thread's memory is the server's too).
const store: Promise<DocStore> =
  backend.kind === 'postgres'
    ? import('./persistence-postgres-docs.js').then(({ PostgresDocs }) => PostgresDocs.connect(backend.url))
    : import('./persistence-sqlite-docs.js').then(({ SqliteDocs }) => new SqliteDocs(backend.dataDir, backend.synchronous));

async function answer(req: ThreadRequest): Promise<{ value: unknown; transfer: ArrayBuffer[] }> {
  const s = await store;
  switch (req.op) {
    case 'load': {
      const state = await s.load(req.name);
      return { value: state, transfer: state ? [state.buffer as ArrayBuffer] : [] };
    }
    case 'append':
      return { value: await s.append(req.name, req.updates), transfer: [] };
    case 'compact':
      return { value: await s.compact(req.name), transfer: [] };
    case 'delete':
      return { value: await s.delete(req.names), transfer: [] };
    case 'close':
      await s.close();
      return { value: null, transfer: [] };
  }
}

parentPort!.on('message', (req: ThreadRequest) => {
  answer(req).then(
    ({ value, transfer }) => parentPort!.postMessage({ id: req.id, ok: true, value } satisfies ThreadReply, transfer),
    (e: unknown) => parentPort!.postMessage({ id: req.id, ok: false, error: (e as Error)?.message ?? String(e) } satisfies ThreadReply),
  );
});
