/** Builds transports over the simulated bus and checks replicas for convergence. */
import * as Y from 'yjs';
import type { MiroChannel } from '../../src/sync/miro-channel.js';
import { MiroTransport, type MiroTransportOptions } from '../../src/sync/miro-transport.js';
import { mulberry32, Scheduler, SimBus, type BusOptions, type SimPeer } from '../support/sim-bus.js';

export interface Replica {
  name: string;
  peer: SimPeer;
  transport: MiroTransport;
  doc: Y.Doc;
  warnings: string[];
}

export class Board {
  readonly scheduler = new Scheduler();
  readonly rng: () => number;
  readonly bus: SimBus;
  readonly replicas: Replica[] = [];
  private nextClientId = 1;

  constructor(seed: number, bus: BusOptions = {}, private readonly transportOptions: Partial<MiroTransportOptions> = {}) {
    this.rng = mulberry32(seed);
    this.bus = new SimBus(this.scheduler, mulberry32(seed ^ 0x9e3779b9), bus);
  }

  /** `wrap` puts something between the transport and its channel (a gate that pays, say). */
  join(name: string, options: Partial<MiroTransportOptions> = {}, wrap: (c: MiroChannel) => MiroChannel = (c) => c): Replica {
    const peer = this.bus.peer(name);
    const doc = new Y.Doc();
    doc.clientID = this.nextClientId++; // small, distinct and deterministic
    const warnings: string[] = [];
    const transport = new MiroTransport({
      channel: wrap(peer.channel),
      doc,
      clock: this.scheduler.clock,
      random: mulberry32(doc.clientID * 7919),
      log: { warn: (m: string) => void warnings.push(m) },
      ...this.transportOptions,
      ...options,
    });
    const r = { name, peer, transport, doc, warnings };
    this.replicas.push(r);
    return r;
  }

  run(ms: number): Promise<void> {
    return this.scheduler.run(ms);
  }
}

/** Applies one random edit of the kinds the session model makes (sets, deletes, inserts). */
export function randomEdit(doc: Y.Doc, rng: () => number, tag: string): void {
  const kind = Math.floor(rng() * 5);
  const map = doc.getMap<string>('m');
  const list = doc.getArray<string>('a');
  doc.transact(() => {
    const key = `k${Math.floor(rng() * 12)}`;
    if (kind === 0 || kind === 1) map.set(key, `${tag}:${Math.floor(rng() * 1000)}`);
    else if (kind === 2) map.delete(key); // a pure delete: the state vector does not move
    else if (kind === 3) list.insert(Math.floor(rng() * (list.length + 1)), [tag]);
    else if (list.length > 0) list.delete(Math.floor(rng() * list.length), 1);
  }, 'local');
}

/** The replicated content, map keys sorted (a Y.Map's key order is local insertion order). */
export function content(doc: Y.Doc): unknown {
  const m = doc.getMap('m').toJSON();
  const sorted = Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
  return { m: sorted, a: doc.getArray('a').toJSON(), t: doc.getText('t').toString() };
}

/** Same inserts and same deletes: equal state vectors and equal snapshots. */
export function converged(docs: Y.Doc[]): boolean {
  const [first, ...rest] = docs;
  if (!first) return true;
  const sv = Buffer.from(Y.encodeStateVector(first)).toString('base64');
  const snap = Y.snapshot(first);
  const json = JSON.stringify(content(first));
  return rest.every(
    (d) =>
      Buffer.from(Y.encodeStateVector(d)).toString('base64') === sv &&
      Y.equalSnapshots(Y.snapshot(d), snap) &&
      JSON.stringify(content(d)) === json,
  );
}
