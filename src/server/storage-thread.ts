/**
 * The server's side of the storage thread (./storage-worker.ts): a DocStore whose every call
 * runs on that thread. Calls made before the thread is up wait for it; if the thread dies,
 * the calls in flight fail and the next call starts a new one.
 *
 * The thread runs plain JavaScript: its sources are bundled once per process with esbuild
 * (what tsx compiles with), packages left to `require`. A thread that loaded TypeScript
 * through tsx itself carried tsx and esbuild's own thread: about 45 MB of the server's RSS
 * against 15 MB now (bench server.rss-2000-conns).
 */
import { fileURLToPath } from 'node:url';
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

const entry = fileURLToPath(new URL('./storage-worker.ts', import.meta.url));
let workerCode: Promise<string> | null = null;

/** The storage thread's code as one CommonJS script; packages are required from src/server. */
function bundle(): Promise<string> {
  workerCode ??= (async () => {
    const esbuild = await import('esbuild');
    try {
      const out = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', write: false, logLevel: 'silent' });
      return `(function (require, module, exports) {\n${out.outputFiles[0]!.text}\n})(require('node:module').createRequire(${JSON.stringify(entry)}), { exports: {} }, {});`;
    } finally {
      // Its service process is not needed after the build.
      await esbuild.stop();
    }
  })();
  workerCode.catch(() => (workerCode = null));
  return workerCode;
}

export class ThreadDocStore implements DocStore {
  private worker: Promise<Worker> | null = null;
  private closed = false;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly inFlight = new Set<Promise<unknown>>();
  /** The running thread (set once started), to tell its failure from a later thread's. */
  private current: Worker | null = null;

  constructor(private readonly backend: DocBackend) {
    // Bundled now, as the server starts: spawning esbuild costs the event loop a few tens of
    // ms, which the first board's load (with clients waiting) should not. The thread itself
    // starts with the first call (a server that loads no board carries none).
    bundle().catch(() => undefined);
  }

  private async start(): Promise<Worker> {
    // No loader flags (the server may run under tsx): the thread needs none.
    const worker = new Worker(await bundle(), { eval: true, execArgv: [], workerData: { backend: this.backend } });
    worker.on('message', (r: ThreadReply) => {
      const p = this.pending.get(r.id);
      this.pending.delete(r.id);
      if (r.ok) p?.resolve(r.value);
      else p?.reject(new Error(r.error));
    });
    const fail = (e: Error) => {
      if (this.current !== worker) return;
      this.current = null;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`storage thread exited (${code})`)));
    this.current = worker;
    return worker;
  }

  private call<O extends Op>(op: O, args: Args<O>, transfer: ArrayBuffer[] = [], closing = false): Promise<unknown> {
    if (this.closed && !closing) return Promise.reject(new Error('the document store is closed'));
    if (!this.worker) {
      const starting = this.start();
      this.worker = starting;
      // A failed start (the bundle) fails this call; the next one tries again.
      starting.catch(() => this.worker === starting && (this.worker = null));
    }
    const worker = this.worker;
    const id = ++this.seq;
    const p = worker.then(
      (w) =>
        new Promise((resolve, reject) => {
          if (this.current !== w) return reject(new Error('storage thread exited'));
          this.pending.set(id, { resolve, reject });
          w.postMessage({ id, op, ...args }, transfer);
        }),
    );
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
    const w = this.current;
    this.worker = null;
    this.current = null;
    await w?.terminate();
  }
}
