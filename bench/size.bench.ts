/**
 * What the panel page loads, from a production build (`vite build` with vite.config.ts), in
 * gzip KiB of JavaScript: at first paint (the entry and its static imports: templates,
 * insertion, language; no Yjs) and with the session open in Miro mode (plus the session's
 * dynamic imports; the sync server's client and the sandbox stand-in are left out). Lit and
 * Yjs alone, bundled the same way, are the reference beside them in the same run.
 */
import { buildPanel, firstPaint, gzipKiB, litAndYjsKiB, packagesIn, withSession } from '../scripts/panel-chunks.js';
import type { BenchResult } from './types.js';

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const panel = await buildPanel();
  const first = firstPaint(panel);
  const session = withSession(panel);
  const reference = await litAndYjsKiB();
  log(`first paint: ${first.length} chunks, packages ${[...packagesIn(first)].join(', ')}`);
  log(`with the session: ${session.length} chunks, packages ${[...packagesIn(session)].join(', ')}`);
  return [
    { name: 'panel.first-paint-kib', value: gzipKiB(first), unit: 'KiB', target: 45, better: 'lower' },
    { name: 'panel.session-kib', value: gzipKiB(session), unit: 'KiB', target: 85, better: 'lower' },
    { name: 'panel.lit-yjs-reference-kib', value: reference, unit: 'KiB', target: null, better: 'lower' },
  ];
}
