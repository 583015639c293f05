/**
 * Every value read from the session doc passes through here (and the plan's and the pulses'
 * readers, read-plan.ts and read-pulse.ts, which the session's opening does not load), one
 * reader per map, built from the checks in read-checks.ts.
 *
 * Anyone on the board writes the doc (in Miro mode every peer; on the server every
 * participant for what they may touch), and older versions of the app wrote it too, so a
 * value is only what a check here says it is. A bad entry is skipped (the reader behaves as
 * if it were absent), reported once per doc through `reportBadEntry`, and never thrown:
 * one bad round, cluster or count never breaks a round list or a tally.
 *
 * Absent nullable fields read as null (older writers); a present value of the wrong type,
 * size or enumeration makes the whole entry bad.
 */
import * as Y from 'yjs';
import { isStickyColour } from '../miro-rules.js';
import { isStepId } from './agenda.js';
import { isId, isNoteId, unpackIds, type PackedIds } from './ids.js';
import { PRESENCE_FIELD, type PresenceState } from './presence.js';
import {
  aliasesMap, ballotsMap, clustersMap, deletedMap, LIMITS, MAP, membershipMap, publishedMap, roundsMap, sessionMap, workshopMap,
  type Anonymity, type ClusterFields, type PublishedTally, type RoundFields, type RoundScope, type SessionFields, type SlotValue,
  type Visibility, type WorkshopFields,
} from './schema.js';
import {
  BAD, entry, fields, id, int, nullable, one, oneOf, publishedHead, reportBadEntry, text, time, type AnyMap, type Check, type Spec,
} from './read-checks.js';

export { reportBadEntry, setBadEntryReporter, type BadEntry, type BadEntryReporter } from './read-checks.js';

// ---- session ---------------------------------------------------------------------------

export interface SessionRead {
  facilitator: string | null;
  startedAt: number | null;
  offeredTo: string | null;
  takenFrom: string | null;
  /** When the facilitator ended the session (Miro mode); null while it runs. */
  endedAt: number | null;
}

/** One field of a flat map (session, workshop): checked, or reported and null. */
function field<F, K extends keyof F & string>(doc: Y.Doc, map: string, m: Y.Map<unknown>, k: K, c: Check<F[K]>): F[K] | null {
  const v = nullable(c)(m.get(k));
  return v === BAD ? (reportBadEntry(doc, map, k, k), null) : v;
}

export function readSession(doc: Y.Doc): SessionRead {
  const s = sessionMap(doc) as unknown as Y.Map<unknown>;
  const check = <K extends keyof SessionFields & string>(k: K, c: Check<SessionFields[K]>) => field<SessionFields, K>(doc, MAP.session, s, k, c);
  return { facilitator: check('facilitator', id), startedAt: check('startedAt', time), offeredTo: check('offeredTo', id), takenFrom: check('takenFrom', id), endedAt: check('endedAt', time) };
}

// ---- workshop (run sheet) ----------------------------------------------------------------

export interface WorkshopRead {
  step: string;
  startedAt: number;
  timeBoxMs: number;
  /** the round and item now discussed, or null */
  discussing: { roundId: string; targetId: string } | null;
}

/** Where the workshop is, or null (not moved to any step yet, or a bad step). A bad time box
 *  reads as the step with no time box known (0); a bad discussion as none. */
export function readWorkshop(doc: Y.Doc): WorkshopRead | null {
  const w = workshopMap(doc) as unknown as Y.Map<unknown>;
  const check = <K extends keyof WorkshopFields & string>(k: K, c: Check<WorkshopFields[K]>) => field<WorkshopFields, K>(doc, MAP.workshop, w, k, c);
  const step = check('step', (v) => (isStepId(v) ? v : BAD));
  const startedAt = check('startedAt', time);
  if (step === null || startedAt === null) return null;
  const timeBoxMs = check('timeBoxMs', int(0, LIMITS.timeBoxMs)) ?? 0;
  return { step, startedAt, timeBoxMs, discussing: readDiscussing(doc) };
}

/** The round and item now discussed, or null; a discussion needs no step (the results are enough). */
export function readDiscussing(doc: Y.Doc): { roundId: string; targetId: string } | null {
  const w = workshopMap(doc) as unknown as Y.Map<unknown>;
  const check = <K extends keyof WorkshopFields & string>(k: K, c: Check<WorkshopFields[K]>) => field<WorkshopFields, K>(doc, MAP.workshop, w, k, c);
  const roundId = check('discussRound', id);
  const targetId = check('discussTarget', id);
  return roundId !== null && targetId !== null ? { roundId, targetId } : null;
}

// ---- clusters, aliases, membership, deletions ------------------------------------------

