/**
 * `lib0/environment` for the panel's build (vite.config.ts puts it in place of lib0's own, for
 * Yjs and lib0/buffer alike). Lib0's module reads the page's URL and storage for its flags as
 * it loads and brings lib0/storage and lib0/conditions with it, though the panel's Yjs asks it
 * one thing, `getVariable('node_env')` (in development Yjs freezes inserted content), and
 * lib0/buffer whether it runs in a browser. The same answers here, from the same places;
 * anything else imported from it fails the build, so the shim cannot drift silently.
 */
export const isNode = false;
export const isBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';

/** As lib0 does in a browser: the variable from localStorage, null where there is none or no storage. */
export function getVariable(name: string): string | null {
  try {
    return globalThis.localStorage?.getItem(name) ?? null;
  } catch {
    return null;
  }
}
