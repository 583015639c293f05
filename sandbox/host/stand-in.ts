/**
 * StandInBoard: the sandbox's stand-in for Miro's host. Pure TypeScript (no DOM): it holds the
 * board (items, users, selection, viewports, storage), serves the SDK calls of every app
 * instance as plain data (see protocol.ts), refuses what Miro refuses (rules.ts, model.ts),
 * and meters every call (meter.ts: latency, credits, injected failures, counters).
 *
 * `sdkFor(userId)` gives an in-process MiroSdk (for tests and for the board helper); the
 * bridge (bridge.ts) serves the same calls to iframes over postMessage.
 */
import type { Json } from '@mirohq/websdk-types';
import type { MiroSdk, SdkItemType } from '../../src/board/sdk.js';
import type { Rect } from '../../src/core/geometry.js';
import { createSdkProxy, type SdkTransport } from '../client/sdk-proxy.js';
import { SdkError, refuse } from './errors.js';
import { Facilitation, facilitationHandlers } from './facilitation.js';
import { CallMeter, type FailPredicate, type MeterOptions, type MeterStats } from './meter.js';
import { ItemStore } from './items.js';
import type { ItemData, ItemState } from './model.js';
import type { Args, MethodName, Push, Rect4, Result } from './protocol.js';
import { MAX_BROADCAST_BYTES, MAX_STORAGE_VALUE_BYTES, byteLength, requireFiniteNumber, requireJson, requireString } from './rules.js';

export interface StandInUser {
  id: string;
  name: string;
}

export interface StandInOptions extends MeterOptions {
  boardId?: string;
  /** The app whose metadata the instances read and write. */
  appId?: string;
  locale?: string;
  tokenProvider?: (userId: string) => string | Promise<string>;
  /** canUse answers, and whether collaboration is offered; unknown features are false. Default { timer: false, collaboration: false }. */
  features?: Record<string, boolean>;
  /** Delay before pushed events arrive (0: next microtask). */
  eventDelayMs?: number;
  /** Broadcast payload limit in bytes (JSON, UTF-8). */
  maxBroadcastBytes?: number;
  maxStorageValueBytes?: number;
}

export type BoardChange =
  | { kind: 'create' | 'update' | 'remove'; ids: string[] }
  | { kind: 'selection' | 'viewport' | 'panel'; userId: string }
  | { kind: 'users' }
  | { kind: 'storage'; collection: string; key: string }
  | { kind: 'broadcast'; from: string; event: string; bytes: number }
  | { kind: 'notification'; userId: string; message: string }
  | { kind: 'timer' }
  | { kind: 'sessions' };

/** An item with its absolute rectangle (top-left based), for drawing. */
export interface ItemView extends ItemState {
  absolute: Rect;
}

/** One app instance (an iframe in the sandbox, an sdkFor() object in tests). */
export interface StandInConnection {
  readonly instanceId: string;
  readonly userId: string;
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  close(): void;
}

export type StandInSdk = MiroSdk & { readonly instanceId: string; readonly userId: string; dispose(): void };

interface Instance {
  id: string;
  userId: string;
  push: (p: Push) => void;
}

