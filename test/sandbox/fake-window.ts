/**
 * A tiny in-memory stand-in for a page with iframes, enough for the bridge: messages are
 * structured-cloned and delivered asynchronously, each with its `source` window, as postMessage does.
 */
import type { HostWindowLike, WireMessageEvent } from '../../sandbox/host/bridge.js';
import type { ClientWindowLike } from '../../sandbox/client/install.js';

type Listener = (event: WireMessageEvent) => void;

export interface FakeFrame {
  /** The iframe's window as the host sees it (event.source of its messages). */
  contentWindow: { postMessage(message: unknown, targetOrigin: string): void };
  /** The iframe's own window, to install the client in. */
  window: ClientWindowLike & { miro?: unknown };
  /** Messages the iframe received (for assertions). */
  received: unknown[];
}

export function fakePage() {
  const hostListeners = new Set<Listener>();
  const host: HostWindowLike & { send(data: unknown, source: unknown): void } = {
    addEventListener: (_t, l) => { hostListeners.add(l); },
    removeEventListener: (_t, l) => { hostListeners.delete(l); },
    /** Deliver a raw message to the host as if `source` had posted it. */
    send: (data, source) => {
      const copy = structuredClone(data);
      setTimeout(() => { for (const l of hostListeners) l({ data: copy, source, origin: 'http://127.0.0.1' }); }, 0);
    },
  };

  function frame(url: string): FakeFrame {
    const frameListeners = new Set<Listener>();
    const received: unknown[] = [];
    // What the iframe sees as window.parent: posting to it reaches the host with this frame as source.
    const parentProxy = {
      postMessage: (message: unknown) => host.send(message, contentWindow),
    };
    const contentWindow = {
      postMessage: (message: unknown) => {
        const copy = structuredClone(message);
        setTimeout(() => {
          received.push(copy);
          for (const l of frameListeners) l({ data: copy, source: parentProxy });
        }, 0);
      },
    };
    const window: FakeFrame['window'] = {
      parent: parentProxy,
      location: { href: url },
      addEventListener: (_t, l) => { frameListeners.add(l); },
    };
    return { contentWindow, window, received };
  }

  return { host, frame };
}
