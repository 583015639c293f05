/**
 * The sandbox's sync switch, applied: "Sync: Miro | Server" in the toolbar writes the board's
 * sync setting into the stand-in's storage (collection 'tryghed', key 'sync'), as the
 * facilitator's panel setting does; every panel follows it. In server mode the panels ask
 * `getIdToken()`, which the stand-in answers with a development token from the sync server's
 * /dev/token (only offered by a server started in development mode, e.g. by `npm start`).
 *
 * The server is ws://127.0.0.1:1234 (`npm start`), or the page's `?sync-server=ws://…`.
 */
import type { SandboxApp } from './sandbox-app.js';
import type { SandboxSyncMode, SyncModeEvent } from './sandbox-controls.js';

export const DEFAULT_SYNC_SERVER = 'ws://127.0.0.1:1234';
/**
 * The team every user of this sandbox page belongs to (the token's `team` claim, and so the
 * server room's). New for every page load: the stand-in's board starts empty each time, and
 * so does its session on the server (./data keeps old rooms, but nobody reopens them).
 */
export const SANDBOX_TEAM = `sandbox-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const COLLECTION = 'tryghed';
const KEY = 'sync';
const ACTING_USER = 'u1';

export function syncServerUrl(search: string = location.search): string {
  const url = new URLSearchParams(search).get('sync-server');
  return url && /^wss?:\/\/[^/]+/.test(url) ? url : DEFAULT_SYNC_SERVER;
}

/** The server's HTTP address for a ws(s):// URL. */
export function httpOf(wsUrl: string): string {
  return wsUrl.replace(/^ws(s?):\/\//, 'http$1://').replace(/\/+$/, '');
}

export function attachSyncSwitch(app: SandboxApp, serverUrl = syncServerUrl()): void {
  const board = app.board;
  const current = (): { mode?: string; url?: string } | undefined =>
    board.storageValue(COLLECTION, KEY)?.value as { mode?: string; url?: string } | undefined;

  board.tokenProvider = async (userId) => {
    const setting = current();
    const base = httpOf(setting?.mode === 'server' && setting.url ? setting.url : serverUrl);
    const res = await fetch(`${base}/dev/token?user=${encodeURIComponent(userId)}&team=${SANDBOX_TEAM}`);
    if (!res.ok) throw new Error(`no development token from ${base} (${res.status}): is the sync server running with development tokens?`);
    return res.text();
  };

  // A host-side app instance writes the setting, as a panel's storage call would.
  let writer: ReturnType<typeof board.sdkFor> | null = null;
  const write = async (mode: SandboxSyncMode) => {
    writer ??= board.sdkFor(ACTING_USER);
    await writer.board.storage.collection(COLLECTION).set(KEY, mode === 'server' ? { mode, url: serverUrl } : { mode });
  };
  app.addEventListener('sandbox-sync-change', (e: SyncModeEvent) => {
    write(e.detail.mode).catch((err: unknown) => console.error('sandbox: sync setting not written', err));
  });

  const show = () => {
    const controls = app.renderRoot.querySelector('sandbox-controls');
    if (controls) controls.sync = current()?.mode === 'server' ? 'server' : 'miro';
  };
  board.onChange((c) => {
    if (c.kind === 'storage' && c.collection === COLLECTION && c.key === KEY) show();
  });
  void app.updateComplete.then(show);
}
