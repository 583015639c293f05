import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildPanel, withSession, firstPaint } from './scripts/panel-chunks.js';
const root = fileURLToPath(new URL('.', import.meta.url));
const panel = await buildPanel();
const session = withSession(panel);
const first = new Set(firstPaint(panel).map(c=>c.fileName));
// rebuild to get modules with code
const result: any = await build({ root, logLevel: 'silent', build: { write: false, reportCompressedSize: false } });
const outs = (Array.isArray(result) ? result : [result]).flatMap((o: any) => o.output);
const names = new Set(session.map(c => c.fileName));
const rows: [number, string, string][] = [];
for (const c of outs) {
  if (c.type !== 'chunk' || !names.has(c.fileName)) continue;
  const tot = gzipSync(c.code, {level:9}).length/1024;
  console.log(`CHUNK ${c.fileName} ${tot.toFixed(1)} ${first.has(c.fileName)?'(first paint)':''}`);
  for (const [id, m] of Object.entries<any>(c.modules)) {
    if (!m.code) continue;
    rows.push([gzipSync(m.code, {level:9}).length/1024, c.fileName, id.replace(/^.*?\/(src|node_modules)\//, '$1/')]);
  }
}
rows.sort((a,b)=>b[0]-a[0]);
const filt = process.argv[2];
for (const r of rows) if (!filt || r[1].includes(filt)) console.log(r[0].toFixed(2).padStart(6), r[1].padEnd(28), r[2]);
