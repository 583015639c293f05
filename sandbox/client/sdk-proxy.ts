/**
 * Builds a MiroSdk over any transport that carries protocol calls (sandbox/host/protocol.ts):
 * the iframe's postMessage channel (install.ts) or the in-process one (StandInBoard.sdkFor).
 * Results arrive as plain ItemData and are rebuilt here as item objects with working methods:
 * sync() pushes the object's mutable fields back, frame.add/remove, get/setMetadata.
 * Pure TS, no DOM.
 */
import type { Json } from '@mirohq/websdk-types';
import type { MiroSdk, SdkCollaboration, SdkCollection, SdkItem, SdkOnlineUser, SdkOtherItem, SdkSession } from '../../src/board/sdk.js';
import type { Args, ItemData, MethodName, Push, Result, SessionData } from '../host/protocol.js';

export interface SdkTransport {
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>>;
  /** Register the one receiver of pushed events. */
  onPush(handler: (push: Push) => void): void;
}

type Handler = (payload: any) => void;
type StorageHandler = (value: Json | undefined, version: string) => void;

/** Fields an item object may change and sync back, per type. */
const MUTABLE: Record<ItemData['type'], readonly string[]> = {
  sticky_note: ['x', 'y', 'width', 'height', 'shape', 'content', 'style'],
  shape: ['x', 'y', 'width', 'height', 'shape', 'content', 'style'],
  text: ['x', 'y', 'width', 'content', 'style'],
  frame: ['x', 'y', 'width', 'height', 'title', 'style'],
};

const ITEM = Symbol('sandbox-item');

function on<K, H>(map: Map<K, Set<H>>, key: K, handler: H): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(handler);
}
function off<K, H>(map: Map<K, Set<H>>, key: K, handler: H): void {
  map.get(key)?.delete(handler);
}
function fire<K, H extends (...a: any[]) => void>(map: Map<K, Set<H>>, key: K, ...args: Parameters<H>): void {
  for (const h of [...(map.get(key) ?? [])]) {
    try {
      h(...args);
    } catch (err) {
      // A throwing handler must not stop the others, as with DOM events.
      queueMicrotask(() => { throw err; });
    }
  }
}

