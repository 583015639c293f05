/**
 * Where the app gets its MiroSdk: the global `miro`. In Miro, Miro's SDK script sets it (loaded
 * here if the page has not); in the sandbox the page's entry installed the stand-in first
 * (panel.html / index.html with `?sandbox=1`), so this file knows nothing of the sandbox.
 */
import type { MiroSdk } from './sdk.js';

export const MIRO_SDK_URL = 'https://miro.com/app/static/sdk/v2/miro.js';

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
  if (!globalSdk()) await loadScript(MIRO_SDK_URL);
  const sdk = globalSdk();
  if (!sdk) throw new Error('The Miro Web SDK did not load');
  return sdk;
}
