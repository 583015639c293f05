/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line),
 * prints a table and writes bench/results.json. Figures are ratios or sizes measured
 * against a baseline in the same run, so they hold on a loaded machine too.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type BenchModule, type BenchResult } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: BenchResult[] = [];
const crashed: string[] = [];
for (const file of files) {
  console.log(`\n# ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    results.push(...(await mod.run((line) => console.log(`  ${line}`))));
  } catch (e) {
    // The other files still run; a crash is a failure (exit 2), not a missed figure (exit 1).
    console.log(`  CRASHED: ${(e as Error)?.stack ?? e}`);
    crashed.push(file);
  }
}

const rows = results.map((r) => [
  r.name,
  `${+r.value.toFixed(3)} ${r.unit}`,
  r.target === null ? 'reference' : `${r.better === 'lower' ? '<=' : '>='} ${r.target} ${r.unit}`,
  meetsTarget(r) ? 'ok' : 'MISSED',
]);
const head = ['figure', 'value', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));

writeFileSync(join(here, 'results.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote bench/results.json (${results.length} figures)`);
const missed = results.filter((r) => !meetsTarget(r));
if (missed.length > 0) {
  console.log(`${missed.length} figure(s) missed their target`);
  process.exitCode = 1;
}
if (crashed.length > 0) {
  console.log(`${crashed.length} benchmark file(s) crashed: ${crashed.join(', ')}`);
  process.exitCode = 2;
}
