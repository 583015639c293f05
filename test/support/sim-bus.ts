/**
 * A simulated Miro board for the sync transport: a seeded scheduler with its own clock, a
 * broadcast bus (loss, duplication, random delay and so reordering; no echo to the sender;
 * no history) and a shared key-value storage (last writer wins, a size limit per value,
 * change notifications). Deterministic for a given seed; fast because time is virtual.
 */
import type { ChannelStorage, JsonValue, MiroChannel } from '../../src/sync/miro-channel.js';
import type { Clock } from '../../src/sync/miro-transport.js';

export { mulberry32 } from '../../src/core/random.js';

interface Task {
  at: number;
  seq: number;
  fn: () => void;
}

export class Scheduler {
  now = 0;
  private tasks: Task[] = [];
  private seq = 0;
  readonly clock: Clock = {
    now: () => this.now,
    setTimeout: (fn, ms) => this.at(this.now + Math.max(0, ms), fn),
    clearTimeout: (h) => {
      const i = this.tasks.findIndex((t) => t === h);
      if (i >= 0) this.tasks.splice(i, 1);
    },
  };

  at(time: number, fn: () => void): Task {
    const task = { at: time, seq: this.seq++, fn };
    // Keep sorted by (at, seq); insertion from the end is cheap for mostly-increasing times.
    let i = this.tasks.length;
    while (i > 0 && (this.tasks[i - 1]!.at > task.at || (this.tasks[i - 1]!.at === task.at && this.tasks[i - 1]!.seq > task.seq))) i--;
    this.tasks.splice(i, 0, task);
    return task;
  }

  /** Runs every task due within the next `ms` of virtual time, settling promises between. */
  async run(ms: number): Promise<void> {
    const end = this.now + ms;
    await settle();
    while (this.tasks.length > 0 && this.tasks[0]!.at <= end) {
      const task = this.tasks.shift()!;
      this.now = task.at;
      task.fn();
      await settle();
    }
    this.now = end;
  }
}

/** Lets every queued promise continuation run (they never wait on real time here). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export interface BusOptions {
  /** Probability that one delivery (to one receiver) is lost. */
  loss?: number;
  /** Probability that a delivery arrives twice. */
  duplicate?: number;
  /** Delivery delay range in ms (random per delivery, so messages reorder). */
  delay?: [number, number];
  /** Largest broadcast payload (JSON characters); bigger ones are refused. */
  maxPayloadChars?: number;
  /** Storage round-trip range in ms, each way. */
  storageLatency?: [number, number];
  /** Largest storage value (JSON characters), as Miro's ~64 KB a key. */
  maxValueChars?: number;
}

type Handler = (payload: unknown) => void;

export class SimBus {
  readonly storage = new Map<string, string>();
  readonly counts = { broadcasts: 0, delivered: 0, lost: 0, duplicated: 0, storageCalls: 0 };
  /** When set, a delivery happens only if it says so (targeted loss in tests). */
  deliverIf: ((from: SimPeer, to: SimPeer, payload: JsonValue) => boolean) | null = null;
  /** Called synchronously after every storage change (to check invariants at each step). */
  onStorageChange: (() => void) | null = null;
  private readonly peers = new Set<SimPeer>();
  private readonly o: Required<BusOptions>;

  constructor(readonly scheduler: Scheduler, readonly random: () => number, options: BusOptions = {}) {
    this.o = {
      loss: options.loss ?? 0,
      duplicate: options.duplicate ?? 0,
      delay: options.delay ?? [5, 80],
      maxPayloadChars: options.maxPayloadChars ?? 20_000,
      storageLatency: options.storageLatency ?? [10, 60],
      maxValueChars: options.maxValueChars ?? 64 * 1024,
    };
  }

  set loss(p: number) {
    this.o.loss = p;
  }

  peer(name: string): SimPeer {
    const p = new SimPeer(this, name);
    this.peers.add(p);
    return p;
  }

  private between([lo, hi]: [number, number]): number {
    return lo + this.random() * (hi - lo);
  }

