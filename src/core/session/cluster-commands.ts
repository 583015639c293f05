/**
 * The cluster commands: create from a selection of stickies, rename, recolour, merge,
 * dissolve, move notes in and out. Anyone in the session may cluster. Apart from the reads
 * (clusters.ts), which the session needs as it opens: these load with the first grouping.
 */
import type * as Y from 'yjs';
import { isId, isNoteId, newId } from './ids.js';
import { isStickyColour, type StickyColour } from '../miro-rules.js';
import { aliasesMap, clustersMap, fieldMap, LIMITS, membershipMap, type ClusterFields } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';
import type { ClusterError } from '../failures.js';
import { clusterOf, listClusters, resolveCluster, resolveIn } from './clusters.js';
import { readCluster, readMembership, targetMaps } from './read.js';

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