const CLUSTER: Spec<ClusterFields> = {
  label: text(LIMITS.label),
  colour: (v) => (isStickyColour(v) ? v : BAD),
  createdBy: id,
  createdAt: time,
};

/** A cluster keyed by a note's id is bad: it would make the note's votes count as the cluster's. */
const clusterEntry = (doc: Y.Doc, clusterId: string): ClusterFields | null =>
  isNoteId(clusterId) ? (reportBadEntry(doc, MAP.clusters, clusterId, 'a note id'), null) : one(doc, clustersMap(doc), MAP.clusters, clusterId, CLUSTER);

/** A live cluster's fields, or null (none, or bad). */
export const readCluster = (doc: Y.Doc, clusterId: string): ClusterFields | null =>
  clustersMap(doc).has(clusterId) ? clusterEntry(doc, clusterId) : null;

/** Every good cluster. */
export function readClusters(doc: Y.Doc): Map<string, ClusterFields> {
  const out = new Map<string, ClusterFields>();
  for (const k of clustersMap(doc).keys()) {
    const f = clusterEntry(doc, k);
    if (f) out.set(k, f);
  }
  return out;
}

/** A string map from id to a cluster id (aliases, membership): a bad pair reads as absent.
 *  The value names a cluster, never a note; an alias's key is a cluster too (`keyIsCluster`). */
function idTo(doc: Y.Doc, map: AnyMap, name: string, key: string, keyIsCluster: boolean): string | undefined {
  const v = map.get(key);
  if (v === undefined) return undefined;
  const keyOk = isId(key) && !(keyIsCluster && isNoteId(key));
  if (keyOk && isId(v) && !isNoteId(v)) return v;
  reportBadEntry(doc, name, key, keyOk ? 'value' : 'key');
  return undefined;
}

/** How targets are looked up: the four maps, checked, for reads that resolve many ids. */
export interface TargetMaps {
  hasCluster(id: string): boolean;
  /** where a merged-away cluster went */
  alias(id: string): string | undefined;
  /** the cluster id a note names (maybe gone or an alias) */
  member(noteId: string): string | undefined;
  isDeleted(id: string): boolean;
}

export function targetMaps(doc: Y.Doc): TargetMaps {
  const [clusters, aliases, membership, deleted] = [clustersMap(doc), aliasesMap(doc), membershipMap(doc), deletedMap(doc)];
  return {
    hasCluster: (k) => clusters.has(k) && readCluster(doc, k) !== null,
    alias: (k) => idTo(doc, aliases, MAP.clusterAliases, k, true),
    member: (k) => idTo(doc, membership, MAP.membership, k, false),
    isDeleted: (k) => {
      const v = deleted.get(k);
      if (v === undefined) return false;
      if (isId(k) && time(v) !== BAD) return true;
      return reportBadEntry(doc, MAP.deleted, k, isId(k) ? 'value' : 'key'), false;
    },
  };
}

/** Every good membership pair: note → the cluster id it names. */
export function readMembership(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>();
  const m = membershipMap(doc);
  for (const k of m.keys()) {
    const c = idTo(doc, m, MAP.membership, k, false);
    if (c !== undefined) out.set(k, c);
  }
  return out;
}

// ---- rounds ----------------------------------------------------------------------------

const targetsChecked = new WeakMap<object, string[] | null>();
/** A round's target list: packed ids, 1 to LIMITS.targets of them, each an id. */
const targets: Check<string[]> = (v) => {
  if (typeof v !== 'object' || v === null) return BAD;
  let ids = targetsChecked.get(v);
  if (ids === undefined) {
    const p = v as Partial<PackedIds>;
    const ok = p.num instanceof Uint8Array && p.num.byteLength % 8 === 0 && Array.isArray(p.str) && p.str.every(isId)
      && p.num.byteLength / 8 + p.str.length >= 1 && p.num.byteLength / 8 + p.str.length <= LIMITS.targets;
    ids = ok ? unpackIds(p as PackedIds) : null;
    targetsChecked.set(v, ids);
  }
  return ids ?? BAD;
};

const scope: Check<RoundScope> = (v) => {
  if (v === undefined) return { kind: 'selection' };
  if (typeof v !== 'object' || v === null) return BAD;
  const s = v as Record<string, unknown>;
  const name = text(LIMITS.scopeId);
  if (s.kind === 'selection') return { kind: 'selection' };
  if (s.kind === 'template' && name(s.templateId) !== BAD) return { kind: 'template', templateId: s.templateId as string };
  if (s.kind === 'cards' && name(s.templateId) !== BAD) return { kind: 'cards', templateId: s.templateId as string };
  if (s.kind === 'zone' && name(s.templateId) !== BAD && name(s.zoneId) !== BAD) {
    return { kind: 'zone', templateId: s.templateId as string, zoneId: s.zoneId as string };
  }
  return BAD;
};

