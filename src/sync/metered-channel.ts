/**
 * Counts, and optionally pays for, every call the Miro transport makes. Each broadcast and
 * storage get/set/remove costs 50 credits in Miro (CREDITS_PER_CALL in core/miro-rules.ts);
 * subscriptions (on/off/onValue/offValue) happen once per session and are only counted.
 */
import { CREDITS_PER_CALL } from '../core/miro-rules.js';
import type { MiroChannel } from './miro-channel.js';
import type { CreditMeter } from './transport.js';

export interface ChannelStats {
  broadcasts: number;
  storageGets: number;
  storageSets: number;
  storageRemoves: number;
  subscriptions: number;
  /** Characters of broadcast payload sent (JSON length). */
  payloadChars: number;
  /** Calls refused by the credit meter (not made). */
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

export function meterChannel(inner: MiroChannel, stats: ChannelStats, meter?: CreditMeter): MiroChannel {
  const pay = async (count: keyof ChannelStats): Promise<void> => {
    if (meter) {
      try {
        await meter.spend(CREDITS_PER_CALL);
      } catch (err) {
        stats.refused++;
        throw err;
      }
    }
    stats[count]++;
  };
  return {
    async broadcast(event, payload) {
      await pay('broadcasts');
      stats.payloadChars += JSON.stringify(payload).length;
      return inner.broadcast(event, payload);
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
      async get(key) {
        await pay('storageGets');
        return inner.storage.get(key);
      },
      async set(key, value) {
        await pay('storageSets');
        return inner.storage.set(key, value);
      },
      async remove(key) {
        await pay('storageRemoves');
        return inner.storage.remove(key);
      },
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
