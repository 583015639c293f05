/**
 * A transport's SyncStatus and who waits on it: listeners hear every change, and
 * `whenSynced()` promises resolve (before the listeners are told) the first time it is synced.
 */
import type { SyncStatus } from './transport.js';

export class StatusCell {
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly syncedWaiters: Array<() => void> = [];

  constructor(private current: SyncStatus) {}

  get value(): SyncStatus {
    return this.current;
  }

  set(s: SyncStatus): void {
    if (s === this.current) return;
    this.current = s;
    if (s === 'synced') for (const w of this.syncedWaiters.splice(0)) w();
    for (const cb of this.listeners) cb(s);
  }

  whenSynced(): Promise<void> {
    if (this.current === 'synced') return Promise.resolve();
    return new Promise((resolve) => this.syncedWaiters.push(resolve));
  }

  onChange(cb: (status: SyncStatus) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}
