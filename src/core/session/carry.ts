/**
 * Moving a session between sync modes (Miro's channel ↔ the sync server) keeps the work.
 * What everyone writes (clusters, membership, doc-held ballots) travels as the old doc's own
 * Yjs state, so every panel may apply it (the same items: applying twice changes nothing).
 * What the facilitator owns travels as one checked command, `import-session`: the old state is
 * read through read.ts (a bad entry is skipped, as everywhere) and written afresh, replacing
 * what the new doc held (the moving facilitator's copy wins). Sealed ballots never travel:
 * they stay on the server; the published totals of a sealed round come along.
 */
import * as Y from 'yjs';
import { isStepId } from './agenda.js';
import { packIds } from './ids.js';
import { readDiscussing, readPublished, readRound, readSession, readWorkshop, roundIds, targetMaps } from './read.js';
import { readPlan } from './read-plan.js';
import { isFacilitator } from './roles.js';
import { deletedMap, fieldMap, MAP, planMap, publishedMap, roundsMap, sessionMap, workshopMap } from './schema.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

/** The facilitator's maps (the control doc's in server mode). */
const CONTROL_MAPS = [MAP.session, MAP.deleted, MAP.rounds, MAP.publishedTallies, MAP.plan, MAP.workshop] as const;

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

export const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

function fromBase64(text: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The facilitator's state of `doc` (its control doc's, in server mode), as the command carries it. */
export function controlState(doc: Y.Doc): string {
  return toBase64(Y.encodeStateAsUpdate(doc));
}

export interface Imported {
  rounds: number;
  initiatives: number;
}

/**
 * The facilitator's state from another mode replaces this doc's. Allowed to the facilitator
 * here, or (a fresh doc, or one that followed the move late) to whoever was the facilitator
 * where the state comes from; the seat comes along. On the server, the server decides the
 * seat before this runs.
 */
export function importSession(doc: Y.Doc, actor: Actor, input: { state: string }): Result<Imported, RoleError | 'invalid'> {
  const bytes = fromBase64(input.state);
  const from = new Y.Doc();
  try {
    if (!bytes) throw new Error('not base64');
    Y.applyUpdate(from, bytes);
  } catch {
    return fail('invalid', 'Not a session state.');
  }
  if (!isFacilitator(doc, actor) && readSession(from).facilitator !== actor.userId) return fail('not-facilitator', 'Only the facilitator moves the session.');
  const rounds = roundIds(from).flatMap((id) => {
    const r = readRound(from, id);
    return r ? [[id, { ...r, targets: packIds(r.targets) }] as const] : [];
  });
  const published = roundIds(from).flatMap((id) => {
    const p = readPublished(from, id);
    return p ? [[id, p] as const] : [];
  });
  const maps = targetMaps(from);
  const deleted = [...deletedMap(from).keys()].filter((k) => maps.isDeleted(k)).map((k) => [k, deletedMap(from).get(k)!] as const);
  const plan = readPlan(from);
  const workshop = readWorkshop(from);
  const discussing = readDiscussing(from);
  const started = readSession(from).startedAt;
  doc.transact(() => {
    const s = sessionMap(doc);
    if (!isFacilitator(doc, actor)) s.set('facilitator', actor.userId);
    if (started !== null && readSession(doc).startedAt === null) s.set('startedAt', started);
    replace(roundsMap(doc), rounds.map(([id, r]) => [id, fieldMap(r)]));
    replace(publishedMap(doc), published);
    replace(deletedMap(doc), deleted);
    replace(planMap(doc), [...plan].map(([id, f]) => [id, fieldMap(f)]));
    const w = workshopMap(doc);
    for (const k of [...w.keys()]) w.delete(k);
    if (workshop && isStepId(workshop.step)) {
      w.set('step', workshop.step);
      w.set('startedAt', workshop.startedAt);
      w.set('timeBoxMs', workshop.timeBoxMs);
    }
    // What is discussed comes along with or without a step.
    if (discussing) {
      w.set('discussRound', discussing.roundId);
      w.set('discussTarget', discussing.targetId);
    }
  }, SESSION_ORIGIN);
  return ok({ rounds: rounds.length, initiatives: plan.size });
}

/** Makes `m` hold exactly `entries` (inside the caller's transaction). */
function replace<V>(m: Y.Map<V>, entries: ReadonlyArray<readonly [string, unknown]>): void {
  const keep = new Set(entries.map(([k]) => k));
  for (const k of [...m.keys()]) if (!keep.has(k)) m.delete(k);
  for (const [k, v] of entries) m.set(k, v as V);
}
