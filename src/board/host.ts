/**
 * The Host port over Miro's Web SDK (or the sandbox's stand-in): every call through the
 * board's SdkGate, so identity, storage and the timer are metered and retried like items.
 * Selection, deletions and the timer come from the Board port, which reads notes the same way.
 * `channel()` gives the Miro transport its events and storage (the transport meters those
 * itself, with the same budget).
 */
import { channelFromSdk, type MiroChannel } from '../sync/miro-channel.js';
import type { HostPort, HostStorage, Person } from './host-port.js';
import type { MiroSdk } from './sdk.js';
import type { WebSdkBoard } from './web-sdk-board.js';

const person = (u: { id: string | number; name: string }): Person => ({ id: String(u.id), name: u.name });

export class WebSdkHost implements HostPort {
  constructor(
    private readonly sdk: MiroSdk,
    private readonly board: WebSdkBoard,
  ) {}

  private call<T>(fn: () => Promise<T>): Promise<T> {
    return this.board.gate.run(fn);
  }

  async me(): Promise<Person> {
    return person(await this.call(() => this.sdk.board.getUserInfo()));
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
  onSelection: HostPort['onSelection'] = (cb) => this.board.onSelectionChange(cb);
  onItemsDeleted: HostPort['onItemsDeleted'] = (cb) => this.board.onItemsDeleted(cb);
  startTimer = (ms: number) => this.board.startTimer(ms);

  /** Miro's realtime events and storage under `key`, for the Miro transport. */
  channel(key: string): MiroChannel {
    return channelFromSdk(this.sdk, key);
  }
}
