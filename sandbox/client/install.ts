/**
 * The iframe side of the sandbox: installs a `miro` global that implements MiroSdk by sending
 * protocol calls to the host page (sandbox/host/bridge.ts) over postMessage. Item results are
 * rebuilt as objects with working methods (sdk-proxy.ts); errors keep message, code and status.
 */
import type { MiroSdk } from '../../src/board/sdk.js';
import { errorFromData } from '../host/errors.js';
import { WIRE, isHostMessage, type ClientMessage, type Push } from '../host/protocol.js';
import { createSdkProxy, type SdkTransport } from './sdk-proxy.js';

export interface MessageTargetLike {
  postMessage(message: unknown, targetOrigin: string): void;
}

/** What the client needs of its window. */
export interface ClientWindowLike {
  parent: MessageTargetLike;
  location: { href: string };
  addEventListener(type: 'message', listener: (event: { data: unknown; source: unknown }) => void): void;
}

export interface InstallOptions {
  /** Default: globalThis.window. */
  window?: ClientWindowLike;
  /** Default: the `user` query parameter of the iframe's URL. */
  user?: string;
  targetOrigin?: string;
  /** Set `window.miro` (default true). */
  setGlobal?: boolean;
  /** ready() rejects if the host has not answered the hello by then (default 5000 ms). */
  helloTimeoutMs?: number;
}

export type SandboxMiro = MiroSdk & { readonly user: string; ready(): Promise<{ instanceId: string }> };

export function installSandboxMiro(options: InstallOptions = {}): SandboxMiro {
  const win = options.window ?? (globalThis as unknown as { window: ClientWindowLike }).window;
  const user = options.user ?? new URL(win.location.href).searchParams.get('user');
  if (!user) throw new Error('installSandboxMiro: no user (open the panel with ?user=<id>, or pass options.user)');
  const parent = win.parent;
  if ((parent as unknown) === win) throw new Error('installSandboxMiro: this page is not inside the sandbox page (open sandbox/index.html)');
  const targetOrigin = options.targetOrigin ?? '*';
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 0;
  let pushHandler: (p: Push) => void = () => {};
  let welcome: (v: { instanceId: string }) => void = () => {};
  let failHello: (e: Error) => void = () => {};
  const ready = new Promise<{ instanceId: string }>((resolve, reject) => {
    welcome = resolve;
    failHello = reject;
  });
  ready.catch(() => {}); // surfaced through ready() and the calls themselves
  const helloTimer = setTimeout(
    () => failHello(new Error(`installSandboxMiro: no answer from the sandbox host within ${options.helloTimeoutMs ?? 5000} ms`)),
    options.helloTimeoutMs ?? 5000,
  );
  ready.then(() => clearTimeout(helloTimer), () => clearTimeout(helloTimer));

  const send = (message: ClientMessage) => parent.postMessage(message, targetOrigin);

  win.addEventListener('message', (event) => {
    if (event.source !== parent || !isHostMessage(event.data)) return;
    const msg = event.data;
    if (msg.kind === 'welcome') {
      welcome({ instanceId: msg.instanceId });
    } else if (msg.kind === 'push') {
      pushHandler(msg.push);
    } else if (msg.id === null) {
      if (!msg.ok) failHello(errorFromData(msg.error));
    } else {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.value);
      else p.reject(errorFromData(msg.error));
    }
  });

  const transport: SdkTransport = {
    call: (method, args) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        send({ wire: WIRE, kind: 'call', id, method, args: args as unknown[] });
      }),
    onPush: (handler) => { pushHandler = handler; },
  };

  send({ wire: WIRE, kind: 'hello', user });
  const sdk: SandboxMiro = Object.assign(createSdkProxy(transport), { user, ready: () => ready });
  if (options.setGlobal !== false) (win as unknown as { miro: MiroSdk }).miro = sdk;
  return sdk;
}
