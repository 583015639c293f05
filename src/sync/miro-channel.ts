/**
 * The narrow channel the Miro transport runs over: a broadcast bus (Miro's realtime events:
 * to every other app instance on the board, no echo to the sender, no history) and a
 * key-value store (Miro's board storage: JSON values, last writer wins, ~64 KB a key).
 *
 * The transport depends only on this interface, so tests run it over a simulated bus
 * (test/support/sim-bus.ts). `channelFromSdk` is the one adapter that touches the SDK.
 */

/** A JSON value, as Miro's `Json` type (events payloads and storage values). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ChannelStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: JsonValue): Promise<void>;
  remove(key: string): Promise<void>;
  /** Subscribes to changes of one key (made by anyone, including this instance). */
  onValue(key: string, handler: (value: unknown) => void): Promise<void>;
  offValue(key: string, handler: (value: unknown) => void): Promise<void>;
}

export interface MiroChannel {
  broadcast(event: string, payload: JsonValue): Promise<void>;
  on(event: string, handler: (payload: unknown) => void): Promise<void>;
  off(event: string, handler: (payload: unknown) => void): Promise<void>;
  storage: ChannelStorage;
}

/**
 * The slice of the Web SDK the adapter needs. Declared structurally so that src/sync does not
 * import the board layer; `MiroSdk` (src/board/sdk.ts) and the real `miro` both satisfy it.
 */
export interface EventsAndStorageSdk {
  board: {
    events: {
      broadcast(event: string, payload?: any): Promise<void>;
      on(event: string, handler: (payload: any) => void): Promise<void>;
      off(event: string, handler: (payload: any) => void): Promise<void>;
    };
    storage: {
      collection(name: string): {
        set(key: string, value: any): Promise<void>;
        get(key: string): Promise<unknown>;
        remove(key: string): Promise<void>;
        onValue(key: string, handler: (value: any, version: string) => void): Promise<void>;
        offValue(key: string, handler: (value: any, version: string) => void): Promise<void>;
      };
    };
  };
}

/**
 * Builds the channel from the SDK. `boardKey` namespaces event names and the storage
 * collection (e.g. 'session-v1'), so two documents on one board never mix.
 */
export function channelFromSdk(sdk: EventsAndStorageSdk, boardKey: string): MiroChannel {
  const prefix = `tryghed.${boardKey}.`;
  const collection = sdk.board.storage.collection(`tryghed.${boardKey}`);
  // The SDK's offValue/off need the exact function given to onValue/on: keep the wrappers.
  const valueWrappers = new Map<(value: unknown) => void, (value: unknown, version: string) => void>();
  return {
    broadcast: (event, payload) => sdk.board.events.broadcast(prefix + event, payload),
    on: (event, handler) => sdk.board.events.on(prefix + event, handler),
    off: (event, handler) => sdk.board.events.off(prefix + event, handler),
    storage: {
      get: (key) => collection.get(key),
      set: (key, value) => collection.set(key, value),
      remove: (key) => collection.remove(key),
      onValue: (key, handler) => {
        const wrapped = (value: unknown) => handler(value);
        valueWrappers.set(handler, wrapped);
        return collection.onValue(key, wrapped);
      },
      offValue: async (key, handler) => {
        const wrapped = valueWrappers.get(handler);
        if (!wrapped) return;
        valueWrappers.delete(handler);
        await collection.offValue(key, wrapped);
      },
    },
  };
}
