/**
 * The server's side of the storage thread (./storage-worker.ts): a DocStore whose every call
 * runs on that thread. Calls made before the thread is up wait in its queue; if the thread
 * dies, the calls in flight fail and the next call starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { DocStore } from './doc-store.js';

export type DocBackend = { kind: 'sqlite'; dataDir: string; synchronous: 'NORMAL' | 'FULL' } | { kind: 'postgres'; url: string };

export type ThreadRequest = { id: number } & (
  | { op: 'load'; name: string }
  | { op: 'append'; name: string; updates: Uint8Array[] }
  | { op: 'compact'; name: string }
  | { op: 'delete'; names: string[] }
  | { op: 'close' }
);
export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
type Op = ThreadRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Args<O extends Op> = Omit<Extract<ThreadRequest, { op: O }>, 'id' | 'op'>;

export class ThreadDocStore implements DocStore {
  private worker: Worker | null = null;
  private closed = false;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly backend: DocBackend) {}

  private start(): Worker {
    const worker = new Worker(new URL('./storage-worker-boot.mjs', import.meta.url), {
      workerData: { entry: new URL('./storage-worker.ts', import.meta.url).href, backend: this.backend },
    });
    worker.on('message', (r: ThreadReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (r.ok) p?.resolve(r.value);
      else p?.reject(new Error(r.error));
    });
    const fail = (e: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`storage thread exited (${code})`)));
    return worker;
  }

  private call<O extends Op>(op: O, args: Args<O>, transfer: ArrayBuffer[] = [], closing = false): Promise<unknown> {
    if (this.closed && !closing) return Promise.reject(new Error('the document store is closed'));
    this.worker ??= this.start();
    const id = ++this.seq;
    const p = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker!.postMessage({ id, op, ...args }, transfer);
    });
    this.inFlight.add(p);
    const done = () => this.inFlight.delete(p);
    p.then(done, done);
    return p;
  }

  async load(name: string): Promise<Uint8Array | null> {
    return (await this.call('load', { name })) as Uint8Array | null;
  }

  async append(name: string, updates: Uint8Array[]): Promise<void> {
    // Copies: an update may be a view into a larger buffer that is not ours to hand over.
    const copies = updates.map((u) => u.slice());
    await this.call('append', { name, updates: copies }, copies.map((c) => c.buffer as ArrayBuffer));
  }

  async compact(name: string): Promise<number> {
    return (await this.call('compact', { name })) as number;
  }

  async delete(names: readonly string[]): Promise<void> {
    await this.call('delete', { names: [...names] });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (!this.worker) return;
    await Promise.allSettled([...this.inFlight]);
    await this.call('close', {}, [], true).catch(() => undefined);
    const w = this.worker;
    this.worker = null;
    await w?.terminate();
  }
}
