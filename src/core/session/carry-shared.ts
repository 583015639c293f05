/**
 * Everyone's part of a session (clusters with their labels and colours, merged-away clusters'
 * aliases, membership) on a move between sync modes (carry.ts carries the facilitator's part).
 * - Into Miro's channel it travels as the old doc's own Yjs state (`sharedState`): every panel
 *   may apply it (the same items: applying twice changes nothing), ballots of doc-held rounds too.
 * - Into a sync server it is written afresh (`carryShared`): new items under the panel's own
 *   client id, never another mode's deletions or ballots, which the server refuses (ballot-guard.ts,
 *   client-ids.ts). Only what the server lacks is written, keyed by id, so two panels carrying at
 *   once duplicate nothing and what the server already holds (maybe newer) stays.
 */
import * as Y from 'yjs';
import { readClusters, readMembership, targetMaps } from './read.js';
import { aliasesMap, clustersMap, fieldMap, MAP, membershipMap } from './schema.js';
import { SESSION_ORIGIN } from './types.js';

/** The facilitator's maps (the control doc's in server mode): they move by the checked import. */
export const CONTROL_MAPS: readonly string[] = [MAP.session, MAP.deleted, MAP.rounds, MAP.publishedTallies, MAP.plan, MAP.workshop];

/** A doc's state without the facilitator's maps (their entries deleted), for the new shared doc. */
export function sharedState(doc: Y.Doc): Uint8Array {
  const tmp = new Y.Doc();
  Y.applyUpdate(tmp, Y.encodeStateAsUpdate(doc));
  tmp.transact(() => {
    for (const name of CONTROL_MAPS) {
      const m = tmp.getMap(name);
      for (const k of [...m.keys()]) m.delete(k);
    }
  });
  return Y.encodeStateAsUpdate(tmp);
}

export interface CarriedShared {
  clusters: number;
  aliases: number;
  members: number;
}

/**
 * Writes into `to` what everyone wrote in `from` and `to` lacks, read through read.ts (a bad
 * entry is skipped), in one transaction; nothing when `to` lacks nothing.
 */
export function carryShared(from: Y.Doc, to: Y.Doc, origin: unknown = SESSION_ORIGIN): CarriedShared {
  const [clusters, aliases, membership] = [clustersMap(to), aliasesMap(to), membershipMap(to)];
  const newClusters = [...readClusters(from)].filter(([id]) => !clusters.has(id));
  const maps = targetMaps(from);
  const newAliases = [...aliasesMap(from).keys()].flatMap((k) => {
    const v = aliases.has(k) ? undefined : maps.alias(k);
    return v === undefined ? [] : [[k, v] as const];
  });
  const newMembers = [...readMembership(from)].filter(([note]) => !membership.has(note));
  if (newClusters.length + newAliases.length + newMembers.length > 0) {
    to.transact(() => {
      for (const [id, f] of newClusters) clusters.set(id, fieldMap(f));
      for (const [k, v] of newAliases) aliases.set(k, v);
      for (const [k, v] of newMembers) membership.set(k, v);
    }, origin);
  }
  return { clusters: newClusters.length, aliases: newAliases.length, members: newMembers.length };
}
