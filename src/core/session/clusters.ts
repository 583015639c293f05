/**
 * Clusters as read: which cluster an id or a note stands for, every live cluster with its
 * notes. Membership is one key per note, and cluster ids are resolved when read (see
 * schema.ts), so a note is in at most one cluster. The commands are in cluster-commands.ts.
 */
import type * as Y from 'yjs';
import { readClusters, readMembership, targetMaps, type TargetMaps } from './read.js';
import type { ClusterFields } from './schema.js';

export type { ClusterError } from '../failures.js';

export interface ClusterView extends ClusterFields {
  id: string;
  notes: string[];
}

/** The cluster an id stands for now: itself, or where it was merged into; null if gone.
 *  Concurrent merges can form an alias cycle with no live cluster: that reads as gone. */
export function resolveCluster(doc: Y.Doc, clusterId: string | undefined): string | null {
  return resolveIn(targetMaps(doc), clusterId);
}

/** resolveCluster over maps already in hand (tallies resolve many ids). */
export function resolveIn(maps: Pick<TargetMaps, 'hasCluster' | 'alias'>, clusterId: string | undefined): string | null {
  let id = clusterId;
  let seen: Set<string> | null = null; // only long chains pay for cycle detection
  for (let hops = 0; id !== undefined; hops++) {
    if (maps.hasCluster(id)) return id;
    if (hops >= 16) {
      seen ??= new Set();
      if (seen.has(id)) return null;
      seen.add(id);
    }
    id = maps.alias(id);
  }
  return null;
}


export function isClusterId(doc: Y.Doc, id: string): boolean {
  const maps = targetMaps(doc);
  return maps.hasCluster(id) || maps.alias(id) !== undefined;
}

/** The cluster a note is in now, or null. */
export function clusterOf(doc: Y.Doc, noteId: string): string | null {
  const maps = targetMaps(doc);
  return resolveIn(maps, maps.member(noteId));
}

/** Every live cluster with its notes, in id order. */
export function listClusters(doc: Y.Doc): ClusterView[] {
  const byId = new Map<string, ClusterView>();
  for (const [id, f] of readClusters(doc)) byId.set(id, { id, ...f, notes: [] });
  const maps = targetMaps(doc);
  for (const [noteId, raw] of readMembership(doc)) {
    const c = resolveIn(maps, raw);
    if (c !== null) byId.get(c)?.notes.push(noteId);
  }
  const out = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const c of out) c.notes.sort();
  return out;
}
