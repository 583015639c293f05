import { describe, expect, it } from 'vitest';
import { channelFromSdk, type EventsAndStorageSdk } from '../../src/sync/miro-channel.js';
import type { MiroSdk } from '../../src/board/sdk.js';

// The board layer's SDK type (and so the real `miro`) fits what the adapter needs.
const fits = (sdk: MiroSdk): EventsAndStorageSdk => sdk;
void fits;

describe('channelFromSdk', () => {
  it('namespaces events and the collection by board key, and unsubscribes the same handler', async () => {
    const calls: string[] = [];
    const valueHandlers = new Set<unknown>();
    const sdk: EventsAndStorageSdk = {
      board: {
        events: {
          broadcast: async (event, payload) => void calls.push(`broadcast ${event} ${JSON.stringify(payload)}`),
          on: async (event) => void calls.push(`on ${event}`),
          off: async (event) => void calls.push(`off ${event}`),
        },
        storage: {
          collection: (name) => ({
            set: async (key, value) => void calls.push(`set ${name}/${key} ${JSON.stringify(value)}`),
            get: async (key) => (calls.push(`get ${name}/${key}`), 'v'),
            remove: async (key) => void calls.push(`remove ${name}/${key}`),
            onValue: async (_key, h) => void valueHandlers.add(h),
            offValue: async (_key, h) => void valueHandlers.delete(h),
          }),
        },
      },
    };
    const ch = channelFromSdk(sdk, 'session-v1');
    await ch.broadcast('y', { a: 1 });
    await ch.on('y', () => undefined);
    expect(await ch.storage.get('manifest')).toBe('v');
    await ch.storage.set('lease', { w: 'x' });
    await ch.storage.remove('snap.g.0');
    const h = () => undefined;
    await ch.storage.onValue('manifest', h);
    expect(valueHandlers.size).toBe(1);
    await ch.storage.offValue('manifest', h);
    expect(valueHandlers.size).toBe(0);
    expect(calls).toEqual([
      'broadcast tryghed.session-v1.y {"a":1}',
      'on tryghed.session-v1.y',
      'get tryghed.session-v1/manifest',
      'set tryghed.session-v1/lease {"w":"x"}',
      'remove tryghed.session-v1/snap.g.0',
    ]);
  });
});