  broadcast(from: SimPeer, event: string, payload: JsonValue): Promise<void> {
    if (from.detached) return Promise.reject(new Error('offline'));
    const json = JSON.stringify(payload);
    if (json.length > this.o.maxPayloadChars) return Promise.reject(new Error(`payload of ${json.length} chars is over the limit`));
    this.counts.broadcasts++;
    for (const to of this.peers) {
      if (to === from) continue; // no echo to the sender
      const copies = this.random() < this.o.duplicate ? 2 : 1;
      if (copies === 2) this.counts.duplicated++;
      for (let c = 0; c < copies; c++) {
        if (this.random() < this.o.loss || (this.deliverIf && !this.deliverIf(from, to, payload))) {
          this.counts.lost++;
          continue;
        }
        this.scheduler.at(this.scheduler.now + this.between(this.o.delay), () => {
          if (to.detached) return; // no history: what an absent peer misses is gone
          this.counts.delivered++;
          for (const h of to.handlers.get(event) ?? []) h(JSON.parse(json));
        });
      }
    }
    return this.later(1, () => undefined);
  }

  storageCall<T>(from: SimPeer, op: () => T): Promise<T> {
    if (from.detached) return Promise.reject(new Error('offline'));
    this.counts.storageCalls++;
    return new Promise((resolve, reject) => {
      this.scheduler.at(this.scheduler.now + this.between(this.o.storageLatency), () => {
        let result: T;
        try {
          result = op();
        } catch (err) {
          reject(err);
          return;
        }
        this.scheduler.at(this.scheduler.now + this.between(this.o.storageLatency), () => resolve(result));
      });
    });
  }

  setValue(key: string, value: JsonValue | undefined): void {
    if (value === undefined) this.storage.delete(key);
    else {
      const json = JSON.stringify(value);
      if (json.length > this.o.maxValueChars) throw new Error(`value of ${json.length} chars is over the limit`);
      this.storage.set(key, json);
    }
    this.onStorageChange?.();
    for (const p of this.peers) {
      for (const h of p.valueHandlers.get(key) ?? []) {
        this.scheduler.at(this.scheduler.now + this.between(this.o.delay), () => {
          if (!p.detached) h(value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
        });
      }
    }
  }

  getValue(key: string): unknown {
    const json = this.storage.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  private later<T>(ms: number, fn: () => T): Promise<T> {
    return new Promise((resolve) => this.scheduler.at(this.scheduler.now + ms, () => resolve(fn())));
  }
}

/** One app instance on the simulated board; its `channel` is what a transport gets. */
export class SimPeer {
  detached = false;
  readonly handlers = new Map<string, Set<Handler>>();
  readonly valueHandlers = new Map<string, Set<Handler>>();
  readonly channel: MiroChannel;

  constructor(private readonly bus: SimBus, readonly name: string) {
    const storage: ChannelStorage = {
      get: (key) => bus.storageCall(this, () => bus.getValue(key)),
      set: (key, value) => bus.storageCall(this, () => bus.setValue(key, value)),
      remove: (key) => bus.storageCall(this, () => bus.setValue(key, undefined)),
      onValue: async (key, h) => void add(this.valueHandlers, key, h),
      offValue: async (key, h) => void this.valueHandlers.get(key)?.delete(h),
    };
    this.channel = {
      broadcast: (event, payload) => bus.broadcast(this, event, payload),
      on: async (event, h) => void add(this.handlers, event, h),
      off: async (event, h) => void this.handlers.get(event)?.delete(h),
      storage,
    };
  }

  /** Cuts this peer off: its calls fail and nothing reaches it until `attach`. */
  detach(): void {
    this.detached = true;
  }

  attach(): void {
    this.detached = false;
  }

  /** Hands a raw payload to this peer's handlers, as if another instance broadcast it. */
  inject(event: string, payload: unknown): void {
    for (const h of this.handlers.get(event) ?? []) h(payload);
  }
}

function add(map: Map<string, Set<Handler>>, key: string, h: Handler): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(h);
}
