import { gzipSync } from 'node:zlib';
import { buildPanel, withSession, firstPaint } from './scripts/panel-chunks.js';
const panel = await buildPanel();
const fp = new Set(firstPaint(panel).map(c=>c.fileName));
for (const c of withSession(panel)) console.log((gzipSync(c.code,{level:9}).length/1024).toFixed(2).padStart(6), fp.has(c.fileName)?'FP':'  ', c.fileName, c.facadeModuleId?.replace(/^.*?\/src\//,'src/') ?? '', c.moduleIds.length);