/** A round as read: its fields with the targets unpacked. */
export type RoundRead = Omit<RoundFields, 'targets'> & { targets: string[] };

const ROUND: Spec<RoundRead> = {
  question: text(LIMITS.question),
  scope,
  targets,
  budget: int(1, LIMITS.budget),
  cap: int(1, LIMITS.budget),
  anonymity: oneOf<Anonymity>(['named', 'anonymous', 'sealed']),
  visibility: oneOf<Visibility>(['live', 'hidden']),
  k: int(1, LIMITS.k),
  timeLimitMs: nullable((v) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : BAD)),
  createdBy: id,
  createdAt: time,
  openedAt: nullable(time),
  endsAt: nullable(time),
  closedAt: nullable(time),
  revealedAt: nullable(time),
};

/** The checks of a round's definition, for values that do not come from the doc. */
export function checkRound(raw: unknown): RoundRead | string {
  const f = fields(raw, ROUND);
  if (typeof f === 'string') return f;
  return f.cap > f.budget ? 'cap' : f;
}

/** A round's fields, or null (none, or bad). */
export function readRound(doc: Y.Doc, roundId: string): RoundRead | null {
  const raw = roundsMap(doc).get(roundId);
  return raw === undefined ? null : entry(doc, MAP.rounds, roundId, () => checkRound(raw));
}

/** The ids of every good round. */
export function roundIds(doc: Y.Doc): string[] {
  return [...roundsMap(doc).keys()].filter((k) => readRound(doc, k) !== null);
}

// ---- ballots ---------------------------------------------------------------------------

/** A round's ballot map, or null (none, or not a map). */
export function readBallotMap(doc: Y.Doc, roundId: string): Y.Map<SlotValue> | null {
  const raw = ballotsMap(doc).get(roundId) as unknown;
  if (raw === undefined) return null;
  return entry(doc, MAP.ballots, roundId, () => (raw instanceof Y.Map ? (raw as Y.Map<SlotValue>) : 'not a map'));
}

/** A slot's target id: an index into the round's targets, or an id; anything else reads as empty. */
export function readSlot(doc: Y.Doc, round: { id: string; targets: readonly string[] }, key: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < round.targets.length) return round.targets[v];
  if (isId(v)) return v;
  reportBadEntry(doc, MAP.ballots, `${round.id}/${key}`, 'slot');
  return undefined;
}

// ---- published tallies -----------------------------------------------------------------


/** The totals published for a round, or null (none, or bad); bad counts are left out. */
export function readPublished(doc: Y.Doc, roundId: string): PublishedTally | null {
  const raw = publishedMap(doc).get(roundId) as unknown;
  if (raw === undefined) return null;
  return entry(doc, MAP.publishedTallies, roundId, () => {
    const head = publishedHead(raw);
    if (typeof head === 'string') return head;
    const { p, respondents, at } = head;
    if (typeof p.counts !== 'object' || p.counts === null || Array.isArray(p.counts)) return 'counts';
    const counts: Record<string, number> = {};
    for (const [t, n] of Object.entries(p.counts)) {
      if (isId(t) && int(0, Number.MAX_SAFE_INTEGER)(n) !== BAD) counts[t] = n as number;
      else reportBadEntry(doc, MAP.publishedTallies, `${roundId}/${t}`, 'count');
    }
    return { respondents, counts, publishedAt: at };
  });
}

// ---- presence (awareness) --------------------------------------------------------------

/** A peer's presence from its awareness state, or null (none, or bad). Bad states are
 *  reported once per `awareness` (a peer can make up client ids without end). */
export function readPresence(state: unknown, awareness: object): PresenceState | null {
  if (typeof state !== 'object' || state === null) return null;
  const p = (state as Record<string, unknown>)[PRESENCE_FIELD];
  if (p === undefined) return null;
  const name = typeof p === 'object' && p !== null ? text(LIMITS.name)((p as Record<string, unknown>).name) : BAD;
  if (name === BAD) return reportBadEntry(awareness, 'awareness', PRESENCE_FIELD, 'name'), null;
  const user = (p as Record<string, unknown>).user;
  if (user !== undefined && !isId(user)) return reportBadEntry(awareness, 'awareness', PRESENCE_FIELD, 'user'), null;
  // "I'm done" with a step: its key (workshop.ts); a bad one reads as not done.
  const done = (p as Record<string, unknown>).done;
  const doneKey = done === undefined ? undefined : text(100)(done);
  if (doneKey === BAD) reportBadEntry(awareness, 'awareness', PRESENCE_FIELD, 'done');
  return { name, ...(user === undefined ? {} : { user }), ...(doneKey === undefined || doneKey === BAD ? {} : { done: doneKey }) };
}
