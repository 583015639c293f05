import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { buildPanel, firstPaint } from './scripts/panel-chunks.js';
const root = fileURLToPath(new URL('.', import.meta.url));
const panel = await buildPanel();
const names = new Set(firstPaint(panel).map(c=>c.fileName));
const result: any = await build({ root, logLevel: 'silent', build: { write: false, reportCompressedSize: false } });
const outs = (Array.isArray(result) ? result : [result]).flatMap((o: any) => o.output);
const rows: [number,string,string][] = [];
for (const c of outs) if (c.type==='chunk' && names.has(c.fileName)) { console.log(c.fileName, (gzipSync(c.code,{level:9}).length/1024).toFixed(1)); for (const [id, m] of Object.entries<any>(c.modules)) if (m.code) rows.push([gzipSync(m.code,{level:9}).length/1024, c.fileName, id.replace(/^.*?\/(src|node_modules|templates)\//,'$1/')]); }
rows.sort((a,b)=>b[0]-a[0]); for (const r of rows.slice(0,45)) console.log(r[0].toFixed(2).padStart(6), r[2]);