export function createSdkProxy(transport: SdkTransport): MiroSdk {
  const eventHandlers = new Map<string, Set<Handler>>();
  const uiHandlers = new Map<string, Set<Handler>>();
  const storageHandlers = new Map<string, Set<StorageHandler>>();
  const storageKey = (collection: string, key: string) => `${collection}\u0000${key}`;

  function refresh(target: Record<string, unknown>, data: ItemData): void {
    for (const [k, v] of Object.entries(data)) target[k] = v;
    if (data.parentId === null) target.parentId = null;
  }

  function build(data: ItemData): SdkItem {
    const item: Record<string | symbol, unknown> = { ...data };
    const methods: Record<string, unknown> = {
      sync: async () => {
        const fields: Record<string, unknown> = {};
        for (const k of MUTABLE[data.type]) fields[k] = item[k];
        refresh(item, await transport.call('item.sync', [data.id, fields]));
      },
      getMetadata: (key?: string) => transport.call('item.getMetadata', key === undefined ? [data.id] : [data.id, key]),
      setMetadata: (key: string, value: Json) => transport.call('item.setMetadata', [data.id, key, value]),
    };
    if (data.type === 'frame') {
      const move = async (method: 'frame.add' | 'frame.remove', child: SdkOtherItem) => {
        const r = await transport.call(method, [data.id, child.id]);
        refresh(item, r.frame);
        if ((child as unknown as Record<symbol, unknown>)[ITEM]) refresh(child as unknown as Record<string, unknown>, r.item);
        return r;
      };
      methods.add = async (child: SdkOtherItem) => { await move('frame.add', child); return child; };
      methods.remove = async (child: SdkOtherItem) => { await move('frame.remove', child); };
    }
    // Methods and the marker are not enumerable: spreading or logging an item shows its data.
    for (const [k, fn] of Object.entries(methods)) Object.defineProperty(item, k, { value: fn, enumerable: false });
    Object.defineProperty(item, ITEM, { value: true, enumerable: false });
    return item as unknown as SdkItem;
  }

  transport.onPush((push) => {
    switch (push.channel) {
      case 'event':
        fire(eventHandlers, push.name, push.payload);
        return;
      case 'storage':
        fire(storageHandlers, storageKey(push.collection, push.key), push.value, push.version);
        return;
      case 'ui':
        if (push.name === 'icon:click') fire(uiHandlers, push.name, undefined);
        else if (push.name === 'online_users:update') fire(uiHandlers, push.name, { users: push.users });
        else fire(uiHandlers, push.name, { items: push.items.map(build) });
        return;
    }
  });

  const ids = (items: SdkOtherItem | SdkOtherItem[]) => (Array.isArray(items) ? items : [items]).map((i) => i.id);

  const collection = (name: string): SdkCollection => ({
    set: async (key, value) => { await transport.call('storage.set', [name, key, value]); },
    get: async <T extends Json>(key: string) => (await transport.call('storage.get', [name, key])) as T | undefined,
    remove: async (key) => { await transport.call('storage.remove', [name, key]); },
    onValue: async (key, handler) => { on(storageHandlers, storageKey(name, key), handler as StorageHandler); },
    offValue: async (key, handler) => { off(storageHandlers, storageKey(name, key), handler as StorageHandler); },
  });

  // People travel as { id, name } only, whatever else the app's object holds.
  const who = (u: SdkOnlineUser) => ({ id: u?.id, name: u?.name });
  const session = (d: SessionData): SdkSession => ({
    ...d,
    invite: async (...users) => { await transport.call('session.invite', [d.id, users.flat().map(who)]); },
    join: async () => { await transport.call('session.join', [d.id]); },
    leave: async () => { await transport.call('session.leave', [d.id]); },
    getUsers: () => transport.call('session.getUsers', [d.id]),
    end: async () => { await transport.call('session.end', [d.id]); },
  });
  const collaboration: SdkCollaboration = {
    attention: {
      follow: async (followee, options) => {
        const followers = options?.followers;
        await transport.call('attention.follow', followers ? [who(followee), { followers: followers.map(who) }] : [who(followee)]);
      },
      isFollowing: () => transport.call('attention.isFollowing', []),
      getFollowedUser: () => transport.call('attention.getFollowedUser', []),
      unfollow: async (options) => {
        await transport.call('attention.unfollow', options ? [{ followee: who(options.followee), followers: options.followers.map(who) }] : []);
      },
    },
    startSession: async (props) => session(await transport.call('collaboration.startSession', [props])),
    getSessions: async () => (await transport.call('collaboration.getSessions', [])).map(session),
    zoomTo: async (user, items) => { await transport.call('collaboration.zoomTo', [who(user), ids(items)]); },
  };

  return {
    board: {
      createStickyNote: async (props) => build(await transport.call('board.createStickyNote', [props])) as never,
      createShape: async (props) => build(await transport.call('board.createShape', [props])) as never,
      createText: async (props) => build(await transport.call('board.createText', [props])) as never,
      createFrame: async (props) => build(await transport.call('board.createFrame', [props])) as never,
      getById: async (id) => build(await transport.call('board.getById', [id])),
      get: async (filter) => (await transport.call('board.get', filter === undefined ? [] : [filter])).map(build),
      getSelection: async () => (await transport.call('board.getSelection', [])).map(build),
      remove: async (item) => { await transport.call('board.remove', [item.id]); },
      findEmptySpace: (dimensions) => transport.call('board.findEmptySpace', [dimensions]),
      getIdToken: () => transport.call('board.getIdToken', []),
      getUserInfo: () => transport.call('board.getUserInfo', []),
      getOnlineUsers: () => transport.call('board.getOnlineUsers', []),
      getInfo: () => transport.call('board.getInfo', []),
      canUse: (feature) => transport.call('board.canUse', [feature]),
      viewport: {
        get: () => transport.call('viewport.get', []),
        zoomTo: async (items) => { await transport.call('viewport.zoomTo', [ids(items)]); },
      },
      events: {
        broadcast: async (event, payload) => { await transport.call('events.broadcast', payload === undefined ? [event] : [event, payload]); },
        on: async (event, handler) => { on(eventHandlers, event, handler); },
        off: async (event, handler) => { off(eventHandlers, event, handler); },
      },
      storage: { collection },
      notifications: { showInfo: async (message) => { await transport.call('notifications.showInfo', [message]); } },
      timer: {
        get: () => transport.call('timer.get', []),
        start: (duration) => transport.call('timer.start', [duration]),
        stop: () => transport.call('timer.stop', []),
      },
      collaboration,
      ui: {
        openPanel: (options) => transport.call('ui.openPanel', [options]),
        on: (event, handler) => { on(uiHandlers, event, handler); },
        off: (event, handler) => { off(uiHandlers, event, handler); },
      },
    },
  };
}
