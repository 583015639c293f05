/**
 * The panel build's stand-in for check-catalogue.ts: vite.config.ts has checked these very
 * files with the real check before it puts this in its place (a broken file fails the build
 * with its JSON path), so the browser only orders and freezes them.
 */
import { deepFreeze } from './ids.js';
import type { Template } from './types.js';

export function loadCatalogue(files: Record<string, unknown>): Template[] {
  return (Object.values(files) as Template[]).map((t) => deepFreeze(t)).sort((a, b) => a.order - b.order);
}
