/**
 * Counts every call the Miro transport makes. Each broadcast and storage get/set/remove costs
 * 50 credits in Miro (CREDITS_PER_CALL in core/miro-rules.ts); subscriptions
 * (on/off/onValue/offValue) happen once per session and are only counted. Paying is not done
 * here: the channel the app hands the transport (WebSdkHost.channel) runs each paid call
 * through the board's gate, the one meter of every SDK call.
 */
import { CREDITS_PER_CALL } from '../core/miro-rules.js';
import type { MiroChannel } from './miro-channel.js';

export interface ChannelStats {
  broadcasts: number;
  storageGets: number;
  storageSets: number;
  storageRemoves: number;
  subscriptions: number;
  /** Characters of broadcast payload sent (JSON length). */
  payloadChars: number;
  /** Paid calls the channel rejected (refused by the host, or given up by the gate). */
  refused: number;
}

export function emptyStats(): ChannelStats {
  return { broadcasts: 0, storageGets: 0, storageSets: 0, storageRemoves: 0, subscriptions: 0, payloadChars: 0, refused: 0 };
}

/** Calls that cost credits. */
export function paidCalls(s: ChannelStats): number {
  return s.broadcasts + s.storageGets + s.storageSets + s.storageRemoves;
}

export function creditsOf(s: ChannelStats): number {
  return paidCalls(s) * CREDITS_PER_CALL;
}

export function meterChannel(inner: MiroChannel, stats: ChannelStats): MiroChannel {
  const paid = async <T>(count: 'broadcasts' | 'storageGets' | 'storageSets' | 'storageRemoves', call: () => Promise<T>): Promise<T> => {
    stats[count]++;
    try {
      return await call();
    } catch (err) {
      stats.refused++;
      throw err;
    }
  };
  return {
    broadcast(event, payload) {
      stats.payloadChars += JSON.stringify(payload).length;
      return paid('broadcasts', () => inner.broadcast(event, payload));
    },
    on(event, handler) {
      stats.subscriptions++;
      return inner.on(event, handler);
    },
    off(event, handler) {
      stats.subscriptions++;
      return inner.off(event, handler);
    },
    storage: {
      get: (key) => paid('storageGets', () => inner.storage.get(key)),
      set: (key, value) => paid('storageSets', () => inner.storage.set(key, value)),
      remove: (key) => paid('storageRemoves', () => inner.storage.remove(key)),
      onValue(key, handler) {
        stats.subscriptions++;
        return inner.storage.onValue(key, handler);
      },
      offValue(key, handler) {
        stats.subscriptions++;
        return inner.storage.offValue(key, handler);
      },
    },
  };
}
