/** The byte search finds a secret in each encoding, at every alignment inside a longer text. */
import { expect, it } from 'vitest';
import { findSecrets } from './byte-search.js';

it('finds a secret raw, in base64 / base64url at any offset, in hex and URI-encoded; nothing where it is not', () => {
  for (const s of ['Anne Mørk Jensen', '3458764599990000001']) {
    for (const pad of ['', 'x', 'xy', 'xyz']) {
      expect(findSecrets(Buffer.from(`${pad}${s}tail`).toString('base64'), [s])).toContain(`${s} (base64)`);
      expect(findSecrets(Buffer.from(`${pad}${s}q`).toString('base64url'), [s]).length).toBeGreaterThan(0);
    }
    expect(findSecrets(Buffer.from(`zz${s}`).toString('hex'), [s])).toContain(`${s} (hex)`);
    expect(findSecrets(new TextEncoder().encode(`..${s}..`), [s])).toContain(`${s} (raw)`);
  }
  expect(findSecrets(encodeURIComponent('a b Anne Mørk Jensen'), ['Anne Mørk Jensen'])).toContain('Anne Mørk Jensen (uri)');
  expect(findSecrets('nothing here', ['Anne Mørk Jensen', '3458764599990000001'])).toEqual([]);
});