function pointIn(r: Rect, x: number, y: number): boolean {
  return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

type Handlers = { [M in MethodName]: (inst: Instance, ...args: Args<M>) => Result<M> | Promise<Result<M>> };

export class StandInBoard {
  readonly boardId: string;
  readonly appId: string;
  readonly meter: CallMeter;
  locale: string;
  features: Record<string, boolean>;
  tokenProvider: ((userId: string) => string | Promise<string>) | null;
  eventDelayMs: number;
  maxBroadcastBytes: number;
  maxStorageValueBytes: number;
  private readonly createdAt = new Date().toISOString();
  private readonly store = new ItemStore();
  private readonly usersById = new Map<string, StandInUser>();
  private readonly panels = new Map<string, { url: string; height?: number }>();
  private readonly selections = new Map<string, string[]>();
  private readonly viewports = new Map<string, Rect4>();
  private readonly storage = new Map<string, Map<string, { value: Json; version: string }>>();
  private readonly instances = new Map<string, Instance>();
  private readonly listeners = new Set<(change: BoardChange) => void>();
  private nextInstance = 0;
  private storageVersion = 0;
  /** Notifications, the timer, collaboration sessions and attention (facilitation.ts). */
  readonly facilitation = new Facilitation({
    enabled: (feature) => this.features[feature] === true,
    now: () => Date.now(),
    user: (id) => ({ ...this.user(id) }),
    isOnline: (id) => this.panels.has(id) || [...this.instances.values()].some((i) => i.userId === id),
    viewportOf: (id) => this.viewportOf(id),
    setViewport: (id, rect) => this.setViewport(id, rect),
    fit: (ids, current) => this.store.fit(ids, current),
    changed: (change) => this.emit(change),
  });

  constructor(options: StandInOptions = {}) {
    this.boardId = options.boardId ?? 'sandbox-board';
    this.appId = options.appId ?? 'tryghed';
    this.locale = options.locale ?? 'en';
    this.features = { timer: false, collaboration: false, ...options.features };
    this.tokenProvider = options.tokenProvider ?? null;
    this.eventDelayMs = options.eventDelayMs ?? 0;
    this.maxBroadcastBytes = options.maxBroadcastBytes ?? MAX_BROADCAST_BYTES;
    this.maxStorageValueBytes = options.maxStorageValueBytes ?? MAX_STORAGE_VALUE_BYTES;
    this.meter = new CallMeter(options);
  }

  // ---- switches and counters (shortcuts to the meter) ----
  get latencyMs(): number { return this.meter.latencyMs; }
  set latencyMs(ms: number) { this.meter.latencyMs = ms; }
  get jitterMs(): number { return this.meter.jitterMs; }
  set jitterMs(ms: number) { this.meter.jitterMs = ms; }
  stats(): MeterStats { return this.meter.getStats(); }
  resetStats(): void { this.meter.resetStats(); }
  failAfter(n: number, error?: Error): () => void { return this.meter.failAfter(n, error); }
  failWhen(predicate: FailPredicate): () => void { return this.meter.failWhen(predicate); }
  injectRateLimitErrors(options: { probability?: number; next?: number } | null): void { this.meter.injectRateLimitErrors(options); }
  clearFailures(): void { this.meter.clearFailures(); }

  onChange(listener: (change: BoardChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- users, panels, selection, viewport (host side) ----
  addUser(user: StandInUser): void {
    requireString(user.id, 'user.id');
    this.usersById.set(user.id, { id: user.id, name: user.name });
    this.emit({ kind: 'users' });
  }
  users(): StandInUser[] { return [...this.usersById.values()].map((u) => ({ ...u })); }
  /** Users whose app panel is open. */
  onlineUsers(): StandInUser[] { return this.users().filter((u) => this.panels.has(u.id)); }
  panelOf(userId: string): { url: string; height?: number } | undefined { return this.panels.get(userId); }

  setPanelOpen(userId: string, open: boolean, options: { url: string; height?: number } = { url: 'panel.html' }): void {
    this.user(userId);
    if (open === this.panels.has(userId)) return;
    if (open) this.panels.set(userId, { ...options });
    else {
      this.panels.delete(userId);
      this.facilitation.userLeft(userId);
    }
    this.emit({ kind: 'panel', userId });
    const users = this.onlineUsers();
    this.pushTo(() => true, () => ({ channel: 'ui', name: 'online_users:update', users }));
  }

  /** The user clicked the app icon: `icon:click` reaches that user's instances. */
  clickIcon(userId: string): void {
    this.user(userId);
    this.pushTo((i) => i.userId === userId, () => ({ channel: 'ui', name: 'icon:click' }));
  }

  setSelection(userId: string, ids: string[]): void {
    this.user(userId);
    for (const id of ids) this.store.live(id);
    this.selections.set(userId, [...ids]);
    this.emit({ kind: 'selection', userId });
    this.pushTo((i) => i.userId === userId, () => ({ channel: 'ui', name: 'selection:update', items: ids.map((id) => this.store.data(id)) }));
  }
  selectionOf(userId: string): string[] { return [...(this.selections.get(userId) ?? [])]; }

  viewportOf(userId: string): Rect4 { return { ...(this.viewports.get(userId) ?? { x: -960, y: -540, width: 1920, height: 1080 }) }; }
  setViewport(userId: string, rect: Rect4): void {
    this.viewports.set(userId, { ...rect });
    this.emit({ kind: 'viewport', userId });
    this.facilitation.viewportMoved(userId, rect);
  }

  // ---- board contents (host side) ----
  /** All live items in creation order, with absolute rectangles. */
  items(): ItemView[] { return this.store.all().map((s) => this.view(s)); }
  item(id: string): ItemView | undefined { return this.store.has(id) ? this.view(this.store.live(id)) : undefined; }
  isRemoved(id: string): boolean { return this.store.isRemoved(id); }
  /** Absolute rectangle (top-left based) of a live item. */
  absoluteRect(id: string): Rect { return this.store.absoluteRect(id); }

  /**
   * A person (not the app) creates an item on the board: validated, not metered. With
   * `parentId` the item is made inside that frame, as a double-click in a frame does on Miro;
   * props x/y are then still board (absolute) coordinates.
   */
  hostCreate(userId: string, type: SdkItemType, props: unknown, options: { parentId?: string } = {}): ItemView {
    return this.view(this.create(userId, type, props, options.parentId ?? null));
  }
  /** A person moves or edits an item (e.g. drags a sticky into a cluster). */
  hostUpdate(id: string, fields: Record<string, unknown>): ItemView {
    return this.view(this.sync(id, fields));
  }
  hostRemove(id: string): void { this.removeItem(id); }

  /**
   * A person drags items by (dx, dy) board units, as on Miro: a frame carries what is in it;
   * any other item whose centre lands in a frame becomes that frame's child (the topmost one,
   * i.e. the last created), and dragged out of every frame it leaves its frame. An item whose
   * frame is dragged too just goes along. One `experimental:items:update` for the lot.
   */
  hostMove(ids: readonly string[], dx: number, dy: number): ItemView[] {
    requireFiniteNumber(dx, 'dx');
    requireFiniteNumber(dy, 'dy');
    const moving = new Set(ids.map((id) => this.store.live(id).id));
    const roots = [...moving].filter((id) => !this.ancestors(id).some((a) => moving.has(a)));
    const carried = new Set(roots.flatMap((id) => [id, ...this.store.descendants(id)]));
    const frames = this.store.all().filter((s) => s.type === 'frame' && !carried.has(s.id)).reverse();
    const touched = new Set<string>();
    for (const id of roots) {
      const s = this.store.live(id);
      const r = this.store.absoluteRect(id);
      const cx = r.x + r.width / 2 + dx;
      const cy = r.y + r.height / 2 + dy;
      const before = s.parentId;
      const after = s.type === 'frame' ? before : (frames.find((f) => pointIn(this.store.absoluteRect(f.id), cx, cy))?.id ?? null);
      this.store.place(id, cx, cy, after);
      touched.add(id);
      if (before !== after) for (const f of [before, after]) if (f) touched.add(f);
    }
    if (touched.size > 0) this.updated([...touched]);
    return roots.map((id) => this.view(this.store.live(id)));
  }

  /** Every key held in the board's app storage, by collection (what a test checks is gone). */
  storageKeys(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [c, m] of this.storage) if (m.size > 0) out[c] = [...m.keys()].sort();
    return out;
  }

  storageValue(collection: string, key: string): { value: Json; version: string } | undefined {
    const e = this.storage.get(collection)?.get(key);
    return e ? structuredClone(e) : undefined;
  }

  // ---- app instances ----
  /** Connect an app instance of `userId`; pushes arrive through `push`. */
  connect(userId: string, push: (p: Push) => void): StandInConnection {
    this.user(userId);
    const inst: Instance = { id: `i${++this.nextInstance}`, userId, push };
    this.instances.set(inst.id, inst);
    return {
      instanceId: inst.id,
      userId,
      call: (method, args) => this.serve(inst, method, args),
      close: () => { this.instances.delete(inst.id); },
    };
  }

  /** An in-process SDK for `userId`: every call and result passes through structuredClone, as over the wire. */
  sdkFor(userId: string): StandInSdk {
    let onPush: (p: Push) => void = () => {};
    const conn = this.connect(userId, (p) => onPush(structuredClone(p)));
    const transport: SdkTransport = {
      call: async (method, args) => structuredClone(await conn.call(method, structuredClone(args))),
      onPush: (handler) => { onPush = handler; },
    };
    return Object.assign(createSdkProxy(transport), { instanceId: conn.instanceId, userId, dispose: () => conn.close() });
  }

  /** Serve one call from an instance: metered, then handled. Arguments are untrusted plain data. */
  serve<M extends MethodName>(inst: Instance, method: M, args: Args<M>): Promise<Result<M>> {
    const handler = this.handlers[method] as (inst: Instance, ...a: unknown[]) => Result<M> | Promise<Result<M>>;
    if (!handler) return Promise.reject(new SdkError('UNKNOWN_METHOD', `Unknown method ${String(method)}`));
    if (!Array.isArray(args)) return Promise.reject(new SdkError('INVALID_ARGUMENT', `${method}: arguments must be an array`));
    return this.meter.run(method, inst.userId, args, () => handler(inst, ...(args as unknown[])));
  }

  private readonly handlers: Handlers = {
    'board.createStickyNote': (inst, props) => this.store.data(this.create(inst.userId, 'sticky_note', props).id),
    'board.createShape': (inst, props) => this.store.data(this.create(inst.userId, 'shape', props).id),
    'board.createText': (inst, props) => this.store.data(this.create(inst.userId, 'text', props).id),
    'board.createFrame': (inst, props) => this.store.data(this.create(inst.userId, 'frame', props).id),
    'board.getById': (_i, id) => this.store.data(this.store.live(id).id),
    'board.get': (_i, filter) => this.store.query(filter),
    'board.getSelection': (inst) => this.selectionOf(inst.userId).filter((id) => this.store.has(id)).map((id) => this.store.data(id)),
    'board.remove': (_i, id) => { this.removeItem(id); return null; },
    'board.findEmptySpace': (_i, d) => this.store.emptySpace(d),
    'board.getIdToken': async (inst) => {
      if (!this.tokenProvider) refuse('NO_TOKEN', 'getIdToken: no token configured in the sandbox (set StandInBoard.tokenProvider)');
      return this.tokenProvider(inst.userId);
    },
    'board.getUserInfo': (inst) => ({ ...this.user(inst.userId) }),
    'board.getOnlineUsers': () => this.onlineUsers(),
    'board.getInfo': () => ({ id: this.boardId, locale: this.locale, createdAt: this.createdAt, updatedAt: new Date().toISOString() }),
    // Miro's canUse knows 'timer' and 'voting' only; collaboration shows itself by being refused or not.
    'board.canUse': (_i, feature) => (feature === 'timer' || feature === 'voting') && this.features[feature] === true,
    'item.sync': (_i, id, fields) => this.store.data(this.sync(id, fields).id),
    'item.getMetadata': (_i, id, key) => this.store.getMetadata(this.appId, id, key),
    'item.setMetadata': (_i, id, key, value) => {
      const all = this.store.setMetadata(this.appId, id, key, value);
      this.emit({ kind: 'update', ids: [id] });
      return all;
    },
    'frame.add': (_i, frameId, itemId) => this.moved(this.store.frameAdd(frameId, itemId)),
    'frame.remove': (_i, frameId, itemId) => this.moved(this.store.frameRemove(frameId, itemId)),
    'viewport.get': (inst) => this.viewportOf(inst.userId),
    'viewport.zoomTo': (inst, ids) => { this.setViewport(inst.userId, this.store.fit(ids, this.viewportOf(inst.userId))); return null; },
    'events.broadcast': (inst, event, payload) => { this.broadcast(inst, event, payload); return null; },
    'storage.get': (_i, collection, key) => {
      requireString(collection, 'collection');
      requireString(key, 'key');
      return structuredClone(this.storage.get(collection)?.get(key)?.value);
    },
    'storage.set': (_i, collection, key, value) => { this.storageSet(collection, key, value); return null; },
    'storage.remove': (_i, collection, key) => { this.storageSet(collection, key, undefined); return null; },
    'ui.openPanel': (inst, options) => {
      if (typeof options !== 'object' || options === null) refuse('INVALID_ARGUMENT', 'openPanel: options must be an object');
      requireString(options.url, 'url');
      this.setPanelOpen(inst.userId, true, { url: options.url, ...(options.height !== undefined ? { height: options.height } : {}) });
      return null;
    },
    ...facilitationHandlers(this.facilitation),
  };

  // ---- internals ----
  private emit(change: BoardChange): void {
    for (const l of [...this.listeners]) l(change);
  }

  /** Deliver a push to matching instances, asynchronously (events never arrive inside the call). */
  private pushTo(match: (i: Instance) => boolean, make: () => Push): void {
    const targets = [...this.instances.values()].filter(match);
    if (targets.length === 0) return;
    const push = make();
    const deliver = () => { for (const t of targets) if (this.instances.has(t.id)) t.push(push); };
    if (this.eventDelayMs > 0) setTimeout(deliver, this.eventDelayMs);
    else queueMicrotask(deliver);
  }

  /** Frames an item sits in, innermost first. */
  private ancestors(id: string): string[] {
    const out: string[] = [];
    for (let p = this.store.live(id).parentId; p !== null; p = this.store.live(p).parentId) out.push(p);
    return out;
  }

  private user(userId: string): StandInUser {
    const u = this.usersById.get(userId);
    if (!u) refuse('UNKNOWN_USER', `Unknown user ${JSON.stringify(userId)}: add it with StandInBoard.addUser first`);
    return u;
  }

  private view(s: ItemState): ItemView {
    return { ...structuredClone(s), absolute: this.store.absoluteRect(s.id) };
  }

  private create(userId: string, type: SdkItemType, props: unknown, parentId: string | null = null): ItemState {
    if (parentId !== null && this.store.live(parentId).type !== 'frame') refuse('INVALID_ARGUMENT', `Item ${parentId} is not a frame`);
    const state = this.store.create(userId, type, props);
    if (parentId !== null) this.store.place(state.id, state.x, state.y, parentId);
    this.emit({ kind: 'create', ids: [state.id] });
    const data = this.store.data(state.id);
    this.pushTo(() => true, () => ({ channel: 'ui', name: 'items:create', items: [data] }));
    return state;
  }

  private sync(id: string, fields: unknown): ItemState {
    const s = this.store.sync(id, fields);
    this.updated([id]);
    return s;
  }

  /** Announce moved or edited items: to the page, and as `experimental:items:update` to the apps. */
  private updated(ids: string[]): void {
    this.emit({ kind: 'update', ids });
    const items = ids.map((id) => this.store.data(id));
    this.pushTo(() => true, () => ({ channel: 'ui', name: 'experimental:items:update', items }));
  }

  private removeItem(id: string): void {
    const { ids, items } = this.store.remove(id);
    for (const [u, sel] of this.selections) this.selections.set(u, sel.filter((x) => !ids.includes(x)));
    this.emit({ kind: 'remove', ids });
    this.pushTo(() => true, () => ({ channel: 'ui', name: 'items:delete', items }));
  }

  private moved<T extends { frame: ItemData; item: ItemData }>(r: T): T {
    this.updated([r.item.id, r.frame.id]);
    return r;
  }

  private broadcast(from: Instance, event: string, payload: Json | undefined): void {
    requireString(event, 'event');
    if (event === '') refuse('INVALID_ARGUMENT', 'broadcast: event name must not be empty');
    if (payload !== undefined) requireJson(payload, 'broadcast payload');
    const bytes = payload === undefined ? 0 : byteLength(JSON.stringify(payload));
    if (bytes > this.maxBroadcastBytes) {
      refuse('PAYLOAD_TOO_LARGE', `broadcast: payload is ${bytes} bytes; the limit is ${this.maxBroadcastBytes} bytes`, 413);
    }
    const copy = payload === undefined ? undefined : structuredClone(payload);
    this.emit({ kind: 'broadcast', from: from.userId, event, bytes });
    this.pushTo((i) => i.id !== from.id, () => ({ channel: 'event', name: event, payload: copy }));
  }

  private storageSet(collection: string, key: string, value: Json | undefined): void {
    requireString(collection, 'collection');
    requireString(key, 'key');
    if (collection === '' || key === '') refuse('INVALID_ARGUMENT', 'storage: collection and key must not be empty');
    let coll = this.storage.get(collection);
    const version = String(++this.storageVersion);
    if (value === undefined) {
      coll?.delete(key);
    } else {
      requireJson(value, 'storage value');
      const bytes = byteLength(JSON.stringify(value));
      if (bytes > this.maxStorageValueBytes) {
        refuse('STORAGE_VALUE_TOO_LARGE', `storage: value for "${key}" is ${bytes} bytes; the limit is ${this.maxStorageValueBytes} bytes`, 413);
      }
      if (!coll) this.storage.set(collection, (coll = new Map()));
      coll.set(key, { value: structuredClone(value), version });
    }
    this.emit({ kind: 'storage', collection, key });
    const copy = value === undefined ? undefined : structuredClone(value);
    this.pushTo(() => true, () => ({ channel: 'storage', collection, key, value: copy, version }));
  }
}
