/**
 * The panel's build checks the templates itself (vite.config.ts), so the browser does not
 * ship the schema check: a broken file fails the build with its JSON path, a changed file is
 * checked again, and only the catalogue's check is swapped for the trusting one.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkedTemplates } from '../../vite.config.js';
import { deepFreeze } from '../../src/core/template/ids.js';
import { TEMPLATE_INDEX } from '../../src/core/template/template-index.js';

const templates = fileURLToPath(new URL('../../templates/', import.meta.url));
const catalogue = fileURLToPath(new URL('../../src/core/template/catalogue.ts', import.meta.url));
type Hook = (this: unknown, ...args: unknown[]) => unknown;
const hook = (plugin: ReturnType<typeof checkedTemplates>, name: 'buildStart' | 'transform' | 'resolveId' | 'configResolved' | 'load') => plugin[name] as unknown as Hook;

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function withTemplates(change: (opening: Record<string, unknown>) => void): string {
  dir = mkdtempSync(join(tmpdir(), 'tryghed-templates-'));
  for (const id of ['opening', 'plate']) {
    const json = JSON.parse(readFileSync(join(templates, `${id}.json`), 'utf8')) as Record<string, unknown>;
    if (id === 'opening') change(json);
    writeFileSync(join(dir, `${id}.json`), JSON.stringify(json));
  }
  return dir;
}

describe('the build checks the templates', () => {
  it('passes the real files and fails a broken one with its file and JSON path', () => {
    expect(() => hook(checkedTemplates(), 'buildStart').call({})).not.toThrow();
    const broken = checkedTemplates(withTemplates((t) => ((t.frame as Record<string, unknown>).width = 10)));
    expect(() => hook(broken, 'buildStart').call({})).toThrow(/templates\/opening\.json: \$\.frame\.width/);
  });

  it('checks a template file again as it is loaded, and leaves other files alone', () => {
    const plugin = checkedTemplates(withTemplates(() => {}));
    const file = join(dir!, 'opening.json');
    expect(() => hook(plugin, 'transform').call({}, readFileSync(file, 'utf8'), file)).not.toThrow();
    expect(() => hook(plugin, 'transform').call({}, '{"id": "opening"}', file)).toThrow(/templates\/opening\.json/);
    expect(hook(plugin, 'transform').call({}, '{"not": "a template"}', join(dir!, '..', 'other.json'))).toBeNull();
  });

  it("swaps the catalogue's check for the trusting one, and nothing else", async () => {
    const plugin = checkedTemplates();
    const resolveTo = (id: string) => ({ resolve: async () => ({ id }) });
    const check = fileURLToPath(new URL('../../src/core/template/check-catalogue.ts', import.meta.url));
    expect(await hook(plugin, 'resolveId').call(resolveTo(check), './check-catalogue.js', catalogue, {})).toMatch(/src\/core\/template\/checked-catalogue\.ts$/);
    expect(await hook(plugin, 'resolveId').call(resolveTo('/elsewhere/check-catalogue.ts'), './check-catalogue.js', '/elsewhere/x.ts', {})).toBeNull();
    expect(await hook(plugin, 'resolveId').call(resolveTo(check), './schema.js', catalogue, {})).toBeNull();
  });

  it("builds the list's cards from the checked files in template-index.ts's place (the build only), the same cards", async () => {
    const plugin = checkedTemplates();
    const index = fileURLToPath(new URL('../../src/core/template/template-index.ts', import.meta.url));
    const zones = fileURLToPath(new URL('../../src/core/template/zones.ts', import.meta.url));
    const resolveTo = (id: string) => ({ resolve: async () => ({ id }) });
    hook(plugin, 'configResolved').call({}, { command: 'serve' });
    expect(await hook(plugin, 'resolveId').call(resolveTo(index), './template-index.js', zones, {})).toBeNull();
    hook(plugin, 'configResolved').call({}, { command: 'build' });
    const id = await hook(plugin, 'resolveId').call(resolveTo(index), './template-index.js', zones, {});
    expect(id).toMatch(/tryghed-template-index/);
    expect(await hook(plugin, 'resolveId').call(resolveTo('/elsewhere/template-index.ts'), './template-index.js', zones, {})).toBeNull();
    const code = hook(plugin, 'load').call({ warn: () => undefined }, id) as string;
    const body = code.replace(/^import .*\n/, '').replace('export const TEMPLATE_INDEX =', 'return');
    const built = new Function('deepFreeze', body)(deepFreeze) as typeof TEMPLATE_INDEX;
    expect(built).toEqual(TEMPLATE_INDEX);
    expect(built.map((c) => c.id)).toHaveLength(12);
    expect(Object.isFrozen(built[0]!.preview.da!.rects[0])).toBe(true);
    expect(hook(plugin, 'load').call({}, index)).toBeNull();
  });
});
