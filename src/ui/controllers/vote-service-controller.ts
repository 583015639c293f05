/**
 * Follows a VoteService: subscribes with onChange while the host is connected, re-renders it,
 * and calls `refresh` (e.g. to fetch the caller's own ballot, which is async) on each change.
 */
import type { ReactiveControllerHost } from 'lit';
import type { VoteService } from '../../core/session/voting.js';
import { FollowingController } from './following-controller.js';

export class VoteServiceController extends FollowingController {
  private current: VoteService | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(
    private host: ReactiveControllerHost,
    private service: () => VoteService | undefined,
    private refresh?: (service: VoteService) => void,
  ) {
    super();
    host.addController(this);
  }

  protected sync() {
    const next = this.connected ? this.service() : undefined;
    if (next === this.current) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.current = next;
    if (next) {
      this.unsubscribe = next.onChange(() => {
        this.host.requestUpdate();
        this.refresh?.(next);
      });
      this.refresh?.(next);
    }
  }
}
