/**
 * Host side of the wire: serves a StandInBoard to participant iframes over postMessage.
 * Each iframe says hello with its user (from its `?user=` URL, or the host pins the user when it
 * creates the iframe with `register`); its calls are served as that user's app instance, and
 * events are pushed back to it. A malformed message gets an error reply; the host never throws.
 */
import { errorToData } from './errors.js';
import { WIRE, isWireMessage, parseClientMessage, type HostMessage } from './protocol.js';
import type { StandInBoard, StandInConnection } from './stand-in.js';

/** What the host needs of an iframe's window (its contentWindow). */
export interface MessageTargetLike {
  postMessage(message: unknown, targetOrigin: string): void;
}

export interface WireMessageEvent {
  data: unknown;
  source: unknown;
  origin?: string;
}

/** What the host needs of its own window. */
export interface HostWindowLike {
  addEventListener(type: 'message', listener: (event: WireMessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: WireMessageEvent) => void): void;
}

export interface ServeOptions {
  window: HostWindowLike;
  /** targetOrigin for replies; the sandbox serves its iframes from its own origin. */
  targetOrigin?: string;
  /** Accept messages only from these origins (default: any). */
  allowedOrigins?: readonly string[];
  /** Told about every refused message (for the page's log). */
  onRefused?: (reason: string, data: unknown) => void;
}

export interface StandInBridge {
  /** Pin an iframe's window to a user: its hello must name that user (or may name none). */
  register(source: MessageTargetLike, userId: string): void;
  /** Drop an iframe (it was removed from the page): its instance stops receiving events. */
  unregister(source: MessageTargetLike): void;
  /** Number of connected app instances. */
  connections(): number;
  close(): void;
}

function isTarget(v: unknown): v is MessageTargetLike {
  return typeof v === 'object' && v !== null && typeof (v as MessageTargetLike).postMessage === 'function';
}

export function serveStandIn(board: StandInBoard, options: ServeOptions): StandInBridge {
  const targetOrigin = options.targetOrigin ?? '*';
  const pinned = new Map<MessageTargetLike, string>();
  const conns = new Map<MessageTargetLike, StandInConnection>();

  const post = (to: MessageTargetLike, message: HostMessage): void => {
    try {
      to.postMessage(message, targetOrigin);
    } catch (err) {
      options.onRefused?.(`could not post to the iframe: ${String(err)}`, message);
    }
  };
  const refuseMessage = (to: MessageTargetLike, id: number | null, code: string, message: string, data: unknown): void => {
    options.onRefused?.(message, data);
    post(to, { wire: WIRE, kind: 'result', id, ok: false, error: { name: 'SdkError', code, message, status: 400 } });
  };

  const connect = (source: MessageTargetLike, userId: string): StandInConnection => {
    conns.get(source)?.close();
    const conn = board.connect(userId, (push) => post(source, { wire: WIRE, kind: 'push', push }));
    conns.set(source, conn);
    return conn;
  };

  const listener = (event: WireMessageEvent): void => {
    try {
      if (!isWireMessage(event.data)) return; // someone else's traffic
      const source = event.source;
      if (!isTarget(source)) {
        options.onRefused?.('message without a source window', event.data);
        return;
      }
      if (options.allowedOrigins && !options.allowedOrigins.includes(event.origin ?? '')) {
        refuseMessage(source, null, 'MALFORMED_MESSAGE', `origin ${JSON.stringify(event.origin)} is not allowed`, event.data);
        return;
      }
      const parsed = parseClientMessage(event.data);
      if (!parsed.ok) {
        refuseMessage(source, parsed.id, 'MALFORMED_MESSAGE', `Malformed message: ${parsed.reason}`, event.data);
        return;
      }
      const msg = parsed.message;
      if (msg.kind === 'hello') {
        const pin = pinned.get(source);
        if (pin !== undefined && pin !== msg.user) {
          refuseMessage(source, null, 'UNKNOWN_USER', `This iframe belongs to user ${pin}, not ${msg.user}`, event.data);
          return;
        }
        try {
          const conn = connect(source, msg.user);
          post(source, { wire: WIRE, kind: 'welcome', user: msg.user, instanceId: conn.instanceId });
        } catch (err) {
          post(source, { wire: WIRE, kind: 'result', id: null, ok: false, error: errorToData(err) });
        }
        return;
      }
      if (msg.kind === 'bye') {
        conns.get(source)?.close();
        conns.delete(source);
        return;
      }
      let conn = conns.get(source);
      const pin = pinned.get(source);
      if (!conn && pin !== undefined) conn = connect(source, pin);
      if (!conn) {
        refuseMessage(source, msg.id, 'UNKNOWN_USER', 'Not connected: the iframe must say hello with its user first', event.data);
        return;
      }
      const { id } = msg;
      conn.call(msg.method, msg.args as never).then(
        (value) => post(source, { wire: WIRE, kind: 'result', id, ok: true, value }),
        (err: unknown) => post(source, { wire: WIRE, kind: 'result', id, ok: false, error: errorToData(err) }),
      );
    } catch (err) {
      options.onRefused?.(`host error: ${String(err)}`, event.data);
    }
  };

  options.window.addEventListener('message', listener);
  return {
    register: (source, userId) => { pinned.set(source, userId); },
    unregister: (source) => {
      pinned.delete(source);
      conns.get(source)?.close();
      conns.delete(source);
    },
    connections: () => conns.size,
    close: () => {
      options.window.removeEventListener('message', listener);
      for (const c of conns.values()) c.close();
      conns.clear();
    },
  };
}
