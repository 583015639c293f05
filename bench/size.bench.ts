/**
 * What the panel page loads, from a production build (`vite build` with vite.config.ts), in
 * gzip KiB of JavaScript: at first paint (the entry and its static imports: templates,
 * insertion, language; no Yjs), with the session open in Miro mode (plus the dynamic imports
 * the session makes as it opens; the sync server's client and the sandbox stand-in are left
 * out), and on demand: what loads only on a user's later action, never as the session opens
 * (a session tab's panels when the tab is first shown, the suggestion engine when someone asks
 * for suggestions, the other language's words on switching; scripts/panel-chunks.ts names each). The on-demand figure and the session
 * plus on demand (everything a Miro-mode panel can load) are reported beside it, so nothing
 * hides; the log gives each on-demand chunk's cost over the session. Lit and Yjs alone,
 * bundled the same way, are the reference in the same run.
 */
import { buildPanel, firstPaint, type Chunk, gzipKiB, litAndYjsKiB, onDemandBecause, packagesIn, sessionLanguage, withOnDemand, withSession, withSessionAnd } from '../scripts/panel-chunks.js';
import type { BenchResult } from './types.js';

export async function run(log: (line: string) => void): Promise<BenchResult[]> {
  const panel = await buildPanel();
  const first = firstPaint(panel);
  const session = withSession(panel);
  const all = withOnDemand(panel);
  const inSession = new Set(session.map((c) => c.fileName));
  const onDemand = all.filter((c) => !inSession.has(c.fileName));
  const reference = await litAndYjsKiB();
  const kib = (n: number) => `${n.toFixed(1)} KiB`;
  log(`first paint: ${first.length} chunks, packages ${[...packagesIn(first)].join(', ')}`);
  log(`with the session: ${session.length} chunks, packages ${[...packagesIn(session)].join(', ')}`);
  log(`on demand: ${onDemand.length} chunks, packages ${[...packagesIn(onDemand)].join(', ') || 'none'}`);
  const sessionKiB = gzipKiB(session);
  // What each later action adds to the session: per reason, and per chunk of a kibibyte or more.
  const lang = sessionLanguage(panel);
  log(`the session's words counted in ${lang}, the language that costs more`);
  const demands = all.filter((c) => onDemandBecause(c, lang) !== null);
  const over = (cs: Chunk[]) => gzipKiB([...new Map(cs.flatMap((c) => withSessionAnd(panel, c)).map((c) => [c.fileName, c])).values()]) - sessionKiB;
  for (const reason of new Set(demands.map((c) => onDemandBecause(c, lang)))) {
    const mine = demands.filter((c) => onDemandBecause(c, lang) === reason);
    log(`  + ${kib(over(mine))} ${reason} (${mine.length} chunk${mine.length === 1 ? '' : 's'})`);
    for (const c of mine) if (mine.length > 1 && over([c]) >= 1) log(`      + ${kib(over([c]))} ${c.facadeModuleId?.replace(/^.*?\/(src\/)/, '$1')}`);
  }
  return [
    { name: 'panel.first-paint-kib', value: gzipKiB(first), unit: 'KiB', target: 45, better: 'lower' },
    { name: 'panel.session-kib', value: sessionKiB, unit: 'KiB', target: 85, better: 'lower' },
    { name: 'panel.on-demand-kib', value: gzipKiB(onDemand), unit: 'KiB', target: null, better: 'lower' },
    { name: 'panel.session-and-on-demand-kib', value: gzipKiB(all), unit: 'KiB', target: null, better: 'lower' },
    { name: 'panel.lit-yjs-reference-kib', value: reference, unit: 'KiB', target: null, better: 'lower' },
  ];
}
