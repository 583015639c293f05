import { build, type Plugin } from 'vite';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('.', import.meta.url));
const stub: Plugin = { name: 'stub', enforce: 'pre', transform(code, id) {
  if (!id.includes('/src/') || /src\/app\/panel.ts|tryghed-shell/.test(id)) return null;
  return code.replace(/(?<!typeof )import\((['"][^'"]+['"])\)/g, 'Promise.resolve({})');
}};
const result: any = await build({ root, logLevel: 'silent', plugins: [stub], build: { write: false, reportCompressedSize: false } });
const outs = (Array.isArray(result) ? result : [result]).flatMap((o: any) => o.output);
for (const c of outs) if (c.type==='chunk' && /session/.test(c.fileName)) console.log(c.fileName, (gzipSync(c.code,{level:9}).length/1024).toFixed(1));
const rows: [number,string][] = [];
for (const c of outs) if (c.type==='chunk' && /session-/.test(c.fileName)) for (const [id, m] of Object.entries<any>(c.modules)) if (m.code) rows.push([gzipSync(m.code,{level:9}).length/1024, id.replace(/^.*?\/(src|node_modules)\//,'$1/')]);
rows.sort((a,b)=>b[0]-a[0]); for (const r of rows) if (!r[1].startsWith('node_modules')) console.log(r[0].toFixed(2).padStart(6), r[1]);
