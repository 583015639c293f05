/**
 * The layering rules of DESIGN.md, read from the imports of every file in src/ and sandbox/.
 * One row per layer: the folders (or files) it may import values from, those it may import
 * only types from (`import type`, or every name marked `type`), and its npm packages. A new
 * layer is one more row. A failure names the file and the import that broke the rule.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

interface Rule { values: string[]; types?: string[]; packages: (pkg: string) => boolean }
const only = (...names: string[]) => (pkg: string) => names.some((n) => pkg === n || pkg.startsWith(`${n}/`));
/** What no pure layer may reach: the DOM's kits, the network, the server's stores. */
const DOM_OR_NETWORK = only('lit', 'ws', 'pg', 'ioredis', 'better-sqlite3', '@hocuspocus', 'node:http', 'node:https', 'node:net', 'node:dgram', 'node:fs');
const SYNC_PACKAGES = ['yjs', 'y-protocols', 'lib0'];

// The first row whose key starts the file's path is its layer.
const RULES: Record<string, Rule> = {
  'src/core/': { values: ['src/core/', 'templates/'], packages: only('yjs') },
  'src/protocol/': { values: ['src/protocol/'], types: ['src/core/'], packages: only() },
  // The SDK's adapter: it may build what sync defines over the SDK (e.g. the Miro channel); sync never imports board.
  'src/board/': { values: ['src/board/', 'src/core/', 'src/sync/'], packages: only('yjs', '@mirohq/websdk-types') },
  'src/sync/': { values: ['src/sync/', 'src/core/'], types: ['src/protocol/'], packages: only(...SYNC_PACKAGES, '@hocuspocus/provider') },
  // esbuild: the storage thread's code is bundled to plain JavaScript at start (storage-thread.ts).
  'src/server/': { values: ['src/server/', 'src/core/', 'src/protocol/'], packages: (p) => p.startsWith('node:') || only(...SYNC_PACKAGES, '@hocuspocus', 'ws', 'pg', 'ioredis', 'better-sqlite3', 'esbuild')(p) },
  // Use cases over the doc, the board and the votes (engineer "actions").
  'src/actions/': { values: ['src/actions/', 'src/core/', 'src/board/'], types: ['src/sync/', 'src/protocol/'], packages: only('yjs') },
  // Theme suggestions: pure, with their NLP packages (engineer "suggest").
  'src/suggest/': { values: ['src/suggest/', 'src/core/'], packages: (p) => !DOM_OR_NETWORK(p) && !p.startsWith('node:') },
  // The words of what the board reports and draws: only they know the board's types (panels see the ports through src/actions).
  'src/ui/i18n/': { values: ['src/ui/i18n/', 'src/core/'], types: ['src/board/', 'src/actions/'], packages: only() },
  'src/ui/': { values: ['src/ui/', 'src/core/'], types: ['src/sync/', 'src/actions/', 'src/protocol/', 'src/suggest/'], packages: only('lit', 'yjs', 'y-protocols') },
  // Shims of library modules for the build (aliased in vite.config.ts): nothing of the app.
  'src/vendor/': { values: ['src/vendor/'], packages: only('lib0') },
  'src/app/': { values: ['src/'], packages: only(...SYNC_PACKAGES, 'lit') },
  // The sandbox plays Miro's host: it may use the app's pure parts, never the app's words.
  'sandbox/': {
    values: ['sandbox/', 'src/core/', 'src/board/sdk.ts', 'src/ui/shared-styles.ts', 'src/ui/i18n/format.ts', 'src/ui/i18n/lang-pref.ts', 'src/ui/safe-storage.ts'],
    packages: only('lit', '@mirohq/websdk-types', ...SYNC_PACKAGES),
  },
};
/** Who may name Miro's SDK (the `miro` global, `MiroSdk`, its types package). */
const SDK_NAMERS = ['src/board/', 'sandbox/'];

