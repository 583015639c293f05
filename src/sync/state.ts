/**
 * Comparing Yjs document states without exchanging them: state vectors say which inserts a
 * replica has; delete sets say which deletes. Both are needed, because a pure delete
 * (map.delete, array.delete) does not move the state vector.
 */
import * as Y from 'yjs';
import { hash53 } from './wire.js';

export type StateVector = Map<number, number>;
export type DeleteSet = Y.Snapshot['ds'];

export interface StateSummary {
  sv: Uint8Array;
  digest: string;
}

/** State vector + digest of (state vector, delete set): equal digests mean equal states. */
export function summarize(doc: Y.Doc): StateSummary {
  const snap = Y.snapshot(doc);
  return { sv: Y.encodeStateVector(snap.sv), digest: hash53(Y.encodeSnapshot(snap)) };
}

/** True when `a` holds inserts `b` lacks (some client's clock in `a` is beyond `b`'s). */
export function svAhead(a: StateVector, b: StateVector, ignore?: ReadonlySet<number>): boolean {
  for (const [client, clock] of a) if (clock > (b.get(client) ?? 0) && !ignore?.has(client)) return true;
  return false;
}

export function svEqual(a: StateVector, b: StateVector): boolean {
  return !svAhead(a, b) && !svAhead(b, a);
}

/** Componentwise minimum: a diff against it covers everyone in `svs`. */
export function svMin(svs: StateVector[]): StateVector {
  const out = new Map<number, number>();
  if (svs.length === 0) return out;
  const clients = new Set<number>();
  for (const sv of svs) for (const c of sv.keys()) clients.add(c);
  for (const c of clients) {
    const min = Math.min(...svs.map((sv) => sv.get(c) ?? 0));
    if (min > 0) out.set(c, min);
  }
  return out;
}

/** Everything in `inner` is deleted in `outer` too. */
export function dsContains(outer: DeleteSet, inner: DeleteSet): boolean {
  for (const [client, ranges] of inner.clients) {
    const cover = mergeRanges(outer.clients.get(client) ?? []);
    for (const r of ranges) {
      if (r.len === 0) continue;
      const end = r.clock + r.len;
      // Walk the merged cover from the first range that could hold r.clock.
      let pos = r.clock;
      for (const c of cover) {
        if (c.end <= pos) continue;
        if (c.start > pos) break;
        pos = c.end;
        if (pos >= end) break;
      }
      if (pos < end) return false;
    }
  }
  return true;
}

function mergeRanges(items: ReadonlyArray<{ clock: number; len: number }>): Array<{ start: number; end: number }> {
  const sorted = items.map((i) => ({ start: i.clock, end: i.clock + i.len })).sort((a, b) => a.start - b.start);
  const out: Array<{ start: number; end: number }> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** This replica's delete set. */
export function deleteSetOf(doc: Y.Doc): DeleteSet {
  return Y.snapshot(doc).ds;
}

/** An update with no inserts and this replica's whole delete set: sent with requests. */
export function deleteSetUpdate(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc));
}

/** True while the doc holds updates it cannot integrate yet (their dependencies are missing). */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
