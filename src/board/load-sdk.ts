/**
 * Where the app gets its MiroSdk. In Miro: the global `miro` from Miro's SDK script. In the
 * sandbox (`?sandbox=1`): the stand-in client, which sets the same global and talks to the
 * sandbox page; the remote script is then never loaded, so the sandbox runs offline.
 */
import type { MiroSdk } from './sdk.js';

export const MIRO_SDK_URL = 'https://miro.com/app/static/sdk/v2/miro.js';

export function isSandbox(search: string = location.search): boolean {
  return new URLSearchParams(search).get('sandbox') === '1';
}

function globalSdk(): MiroSdk | undefined {
  return (globalThis as { miro?: MiroSdk }).miro;
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`Could not load ${src}`));
    document.head.append(script);
  });
}

export async function loadSdk(): Promise<MiroSdk> {
  if (isSandbox()) {
    const { installSandboxMiro } = await import('../../sandbox/client/install.js');
    await installSandboxMiro().ready();
  } else if (!globalSdk()) {
    await loadScript(MIRO_SDK_URL);
  }
  const sdk = globalSdk();
  if (!sdk) throw new Error('The Miro Web SDK did not load');
  return sdk;
}

/** Keeps the sandbox flag (and the user) on URLs the app opens, e.g. the panel. */
export function withSandboxParams(url: string, search: string = location.search): string {
  if (!isSandbox(search)) return url;
  const from = new URLSearchParams(search);
  const target = new URL(url, 'http://x/');
  for (const [k, v] of from) if (!target.searchParams.has(k)) target.searchParams.set(k, v);
  return `${target.pathname.replace(/^\//, '')}${target.search}`;
}
