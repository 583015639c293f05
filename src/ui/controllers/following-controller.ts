/**
 * The life cycle the controllers share: follow a source (a doc's types, an awareness, a vote
 * service) only while the host is connected, and look again before each update, because the
 * host may have been handed a new source through a property.
 */
import type { ReactiveController } from 'lit';

export abstract class FollowingController implements ReactiveController {
  /** Between hostConnected and hostDisconnected: outside it, follow nothing (no leaked observers). */
  protected connected = false;

  /** Move to what the source gives now (nothing while disconnected), letting go of the old one. */
  protected abstract sync(): void;

  hostConnected() {
    this.connected = true;
    this.sync();
  }

  hostUpdate() {
    this.sync();
  }

  hostDisconnected() {
    this.connected = false;
    this.sync();
  }
}
