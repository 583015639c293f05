/**
 * Bridges Y types to Lit: observes each type deeply while the host is connected and asks
 * for an update on any change (local or remote). The types come from a getter, so when the
 * host gets a new doc the controller moves its observers over on the next update.
 */
import type { ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';
import { FollowingController } from './following-controller.js';

type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class YController extends FollowingController {
  private observed: AnyType[] = [];
  /** Bumped on every observed change: lets a host memoise reads of the doc per version. */
  version = 0;

  constructor(
    private host: ReactiveControllerHost,
    private types: () => readonly AnyType[] | undefined,
  ) {
    super();
    host.addController(this);
  }

  private onChange = () => {
    this.version++;
    this.host.requestUpdate();
  };

  protected sync() {
    const next = this.connected ? [...(this.types() ?? [])] : [];
    if (next.length === this.observed.length && next.every((t, i) => t === this.observed[i])) return;
    for (const t of this.observed) t.unobserveDeep(this.onChange);
    for (const t of next) t.observeDeep(this.onChange);
    this.observed = next;
    this.version++;
  }
}
