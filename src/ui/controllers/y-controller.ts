/**
 * Bridges Y types to Lit: observes each type deeply while the host is connected and asks
 * for an update on any change (local or remote). The types come from a getter, so when the
 * host gets a new doc the controller moves its observers over on the next update.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type * as Y from 'yjs';

type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export class YController implements ReactiveController {
  private observed: AnyType[] = [];
  private connected = false;
  /** Bumped on every observed change: lets a host memoise reads of the doc per version. */
  version = 0;

  constructor(
    private host: ReactiveControllerHost,
    private types: () => readonly AnyType[] | undefined,
  ) {
    host.addController(this);
  }

  private onChange = () => {
    this.version++;
    this.host.requestUpdate();
  };

  private sync() {
    const next = this.connected ? [...(this.types() ?? [])] : [];
    if (next.length === this.observed.length && next.every((t, i) => t === this.observed[i])) return;
    for (const t of this.observed) t.unobserveDeep(this.onChange);
    for (const t of next) t.observeDeep(this.onChange);
    this.observed = next;
    this.version++;
  }

  hostConnected() {
    this.connected = true;
    this.sync();
  }

  /** Before each render: pick up a doc that was swapped in through a property. */
  hostUpdate() {
    this.sync();
  }

  hostDisconnected() {
    this.connected = false;
    this.sync();
  }
}
