/**
 * The panel page's production build as a graph of chunks, and what the browser loads from it:
 * at first paint (the page's own script, what it imports in Miro, i.e. not the sandbox, and
 * their static imports: the page's modulepreloads), once the session is open in Miro mode
 * (plus every dynamic import, except the server mode's, the sandbox stand-in's and those made
 * only on a user's later action), and on demand (those later actions' chunks). Used by the
 * size benchmark (bench/size.bench.ts) and by the tests that keep Yjs out of the first paint
 * and the panels out of the session's opening (test/app/panel-loading.test.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface Chunk {
  fileName: string;
  code: string;
  /** The module a dynamic import names (undefined for shared chunks). */
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
  dynamicImports: string[];
}

/** Dynamic imports the panel makes only off Miro mode: the sync server's client (and server
 *  mode's half of the connection, src/app/server-connection.ts), the sandbox stand-in. */
const NOT_IN_MIRO_MODE = [/\/src\/sync\/server-[\w-]+\.ts$/, /\/src\/app\/server-connection\.ts$/, /\/sandbox\//];

/**
 * Dynamic imports made only when the user does something after the session opened, each
 * named with the action that loads it. Nothing else is on demand: a dynamic import not listed
 * here counts in the session's figure, so a new one can only make that figure larger.
 */
const ON_DEMAND: Array<[RegExp, string]> = [
  // src/ui/session-parts.ts (TAB_PANELS): a session opens on the templates tab.
  [/\/src\/ui\/session\/[\w-]+-panel\.ts$/, 'opening a session tab'],
  [/\/src\/ui\/sync-settings\.ts$/, "opening 'Run rounds'"],
  // src/ui/session-tabs.ts: a round's scopes name the templates' zones.
  [/\/src\/ui\/round-scopes\.ts$/, "opening 'Group' or 'Run rounds' (the scopes a round may target)"],
  // src/core/template/lazy-catalogue.ts: the templates' content (the list shows their cards).
  [/\/src\/core\/template\/catalogue\.ts$/, "a template's content: inserting one, or the first part that reads its zones"],
  // src/actions/actions.ts: a use case, the first time the user performs it (those that run
  // by themselves as the session opens are imported statically by src/app/session.ts).
  [/\/src\/actions\/[\w-]+\.ts$/, 'performing a use case (src/actions)'],
  // src/core/session/local-control.ts: Miro mode's facilitator commands, and marking a sticky
  // someone deleted on the board.
  [/\/src\/core\/session\/apply-command\.ts$/, 'a facilitator command, or a sticky deleted on the board'],
  // src/app/connection.ts: moving the session to the other sync mode (sync-settings.ts).
  [/\/src\/core\/session\/carry\.ts$/, "switching the sync mode ('Run rounds')"],
  // src/core/session/pulse-service.ts: the pulse's rules, when someone answers a pulse or the
  // Pulse tab asks for their own answer; the signal notice reads the pulses with them.
  [/\/src\/core\/session\/pulse\.ts$/, 'answering a pulse, the Pulse tab, or the signal notice'],
  // src/ui/session-parts.ts (watchSignalSources): signals are about rounds and pulses; the notice loads
  // with the session's first round or pulse (at once when the session opens with one).
  [/\/src\/ui\/session\/signal-notice\.ts$/, "the session's first vote round or pulse (signals)"],
  // src/ui/session-parts.ts (loadDiscussNotice): "now discussing" shows nothing before the
  // facilitator first picks an item to discuss (tryghed-shell.ts loads it then).
  [/\/src\/ui\/session\/discuss-notice\.ts$/, 'the facilitator picking the first item to discuss'],
  // src/ui/session-parts.ts (loadStepBar): the step bar shows nothing before the facilitator
  // has gone to a step (the run sheet on the Workshop tab).
  [/\/src\/ui\/session\/step-bar\.ts$/, "the facilitator's first step of the run sheet"],
  // src/board/web-sdk-board.ts: the insertion engine, on the first insertion; the free-space
  // search, where the host cannot find room itself (the board grid of an insertion uses it too).
  [/\/src\/board\/insert\.ts$/, 'inserting a template'],
  [/\/src\/core\/layout\/free-space\.ts$/, 'inserting a template, or a plate answer put on the board'],
  // src/board/host.ts: Miro's collaboration (sessions, show / bring everyone), first asked for
  // by a facilitator's action; nothing calls it as the session opens.
  [/\/src\/board\/host-collaboration\.ts$/, "a facilitator's collaboration action"],
  // src/board/session-board.ts: grouping (Group, Ungroup, Merge) and results on the board.
  [/\/src\/board\/session-board-clusters\.ts$/, 'grouping notes on the board'],
  // Our items on the board (badges, labels, results frames), for each part above on its first use.
  [/\/src\/board\/session-board-items\.ts$/, 'the first of the board parts above (our items on the board)'],
  // Badges are drawn by the facilitator's panel alone, once a round is open (follow-badges.ts).
  [/\/src\/board\/session-board-badges\.ts$/, "vote badges (the facilitator's panel, once a round is open)"],
  // Labels: renaming a theme, or the facilitator's panel opening a session with themes (correct-labels.ts).
  [/\/src\/board\/session-board-labels\.ts$/, "a theme's label on the board (renaming; the facilitator opening a session with themes)"],
  [/\/src\/board\/session-board-results\.ts$/, "'Show on the board' in Results"],
  [/\/src\/board\/session-board-pulse\.ts$/, "'Show on the board' for a pulse"],
  [/\/src\/board\/session-board-plate\.ts$/, 'putting a copy of a plate answer on the board'],
  // The plan's rows on the P-IGLO board: drawn by the facilitator's panel once the plan has an
  // accepted initiative (at the opening too, then); a participant's panel never loads it.
  [/\/src\/board\/session-board-plan\.ts$/, "the facilitator's plan drawn on the P-IGLO board"],
  // src/board/session-board.ts: the plan's rows as cells and back, for drawing them or reading an edit.
  [/\/src\/core\/session\/plan-cells\.ts$/, "the facilitator's plan drawn on the P-IGLO board, or a row edited there"],
  // src/app/suggest-port.ts: the facilitator asks the Group tab for suggestions.
  [/\/src\/suggest\/index\.ts$/, 'asking for theme suggestions'],
];

/**
 * Tables of words the session loads in the panel's language only (src/ui/i18n/session-words.ts:
 * *-da.ts, *-en.ts), the other language's when the person switches. The session's figure counts
 * the language that costs more; the other one's tables are on demand.
 */
const LANGUAGE_TABLE = /\/src\/ui\/i18n\/[\w-]+-(da|en)\.ts$/;
const LANGUAGES = ['da', 'en'] as const;
const SWITCHING_LANGUAGE = 'switching the language (the other language’s words)';

const languageOf = (c: Chunk): string | null => LANGUAGE_TABLE.exec(c.facadeModuleId ?? '')?.[1] ?? null;

/** What loads a chunk on demand (see ON_DEMAND), or null when the session loads it itself.
 *  A table of words is on demand when it is not in the session's language `lang` (see
 *  sessionLanguage); without `lang`, every language's tables count as the session's. */
export function onDemandBecause(c: Chunk, lang?: string): string | null {
  const byUse = ON_DEMAND.find(([re]) => re.test(c.facadeModuleId ?? ''))?.[1] ?? null;
  if (byUse !== null) return byUse;
  const tableLang = languageOf(c);
  return tableLang === null || lang === undefined || tableLang === lang ? null : SWITCHING_LANGUAGE;
}

type Output = { output: Array<{ type: string; name?: string } & Partial<Chunk> & { isEntry?: boolean }> };

function chunksOf(result: unknown): Output['output'] {
  const outputs = (Array.isArray(result) ? result : [result]) as Output[];
  return outputs.flatMap((o) => o.output);
}

function toChunk(c: Output['output'][number]): Chunk {
  return {
    fileName: c.fileName!,
    code: c.code!,
    facadeModuleId: c.facadeModuleId ?? null,
    moduleIds: c.moduleIds ?? [],
    imports: c.imports ?? [],
    dynamicImports: c.dynamicImports ?? [],
  };
}

/** The panel's chunks from `vite build` with the project's own config, written to a scratch directory. */
export async function buildPanel(): Promise<{ entry: Chunk; chunks: Map<string, Chunk> }> {
  const outDir = mkdtempSync(join(tmpdir(), 'tryghed-build-'));
  try {
    const result = await build({ root, logLevel: 'silent', build: { outDir, emptyOutDir: true, reportCompressedSize: false } });
    const chunks = new Map<string, Chunk>();
    let entry: Chunk | undefined;
    for (const c of chunksOf(result)) {
      if (c.type !== 'chunk') continue;
      const chunk = toChunk(c);
      chunks.set(chunk.fileName, chunk);
      if (c.isEntry && c.name === 'panel') entry = chunk;
    }
    if (!entry) throw new Error('the build has no panel entry');
    return { entry, chunks };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** The chunks loaded from `from`: static imports always, dynamic ones only where `follow` says. */
export function closure(chunks: Map<string, Chunk>, from: Chunk, follow: (c: Chunk) => boolean = () => false): Chunk[] {
  const seen = new Map<string, Chunk>();
  const visit = (c: Chunk) => {
    if (seen.has(c.fileName)) return;
    seen.set(c.fileName, c);
    for (const f of c.imports) visit(chunks.get(f)!);
    for (const f of c.dynamicImports) {
      const d = chunks.get(f)!;
      if (follow(d)) visit(d);
    }
  };
  visit(from);
  return [...seen.values()];
}

const inMiroMode = (c: Chunk) => !NOT_IN_MIRO_MODE.some((re) => re.test(c.facadeModuleId ?? ''));

export function firstPaint(panel: { entry: Chunk; chunks: Map<string, Chunk> }): Chunk[] {
  // The page's inline script picks the host, then imports the app (src/app/panel.ts): its
  // own dynamic imports are the page's; those the app makes later are not first paint.
  const app = panel.entry.dynamicImports.map((f) => panel.chunks.get(f)!).filter(inMiroMode);
  const seen = new Map<string, Chunk>();
  for (const from of [panel.entry, ...app]) for (const c of closure(panel.chunks, from)) seen.set(c.fileName, c);
  return [...seen.values()];
}

const sessionIn = (panel: { entry: Chunk; chunks: Map<string, Chunk> }, lang: string) =>
  closure(panel.chunks, panel.entry, (c) => inMiroMode(c) && onDemandBecause(c, lang) === null);

/** The language whose words cost the session more: the one its figure counts. */
export function sessionLanguage(panel: { entry: Chunk; chunks: Map<string, Chunk> }): string {
  const [first, ...rest] = LANGUAGES.map((lang) => ({ lang, kib: gzipKiB(sessionIn(panel, lang)) }));
  return rest.reduce((a, b) => (b.kib > a.kib ? b : a), first!).lang;
}

/** First paint plus the session as it opens in Miro mode: every dynamic import but the server's,
 *  the sandbox's and those on demand; with the words of the language that costs more. */
export function withSession(panel: { entry: Chunk; chunks: Map<string, Chunk> }): Chunk[] {
  return sessionIn(panel, sessionLanguage(panel));
}

/** Everything the panel can load in Miro mode: the session, and every tab and engine the user may open later. */
export function withOnDemand(panel: { entry: Chunk; chunks: Map<string, Chunk> }): Chunk[] {
  return closure(panel.chunks, panel.entry, inMiroMode);
}

/** The session plus one on-demand chunk (and what it brings that the session has not loaded). */
export function withSessionAnd(panel: { entry: Chunk; chunks: Map<string, Chunk> }, demand: Chunk): Chunk[] {
  const lang = sessionLanguage(panel);
  const seen = new Map(sessionIn(panel, lang).map((c) => [c.fileName, c]));
  for (const c of closure(panel.chunks, demand, (d) => inMiroMode(d) && onDemandBecause(d, lang) === null)) seen.set(c.fileName, c);
  return [...seen.values()];
}

/** Gzip at level 9 (as Vite reports it), summed over chunks, in KiB. */
export function gzipKiB(chunks: readonly Chunk[]): number {
  return chunks.reduce((sum, c) => sum + gzipSync(c.code, { level: 9 }).length, 0) / 1024;
}

/** Which npm packages a set of chunks carries (from its module ids). */
export function packagesIn(chunks: readonly Chunk[]): Set<string> {
  const found = new Set<string>();
  for (const c of chunks) {
    for (const id of c.moduleIds) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      if (m) found.add(m[1]!);
    }
  }
  return found;
}

/** Lit and Yjs alone, bundled and minified the same way: the reference the panel's figures sit beside. */
export async function litAndYjsKiB(): Promise<number> {
  const id = '\0lit-and-yjs';
  const entry: Plugin = {
    name: 'lit-and-yjs',
    resolveId: (source) => (source === 'lit-and-yjs' ? id : null),
    load: (source) => (source === id ? "export * from 'lit';\nexport * as Y from 'yjs';\n" : null),
  };
  const result = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [entry],
    build: { write: false, target: 'es2022', reportCompressedSize: false, rollupOptions: { input: 'lit-and-yjs', preserveEntrySignatures: 'exports-only' } },
  });
  const chunks = chunksOf(result).filter((c) => c.type === 'chunk').map(toChunk);
  return gzipKiB(chunks);
}