const root = resolve(import.meta.dirname, '..');
const filesIn = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => relative(root, join(e.parentPath, e.name)));

interface Import { spec: string; target: string; typeOnly: boolean }
function importsOf(file: string, source: ts.SourceFile): Import[] {
  const out: Import[] = [];
  const add = (spec: string, typeOnly: boolean) =>
    out.push({ spec, typeOnly, target: spec.startsWith('.') ? relative(root, resolve(dirname(join(root, file)), spec)).replace(/\.js$/, '.ts') : spec });
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const c = node.importClause;
      const named = c?.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : undefined;
      add(node.moduleSpecifier.text, !!c && (c.isTypeOnly || (!c.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly))));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node.moduleSpecifier.text, node.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(node.arguments[0]!)) {
      add((node.arguments[0] as ts.StringLiteral).text, false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** Identifiers that name the SDK: `MiroSdk` anywhere, `miro` unless it is a property's name (but `globalThis.miro` is the global). */
function sdkNames(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && (node.text === 'MiroSdk' || node.text === 'miro')) {
      const p = node.parent;
      const onGlobal = ts.isPropertyAccessExpression(p) && /^\(?\s*(globalThis|window|self)\b/.test(p.expression.getText());
      const isPropertyName = (ts.isPropertyAccessExpression(p) && p.name === node && !onGlobal) || ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p)) && p.name === node);
      if (node.text === 'MiroSdk' || !isPropertyName) found.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function breaches(file: string): string[] {
  const layer = Object.keys(RULES).find((k) => file.startsWith(k));
  if (!layer) return [`${file}: in no layer (add a row to RULES)`];
  const rule = RULES[layer]!;
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const under = (dirs: string[] | undefined, target: string) => (dirs ?? []).some((d) => target.startsWith(d));
  for (const i of importsOf(file, source)) {
    if (!i.spec.startsWith('.')) {
      if (!rule.packages(i.spec)) out.push(`${file} imports package '${i.spec}' (${layer} may not)`);
      if (i.spec === '@mirohq/websdk-types' && !under(SDK_NAMERS, file)) out.push(`${file} imports '${i.spec}': only src/board names the SDK`);
    } else if (!under(rule.values, i.target) && !(i.typeOnly && under(rule.types, i.target))) {
      const typesOk = under(rule.types, i.target);
      out.push(`${file} imports ${typesOk ? 'a value from ' : ''}'${i.spec}' (${i.target}): ${layer} may not${typesOk ? ' (types only: `import type`)' : ''}`);
    }
  }
  if (!under(SDK_NAMERS, file)) for (const name of sdkNames(source)) out.push(`${file} names the SDK ('${name}'): only src/board does`);
  return out;
}

/** Known breaches with their owner; each must still occur (so the list only shrinks). */
const PENDING: Record<string, string> = {};

describe('architecture: the import rules of DESIGN.md', () => {
  const files = [...filesIn('src'), ...filesIn('sandbox')];
  const found = files.flatMap(breaches);

  it('every file in src/ and sandbox/ keeps its layer’s rules', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(found.filter((b) => !(b in PENDING))).toEqual([]);
  });

  it('a Lit element is alone in its file, named by its tag, and declared in HTMLElementTagNameMap', () => {
    const wrong = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      const tags = [...text.matchAll(/customElements\.define\(\s*'([^']+)'/g)].map((m) => m[1]!);
      if (tags.length === 0) return [];
      const name = file.split('/').pop()!.replace(/\.ts$/, '');
      return tags.length > 1 || tags[0] !== name || !new RegExp(`HTMLElementTagNameMap\\s*\\{[^}]*'${tags[0]}'`).test(text) ? [`${file}: ${tags.join(', ')}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('the pending breaches are still there (remove a row when its work lands)', () => {
    expect(Object.keys(PENDING).filter((b) => !found.includes(b))).toEqual([]);
  });
});
