/**
 * Ids: fresh random ids, and a compact form for the id lists a round stores.
 * Doc size matters (the no-server snapshot lives in ~64 KB storage keys), and Miro item ids
 * are 19-digit decimals: packed as 8-byte integers they take 8 bytes instead of 20.
 */

/** A fresh random id, 48 bits in base36 (≤ 10 characters after the prefix): unique without
 *  coordination for the few thousand ids one board's session makes. */
export function newId(prefix = ''): string {
  const a = new Uint32Array(2);
  globalThis.crypto.getRandomValues(a);
  return prefix + (a[0]! * 0x10000 + (a[1]! & 0xffff)).toString(36);
}

/** What may be an id in the doc (notes, clusters, rounds, users, ballot keys): short, plain. */
const ID = /^[A-Za-z0-9_:.=-]{1,100}$/;
export const isId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);

/** Ids in stored form: decimal ids < 2^64 as 8 big-endian bytes each, the rest as strings. */
export interface PackedIds {
  num: Uint8Array;
  str: string[];
}

const DECIMAL = /^[1-9][0-9]{0,19}$/;

/**
 * A sticky note's id: Miro's item ids (and the sandbox's) are decimals. Cluster ids never are
 * (newId with a letter prefix), so a note id is never read as a cluster, nor as either end of
 * an alias: nobody can make a note count as a cluster that is gone (read.ts).
 */
export const isNoteId = (v: unknown): v is string => typeof v === 'string' && DECIMAL.test(v);
const MAX = (1n << 64n) - 1n;

export function packIds(ids: readonly string[]): PackedIds {
  const nums: bigint[] = [];
  const str: string[] = [];
  for (const id of ids) {
    const n = DECIMAL.test(id) ? BigInt(id) : -1n;
    if (n > 0n && n <= MAX) nums.push(n);
    else str.push(id);
  }
  const num = new Uint8Array(nums.length * 8);
  const view = new DataView(num.buffer);
  nums.forEach((n, i) => view.setBigUint64(i * 8, n));
  return { num, str };
}

const unpacked = new WeakMap<PackedIds, string[]>();

/** The ids of a packed list: the decimal ones first, then the rest (a stable order that slot
 *  indexes refer to). Memoised per stored value, which Yjs hands back as the same object. */
export function unpackIds(p: PackedIds): string[] {
  let ids = unpacked.get(p);
  if (!ids) {
    const view = new DataView(p.num.buffer, p.num.byteOffset, p.num.byteLength);
    ids = [];
    for (let i = 0; i + 8 <= p.num.byteLength; i += 8) ids.push(view.getBigUint64(i).toString());
    ids.push(...p.str);
    unpacked.set(p, ids);
  }
  return ids;
}
