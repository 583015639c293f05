import { build, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
const root = fileURLToPath(new URL('.', import.meta.url));
const short = (id: string) => id.replace(/^.*?\/(src|node_modules|sandbox)\//, '$1/');
const dump: Plugin = { name: 'dump', generateBundle(_, bundle) {
  for (const c of Object.values(bundle)) {
    if (c.type !== 'chunk' || !c.fileName.includes('session-') ) continue;
    if (!/session-[-\w]+\.js/.test(c.fileName) || c.fileName.includes('parts')) continue;
    for (const id of Object.keys(c.modules)) {
      if (id.includes('node_modules')) continue;
      const info = this.getModuleInfo(id)!;
      console.log(short(id), '<=', info.importers.map(short).join(' '), info.dynamicImporters.length ? ' DYN<= ' + info.dynamicImporters.map(short).join(' ') : '');
    }
  }
}};
await build({ root, logLevel: 'silent', plugins: [dump], build: { write: false, reportCompressedSize: false } });
