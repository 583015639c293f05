/** `npm run suggest -- notes.json`: the panel's engine from the command line. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLexicalEngine } from '../../src/suggest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'suggest-cli-'));
function run(notes: unknown, ...args: string[]) {
  const file = join(dir, `notes-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof notes === 'string' ? notes : JSON.stringify(notes));
  const p = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/suggest.ts', file, ...args], { encoding: 'utf8' });
  return { file, status: p.status, out: p.stdout, err: p.stderr };
}

describe('npm run suggest', () => {
  const notes = [
    { id: 'a', text: 'Kalenderen er fyldt' }, { id: 'b', text: 'No time to think' },
    { id: 'c', text: 'Lonely at the top' }, { id: 'd', text: 'Ensomhed som leder' }, { id: 'e', text: 'Nyt logo' },
  ];
  it('prints the themes and the notes left alone, as the panel\'s engine suggests them', () => {
    const r = run(notes);
    expect(r.status, r.err).toBe(0);
    const { themes, alone } = createLexicalEngine().suggest(notes);
    expect(JSON.parse(r.out)).toEqual({ themes, alone });
    expect(alone).toEqual(['e']);
  });
  it('names the entry at fault in a malformed file, and exits 1', () => {
    const r = run([{ id: 'a', text: 'x' }, { id: 'b' }]);
    expect(r.status).toBe(1);
    expect(r.err).toContain(`${r.file}: entry [1].text: expected a string, got nothing (note "b")`);
    expect(run('[{"id": "a", "text": ').err).toMatch(/not JSON/);
  });
});
