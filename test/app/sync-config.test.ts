import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SYNC, parseSyncConfig, readSyncConfig, sameSyncConfig, serverUrlError, SYNC_KEY, watchSyncConfig, writeSyncConfig,
  type ConfigStore, type SyncConfig,
} from '../../src/app/sync-config.js';

/** A storage collection as Miro's behaves: JSON values, onValue fires for every writer. */
function memoryStore(): ConfigStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const handlers = new Map<string, Set<(v: unknown, version: string) => void>>();
  let version = 0;
  return {
    values,
    get: async (k) => structuredClone(values.get(k)),
    set: async (k, v) => {
      values.set(k, structuredClone(v));
      for (const h of handlers.get(k) ?? []) h(structuredClone(v), String(++version));
    },
    watch: async (k, h) => {
      (handlers.get(k) ?? handlers.set(k, new Set()).get(k)!).add(h);
      return () => void handlers.get(k)?.delete(h);
    },
  };
}

describe('the board sync setting', () => {
  it('is Miro unless a valid server setting is stored', () => {
    expect(parseSyncConfig(undefined)).toEqual(DEFAULT_SYNC);
    expect(parseSyncConfig({ mode: 'server' })).toEqual(DEFAULT_SYNC);
    expect(parseSyncConfig({ mode: 'server', url: 'http://x.org' })).toEqual(DEFAULT_SYNC);
    expect(parseSyncConfig({ mode: 'server', url: ' wss://sync.example.org ' })).toEqual({ mode: 'server', url: 'wss://sync.example.org' });
    expect(parseSyncConfig({ mode: 'miro', url: 'wss://ignored' })).toEqual({ mode: 'miro' });
  });

  it('never throws and always yields a usable setting, whatever the storage holds', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = parseSyncConfig(v);
        expect(c.mode === 'miro' || (c.mode === 'server' && serverUrlError(c.url) === null)).toBe(true);
      }),
    );
  });

  it('says why an address cannot be used', () => {
    expect(serverUrlError('')).toBe('empty');
    expect(serverUrlError('https://x.org')).toBe('scheme');
    expect(serverUrlError('not a url')).toBe('invalid');
    expect(serverUrlError('ws://127.0.0.1:1234')).toBeNull();
  });

  it('is written, read back and watched through the board storage', async () => {
    const store = memoryStore();
    const seen: SyncConfig[] = [];
    const off = await watchSyncConfig(store, (c) => seen.push(c));
    expect(await readSyncConfig(store)).toEqual(DEFAULT_SYNC);
    await writeSyncConfig(store, { mode: 'server', url: 'wss://s.example.org ' });
    expect(store.values.get(SYNC_KEY)).toEqual({ mode: 'server', url: 'wss://s.example.org' });
    expect(await readSyncConfig(store)).toEqual({ mode: 'server', url: 'wss://s.example.org' });
    await writeSyncConfig(store, { mode: 'miro' });
    off();
    await writeSyncConfig(store, { mode: 'server', url: 'wss://later.example.org' });
    expect(seen).toEqual([{ mode: 'server', url: 'wss://s.example.org' }, { mode: 'miro' }]);
    expect(sameSyncConfig({ mode: 'miro' }, { mode: 'miro' })).toBe(true);
    expect(sameSyncConfig({ mode: 'server', url: 'ws://a:1' }, { mode: 'server', url: 'ws://b:1' })).toBe(false);
  });
});
