/**
 * A round's time limit passes without any doc change, so a host showing an open round with
 * `endsAt` ticks once a second until then (and not at all otherwise).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ClockController implements ReactiveController {
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private host: ReactiveControllerHost,
    /** the next deadline the host cares about, or null */
    private deadline: () => number | null,
    private clock: () => number = Date.now,
  ) {
    host.addController(this);
  }

  now(): number {
    return this.clock();
  }

  hostUpdated() {
    const d = this.deadline();
    const ticking = d !== null && d > this.clock() - 1000;
    if (ticking && !this.timer) this.timer = setInterval(() => this.host.requestUpdate(), 1000);
    if (!ticking) this.stop();
  }

  hostDisconnected() {
    this.stop();
  }

  private stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
