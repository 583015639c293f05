/**
 * A network of Y.Docs for tests: every local update is queued for every other doc, and the
 * test decides when messages arrive. Delivery picks a random queued message (reordering),
 * can deliver it again later (duplication), and holds messages back until asked (delay).
 * Seeded, so a failing fast-check run replays exactly.
 */
import * as Y from 'yjs';
import { mulberry32 as seeded } from '../../src/core/random.js';

/** Origin of updates applied from the network, so they are not sent on again. */
export const REMOTE = Symbol('linked-docs:remote');

export interface LinkOptions {
  /** 0..1: chance that a delivered message stays queued to be delivered again */
  duplicate?: number;
  /** deterministic random source in [0, 1) */
  rand?: () => number;
  /** keep deleted content (for tests that inspect history) */
  gc?: boolean;
}

interface Message {
  to: number;
  update: Uint8Array;
}

/** The seeded generator: the app's own mulberry32 (same numbers as this file's former copy). */
export { seeded };

export class LinkedDocs {
  readonly docs: Y.Doc[] = [];
  private queue: Message[] = [];
  private rand: () => number;
  private duplicate: number;
  private gc: boolean;
  /** messages delivered so far, duplicates included */
  delivered = 0;

  constructor(count: number, opts: LinkOptions = {}) {
    this.rand = opts.rand ?? seeded(1);
    this.duplicate = opts.duplicate ?? 0;
    this.gc = opts.gc ?? true;
    for (let i = 0; i < count; i++) this.add();
  }

  /** Add a doc; if others exist it joins late, loading the full state of a random peer. */
  add(): Y.Doc {
    const doc = new Y.Doc({ gc: this.gc });
    const index = this.docs.length;
    if (index > 0) {
      const from = this.docs[Math.floor(this.rand() * index)]!;
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(from), REMOTE);
    }
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      this.docs.forEach((_, to) => {
        if (to !== index) this.queue.push({ to, update });
      });
    });
    this.docs.push(doc);
    return doc;
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Deliver up to `n` randomly chosen queued messages. */
  deliver(n = 1): void {
    for (let i = 0; i < n && this.queue.length > 0; i++) {
      const at = Math.floor(this.rand() * this.queue.length);
      const msg = this.queue[at]!;
      if (this.rand() >= this.duplicate) this.queue.splice(at, 1);
      Y.applyUpdate(this.docs[msg.to]!, msg.update, REMOTE);
      this.delivered++;
    }
  }

  /** Deliver everything still queued (duplicates included, in random order). */
  flush(): void {
    // Duplicates re-queue with probability < 1, so this ends; cap it anyway.
    for (let guard = 0; this.queue.length > 0 && guard < 1_000_000; guard++) this.deliver(1);
  }

  /** True when every doc holds the same state. */
  converged(): boolean {
    const sv = this.docs.map((d) => Buffer.from(Y.encodeStateVector(d)).toString('base64'));
    const json = this.docs.map((d) => JSON.stringify(snapshotJson(d)));
    return sv.every((s) => s === sv[0]) && json.every((j) => j === json[0]);
  }

  destroy(): void {
    for (const d of this.docs) d.destroy();
  }
}

/** Every non-empty top-level shared type of a doc as JSON, keys sorted, for comparing replicas. */
export function snapshotJson(doc: Y.Doc): unknown {
  const out: Record<string, unknown> = {};
  for (const name of [...doc.share.keys()].sort()) {
    const type = doc.share.get(name)!;
    // A top-level type known only from remote updates has no concrete class yet: read it as a map.
    const json = sortKeys(type.constructor === Y.AbstractType ? doc.getMap(name).toJSON() : type.toJSON());
    // Reading a map that no one has written creates it empty on that replica only.
    if (json && typeof json === 'object' && Object.keys(json).length === 0) continue;
    out[name] = json;
  }
  return out;
}

function sortKeys(v: unknown): unknown {
  if (v instanceof Uint8Array) return Array.from(v);
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}
