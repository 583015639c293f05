/**
 * One-shot timers by name on an injected clock: setting a name again replaces its timer, so
 * "flush", "heartbeat", "pull" and the rest each have at most one pending. A timer that fires
 * once its owner is no longer live does nothing.
 */
import type { Clock } from './miro-transport-options.js';

export class NamedTimers {
  private readonly handles = new Map<string, unknown>();

  constructor(
    private readonly clock: Clock,
    private readonly live: () => boolean,
  ) {}

  has(name: string): boolean {
    return this.handles.has(name);
  }

  set(name: string, ms: number, fn: () => void): void {
    this.cancel(name);
    this.handles.set(name, this.clock.setTimeout(() => {
      this.handles.delete(name);
      if (this.live()) fn();
    }, ms));
  }

  cancel(name: string): void {
    const h = this.handles.get(name);
    if (h !== undefined) this.clock.clearTimeout(h);
    this.handles.delete(name);
  }

  cancelAll(): void {
    for (const h of this.handles.values()) this.clock.clearTimeout(h);
    this.handles.clear();
  }
}
