/**
 * The Host port over Miro's Web SDK (or the sandbox's stand-in): every call through the
 * board's SdkGate, so identity, storage, the view, notifications, the timer, collaboration and
 * the Miro transport's channel are metered and retried like items, in one budget.
 * Selection, deletions, the view and the timer come from the Board port, which reads items the
 * same way; collaboration from host-collaboration.ts, loaded when it is first asked for.
 */
import type { Rect } from '../core/geometry.js';
import { MAX_NOTIFICATION_CHARS } from '../core/miro-rules.js';
import { channelFromSdk, type MiroChannel } from '../sync/miro-channel.js';
import type { HostCollaboration, HostPort, HostStorage, Person } from './host-port.js';
import type { MiroSdk, SdkItem } from './sdk.js';
import type { WebSdkBoard } from './web-sdk-board.js';

/**
 * Collaboration's code loads when it is first asked for (a facilitator's action), not with the
 * session: scripts/panel-chunks.ts counts it on demand, so nothing may call it as the session
 * opens without taking it off that list. A method added to HostCollaboration is added here too.
 */
function lazyCollaboration(make: () => Promise<HostCollaboration>): HostCollaboration {
  let made: Promise<HostCollaboration> | null = null;
  const use = () => (made ??= make().catch((e: unknown) => ((made = null), Promise.reject(e))));
  return {
    available: async () => (await use()).available(),
    startSession: async (name) => (await use()).startSession(name),
    invite: async (people) => (await use()).invite(people),
    showEveryone: async (ids) => (await use()).showEveryone(ids),
    bringEveryone: async () => (await use()).bringEveryone(),
    release: async () => (await use()).release(),
    following: async () => (await use()).following(),
    endSession: async () => (await use()).endSession(),
  };
}

const person = (u: { id: string | number; name: string }): Person => ({ id: String(u.id), name: u.name });

/** `text` within Miro's notification limit: cut at a word where one is near, with an ellipsis. */
export function notificationText(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= MAX_NOTIFICATION_CHARS) return t;
  const cut = t.slice(0, MAX_NOTIFICATION_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > MAX_NOTIFICATION_CHARS / 2 ? cut.slice(0, space) : cut}…`;
}

export class WebSdkHost implements HostPort {
  readonly collaboration: HostCollaboration;
  private who: Promise<Person> | null = null;

  constructor(
    private readonly sdk: MiroSdk,
    private readonly board: WebSdkBoard,
  ) {
    this.collaboration = lazyCollaboration(async () => new (await import('./host-collaboration.js')).WebSdkCollaboration(sdk, {
      call: (fn) => this.call(fn),
      me: () => this.me(),
      zoomOwn: (ids) => this.zoomTo(ids),
      items: async (ids) => (await this.call(() => this.sdk.board.get({ id: [...ids] }))).filter((i): i is SdkItem => 'x' in i),
    }));
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return this.board.gate.run(fn);
  }

  /** Who I am does not change while the panel is open: asked once. */
  me(): Promise<Person> {
    this.who ??= this.call(() => this.sdk.board.getUserInfo()).then(person, (e: unknown) => {
      this.who = null;
      throw e;
    });
    return this.who;
  }

  async boardId(): Promise<string> {
    return (await this.call(() => this.sdk.board.getInfo())).id;
  }

  async onlineUsers(): Promise<Person[]> {
    return (await this.call(() => this.sdk.board.getOnlineUsers())).map(person);
  }

  onOnlineUsers(cb: (people: Person[]) => void): () => void {
    const ui = this.sdk.board.ui;
    const handler = (e: { users?: Array<{ id: string; name: string }> }) => cb((e.users ?? []).map(person));
    ui.on('online_users:update', handler);
    return () => ui.off('online_users:update', handler);
  }

  idToken(): Promise<string> {
    return this.call(() => this.sdk.board.getIdToken());
  }

  storage(collection: string): HostStorage {
    const c = this.sdk.board.storage.collection(collection);
    return {
      get: (key) => this.call(() => c.get(key)),
      set: (key, value) => this.call(() => c.set(key, value as never)),
      watch: async (key, cb) => {
        const handler = (value: unknown) => cb(value);
        await this.call(() => c.onValue(key, handler));
        return () => void this.call(() => c.offValue(key, handler)).catch(() => undefined);
      },
    };
  }

  selection = () => this.board.getSelection();
  selectedIds = () => this.board.getSelectedIds();
  onSelection: HostPort['onSelection'] = (cb) => this.board.onSelectionChange(cb);
  onItemsDeleted: HostPort['onItemsDeleted'] = (cb) => this.board.onItemsDeleted(cb);
  viewport = (): Promise<Rect> => this.board.viewport();
  zoomTo = (ids: readonly string[]) => this.board.zoomTo(ids);
  startTimer = (ms: number) => this.board.startTimer(ms);
  stopTimer = () => this.board.stopTimer();

  async notify(message: string): Promise<boolean> {
    const text = notificationText(message);
    if (!text) return false;
    try {
      await this.call(() => this.sdk.board.notifications.showInfo(text));
      return true;
    } catch (e) {
      console.warn('Tryghed: Miro did not show the notification', e);
      return false;
    }
  }

  /**
   * Miro's realtime events and storage under `key`, for the Miro transport: each broadcast and
   * storage read or write goes through the gate (50 credits, rate limits retried), so the
   * transport and every other SDK call share one meter. Subscribing is free and local.
   */
  channel(key: string): MiroChannel {
    const c = channelFromSdk(this.sdk, key);
    return {
      ...c,
      broadcast: (event, payload) => this.call(() => c.broadcast(event, payload)),
      storage: {
        ...c.storage,
        get: (k) => this.call(() => c.storage.get(k)),
        set: (k, value) => this.call(() => c.storage.set(k, value)),
        remove: (k) => this.call(() => c.storage.remove(k)),
      },
    };
  }
}
