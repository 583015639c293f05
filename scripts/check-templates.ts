/**
 * Validate templates/*.json (schema, then a layout in both languages) without the app:
 *   npx tsx scripts/check-templates.ts [file.json …]
 * Exits non-zero and prints the file and JSON path of every fault.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { LANGS } from '../src/core/lang.js';
import { layoutTemplate } from '../src/core/layout/layout.js';
import { parseTemplateText } from '../src/core/template/schema.js';

const files = process.argv.length > 2
  ? process.argv.slice(2)
  : readdirSync('templates').filter((f) => f.endsWith('.json')).sort().map((f) => `templates/${f}`);
let failed = 0;
for (const file of files) {
  try {
    const t = parseTemplateText(readFileSync(file, 'utf8'), file);
    for (const lang of LANGS) layoutTemplate(t, lang, { x: 0, y: 0 });
    console.log(`ok   ${file} (${t.elements.length} elements)`);
  } catch (err) {
    failed++;
    console.error(`FAIL ${(err as Error).message}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
