/**
 * When the server compacts a document (merges it whole on the storage thread): after 256 KiB
 * appended, or half the document's size if that is more. A board filled to the cap with big
 * updates is merged a few times, not after every update; a small board as before.
 */
import type { onChangePayload, onStoreDocumentPayload } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { DocPersistence, type DocStore } from '../../src/server/doc-store.js';
import { BoardSizes } from '../../src/server/limits.js';
import { ROOM } from './support/helpers.js';

/** Appends `n` updates of `bytes` each, one store after each; returns the sizes compacted at. */
async function fill(n: number, bytes: number): Promise<number[]> {
  const sizes = new BoardSizes();
  const merged: number[] = [];
  const store: DocStore = {
    load: async () => null,
    append: async () => undefined,
    compact: async (name) => (merged.push(sizes.of(name)), sizes.of(name)),
    delete: async () => undefined,
    close: async () => undefined,
  };
  const p = new DocPersistence(store, sizes);
  sizes.set(ROOM, 0);
  for (let i = 0; i < n; i++) {
    await p.onChange({ documentName: ROOM, update: new Uint8Array(bytes), transactionOrigin: 'server' } as unknown as onChangePayload);
    await p.onStoreDocument({ documentName: ROOM } as onStoreDocumentPayload);
    await new Promise((r) => setTimeout(r, 0)); // the compaction it started, if any, is done
  }
  return merged;
}

describe('compaction', () => {
  it('a board filled with 0.9 MB updates to 8 MiB is merged a few times, not after each', async () => {
    const merged = await fill(9, 900_000);
    expect(merged.length).toBeLessThanOrEqual(4);
    // Every merge came after at least half the size was appended since the one before.
    const total = merged.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(15_000_000);
  });

  it('a small board is compacted after 256 KiB appended, as before', async () => {
    const merged = await fill(6, 100_000);
    expect(merged).toEqual([300_000, 600_000]);
  });
});
