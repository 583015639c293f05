/**
 * The board's sync setting: Miro's own channel (the default) or a self-hosted server. It
 * lives in the board's storage (collection 'tryghed', key 'sync'), so every app instance on
 * the board reads the same choice; the facilitator changes it in the panel's settings.
 */
import type { HostStorage } from '../board/host-port.js';

export type SyncConfig = { mode: 'miro' } | { mode: 'server'; url: string };

export const SYNC_COLLECTION = 'tryghed';
export const SYNC_KEY = 'sync';
export const DEFAULT_SYNC: SyncConfig = { mode: 'miro' };

/** A collection of the board's app storage, as the Host port gives it. */
export type ConfigStore = HostStorage;

/** A stored value as a config; anything else (absent, malformed, a bad URL) is Miro mode. */
export function parseSyncConfig(value: unknown): SyncConfig {
  if (!value || typeof value !== 'object') return DEFAULT_SYNC;
  const v = value as { mode?: unknown; url?: unknown };
  if (v.mode === 'server' && typeof v.url === 'string' && serverUrlError(v.url) === null) return { mode: 'server', url: v.url.trim() };
  return DEFAULT_SYNC;
}

/** Why a server URL cannot be used, or null: ws:// or wss:// with a host. */
export function serverUrlError(url: string): 'empty' | 'scheme' | 'invalid' | null {
  const u = url.trim();
  if (!u) return 'empty';
  let parsed: URL;
  try {
    parsed = new URL(u);
  } catch {
    return 'invalid';
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') return 'scheme';
  return parsed.host ? null : 'invalid';
}

export function sameSyncConfig(a: SyncConfig, b: SyncConfig): boolean {
  return a.mode === b.mode && (a.mode === 'miro' || a.url === (b as { url: string }).url);
}

export async function readSyncConfig(store: ConfigStore): Promise<SyncConfig> {
  return parseSyncConfig(await store.get(SYNC_KEY));
}

export async function writeSyncConfig(store: ConfigStore, config: SyncConfig): Promise<void> {
  await store.set(SYNC_KEY, config.mode === 'server' ? { mode: 'server', url: config.url.trim() } : { mode: 'miro' });
}

/** Calls `cb` with every change of the stored setting; resolves to the unsubscribe. */
export async function watchSyncConfig(store: ConfigStore, cb: (config: SyncConfig) => void): Promise<() => void> {
  return store.watch(SYNC_KEY, (value) => cb(parseSyncConfig(value)));
}
