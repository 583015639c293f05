/**
 * Clusters: create from a selection of stickies, rename, recolour, merge, dissolve, move
 * notes in and out. Anyone in the session may cluster. Membership is one key per note, and
 * cluster ids are resolved when read (see schema.ts), so a note is in at most one cluster.
 */
import type * as Y from 'yjs';
import { isId, isNoteId, newId } from './ids.js';
import { isStickyColour, type StickyColour } from '../miro-rules.js';
import { readCluster, readClusters, readMembership, targetMaps, type TargetMaps } from './read.js';
import { aliasesMap, clustersMap, fieldMap, LIMITS, membershipMap, type ClusterFields } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';

export type { ClusterError } from '../failures.js';
import type { ClusterError } from '../failures.js';

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

export function createCluster(
  doc: Y.Doc,
  actor: Actor,
  input: { noteIds: string[]; label?: string; colour?: StickyColour; now?: number; clusterId?: string },
): Result<{ clusterId: string }, ClusterError> {
  if (input.noteIds.length === 0) return fail('no-notes', 'Select at least one sticky note.');
  if ((input.label ?? '').length > LIMITS.label) return fail('too-long', 'The label is too long.');
  const colour = input.colour ?? 'yellow';
  if (!isStickyColour(colour)) return fail('bad-colour', `Not a sticky colour: ${String(colour)}`);
  const clusterId = input.clusterId ?? newId('c');
  // A cluster keyed by a note's id would be read as nothing (read.ts): refuse to make one.
  if (!isId(clusterId) || isNoteId(clusterId)) return fail('no-cluster', 'Not a cluster id.');
  doc.transact(() => {
    clustersMap(doc).set(
      clusterId,
      fieldMap<ClusterFields>({ label: input.label ?? '', colour, createdBy: actor.userId, createdAt: input.now ?? Date.now() }),
    );
    const membership = membershipMap(doc);
    for (const n of input.noteIds) membership.set(n, clusterId);
  }, SESSION_ORIGIN);
  return ok({ clusterId });
}

/**
 * Group notes into a new cluster (its id may be chosen first, e.g. for its label on the
 * board). A cluster this leaves with no notes sent every note here: it is merged in, so votes
 * cast on it count for the new one. One transaction.
 */
export function groupNotes(
  doc: Y.Doc,
  actor: Actor,
  input: { noteIds: string[]; label?: string; colour?: StickyColour; now?: number; clusterId?: string },
): Result<{ clusterId: string; merged: string[] }, ClusterError> {
  let out: Result<{ clusterId: string; merged: string[] }, ClusterError> = fail('no-notes', 'Select at least one sticky note.');
  doc.transact(() => {
    const before = new Set(input.noteIds.map((n) => clusterOf(doc, n)).filter((c): c is string => c !== null));
    const made = createCluster(doc, actor, input);
    if (!made.ok) return void (out = made);
    const live = new Set(listClusters(doc).filter((c) => c.notes.length > 0).map((c) => c.id));
    const merged = [...before].filter((c) => !live.has(c));
    if (merged.length > 0) mergeClusters(doc, actor, { from: merged, into: made.value.clusterId });
    out = ok({ clusterId: made.value.clusterId, merged });
  }, SESSION_ORIGIN);
  return out;
}

export function renameCluster(doc: Y.Doc, _actor: Actor, input: { clusterId: string; label: string }): Result<null, ClusterError> {
  const c = liveCluster(doc, input.clusterId);
  if (!c) return fail('no-cluster', 'That cluster no longer exists.');
  if (input.label.length > LIMITS.label) return fail('too-long', 'The label is too long.');
  doc.transact(() => c.set('label', input.label), SESSION_ORIGIN);
  return ok(null);
}

export function recolourCluster(doc: Y.Doc, _actor: Actor, input: { clusterId: string; colour: StickyColour }): Result<null, ClusterError> {
  const c = liveCluster(doc, input.clusterId);
  if (!c) return fail('no-cluster', 'That cluster no longer exists.');
  if (!isStickyColour(input.colour)) return fail('bad-colour', `Not a sticky colour: ${String(input.colour)}`);
  doc.transact(() => c.set('colour', input.colour), SESSION_ORIGIN);
  return ok(null);
}

/** A cluster's map to write to, if it is a good one. */
function liveCluster(doc: Y.Doc, clusterId: string) {
  return readCluster(doc, clusterId) ? clustersMap(doc).get(clusterId)! : null;
}

/** Merge clusters into one. The merged-away ids become aliases, so their notes, and votes
 *  cast on them, follow to `into` without rewriting anything a concurrent edit might touch. */
export function mergeClusters(doc: Y.Doc, _actor: Actor, input: { from: string[]; into: string }): Result<null, ClusterError> {
  const clusters = clustersMap(doc);
  if (!readCluster(doc, input.into)) return fail('no-cluster', 'The cluster to merge into no longer exists.');
  const from = input.from.filter((id) => id !== input.into);
  if (from.some((id) => !readCluster(doc, id))) return fail('no-cluster', 'A cluster to merge no longer exists.');
  doc.transact(() => {
    const aliases = aliasesMap(doc);
    for (const id of from) {
      aliases.set(id, input.into);
      clusters.delete(id);
    }
  }, SESSION_ORIGIN);
  return ok(null);
}

/** Dissolve a cluster: its notes become unclustered; votes cast on the cluster itself leave the tally. */
export function dissolveCluster(doc: Y.Doc, _actor: Actor, input: { clusterId: string; now?: number }): Result<null, ClusterError> {
  const clusters = clustersMap(doc);
  if (!readCluster(doc, input.clusterId)) return fail('no-cluster', 'That cluster no longer exists.');
  doc.transact(() => {
    const membership = membershipMap(doc);
    const maps = targetMaps(doc);
    for (const [noteId, raw] of readMembership(doc)) {
      if (resolveIn(maps, raw) === input.clusterId) membership.delete(noteId);
    }
    clusters.delete(input.clusterId);
    // Remembered as gone (an alias to itself: a cycle resolves to nothing), so votes cast on it
    // are not mistaken for votes on a note of that id. Not in the deletion map: that one is the
    // facilitator's (schema.ts).
    aliasesMap(doc).set(input.clusterId, input.clusterId);
  }, SESSION_ORIGIN);
  return ok(null);
}

/** Move notes into a cluster (from wherever they were), or out of any cluster with `to: null`. */
export function moveNotes(doc: Y.Doc, _actor: Actor, input: { noteIds: string[]; to: string | null }): Result<null, ClusterError> {
  const to = input.to === null ? null : resolveCluster(doc, input.to);
  if (input.to !== null && to === null) return fail('no-cluster', 'That cluster no longer exists.');
  doc.transact(() => {
    const membership = membershipMap(doc);
    for (const n of input.noteIds) {
      if (to === null) membership.delete(n);
      else membership.set(n, to);
    }
  }, SESSION_ORIGIN);
  return ok(null);
}
