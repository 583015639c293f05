/**
 * Moving a session between sync modes (Miro's channel ↔ the sync server) keeps the work.
 * What everyone writes travels as carry-shared.ts says. What the facilitator owns travels as
 * one checked command, `import-session`: the old state is read through read.ts (a bad entry is
 * skipped, as everywhere) and written afresh, replacing what the new doc held (the moving
 * facilitator's copy wins). Ballots never travel to another mode: a doc-held round (named,
 * anonymous) brings the totals its ballots count to, counted as the tally counts them, and a
 * sealed round the totals the server published; the ballots stay where they were cast.
 */
import * as Y from 'yjs';
import { isStepId } from './agenda.js';
import { CONTROL_MAPS } from './carry-shared.js';
import { packIds } from './ids.js';
import { readBallotMap, readDiscussing, readPublished, readRound, readSession, roundIds, readWorkshop, targetMaps, type RoundRead, type WorkshopRead } from './read.js';
import { readPlan } from './read-plan.js';
import { isFacilitator } from './roles.js';
import { listRounds } from './rounds.js';
import { controlDoc, deletedMap, fieldMap, LIMITS, planMap, publishedMap, roundsMap, sessionMap, workshopMap, type InitiativeFields, type PublishedTally } from './schema.js';
import { countBallots } from './tally.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result, type RoleError } from './types.js';

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

/**
 * The facilitator's state of the session `doc` (its control doc's maps, in server mode) as the
 * command carries it: those maps only, and for each doc-held round that was opened and has
 * ballots, its totals now (in the published map, the shape the sync server publishes).
 */
export function controlState(doc: Y.Doc, now = Date.now()): string {
  const tmp = new Y.Doc();
  Y.applyUpdate(tmp, Y.encodeStateAsUpdate(controlDoc(doc)));
  tmp.transact(() => {
    // In Miro mode one doc holds everything: ballots, pulse answers, clusters stay behind.
    for (const name of [...tmp.share.keys()]) {
      if (CONTROL_MAPS.includes(name)) continue;
      const m = tmp.getMap(name);
      for (const k of [...m.keys()]) m.delete(k);
    }
    for (const r of listRounds(doc, now)) {
      if (r.status === 'draft' || r.anonymity === 'sealed' || readBallotMap(doc, r.id) === null) continue;
      const { respondents, counts } = countBallots(doc, r);
      publishedMap(tmp).set(r.id, { respondents, counts: Object.fromEntries(counts), publishedAt: now });
    }
  });
  return toBase64(Y.encodeStateAsUpdate(tmp));
}

/** The facilitator's state from another mode as read, every value checked (read.ts). */
export interface Carried {
  facilitator: string | null;
  startedAt: number | null;
  rounds: ReadonlyArray<readonly [string, RoundRead]>;
  /** totals of rounds that were opened, only those that could come from the round's ballots */
  published: ReadonlyMap<string, PublishedTally>;
  deleted: ReadonlyArray<readonly [string, number]>;
  plan: ReadonlyMap<string, InitiativeFields>;
  workshop: WorkshopRead | null;
  discussing: { roundId: string; targetId: string } | null;
}

/** A carried state read, or null when it is no session state at all (not base64, not Yjs). */
export function readCarried(state: string): Carried | null {
  const bytes = fromBase64(state);
  const from = new Y.Doc();
  try {
    if (!bytes) return null;
    Y.applyUpdate(from, bytes);
  } catch {
    return null;
  }
  const rounds = roundIds(from).map((id) => [id, readRound(from, id)!] as const);
  const published = new Map<string, PublishedTally>();
  for (const [id, r] of rounds) {
    const p = readPublished(from, id);
    if (p && r.openedAt !== null && plausible(r, p)) published.set(id, p);
  }
  const maps = targetMaps(from);
  const deleted = [...deletedMap(from).keys()].filter((k) => maps.isDeleted(k)).map((k) => [k, deletedMap(from).get(k)!] as const);
  const { facilitator, startedAt } = readSession(from);
  return { facilitator, startedAt, rounds, published, deleted, plan: readPlan(from), workshop: readWorkshop(from), discussing: readDiscussing(from) };
}

/** Totals that the round's ballots could add up to: per target at most `cap` a respondent, in
 *  all at most `budget` a respondent, and no votes without a respondent. */
function plausible(r: RoundRead, p: PublishedTally): boolean {
  const counts = Object.values(p.counts);
  const sum = counts.reduce((a, b) => a + b, 0);
  return p.respondents <= LIMITS.respondents && counts.length <= LIMITS.targets
    && counts.every((n) => n <= p.respondents * r.cap) && sum <= p.respondents * r.budget;
}

export interface Imported {
  rounds: number;
  initiatives: number;
}

export interface ImportOptions {
  /** The sync server: a round still open arrives closed at this time (its ballots stayed in
   *  the other mode, so nobody could vote in it here). */
  closeOpenAt?: number;
  /** false on the sync server, which publishes totals itself, only when they may be shown. */
  withTotals?: boolean;
}

/** A round as it arrives in a sync server: one that was opened is closed (at `at`, unless it
 *  was revealed already): its ballots stayed behind, so nobody could vote in it here. */
export const arrivedClosed = (r: RoundRead, at: number): RoundRead =>
  r.openedAt !== null && r.closedAt === null ? { ...r, closedAt: r.revealedAt ?? at } : r;

/**
 * The facilitator's state from another mode replaces this doc's. Allowed to the facilitator
 * here, or (a fresh doc, or one that followed the move late) to whoever was the facilitator
 * where the state comes from; the seat comes along. On the server, the server decides the
 * seat before this runs.
 */
export function importSession(doc: Y.Doc, actor: Actor, input: { state: string }): Result<Imported, RoleError | 'invalid'> {
  const carried = readCarried(input.state);
  return carried ? importCarried(doc, actor, carried) : fail('invalid', 'Not a session state.');
}

export function importCarried(doc: Y.Doc, actor: Actor, c: Carried, opts: ImportOptions = {}): Result<Imported, RoleError | 'invalid'> {
  if (!isFacilitator(doc, actor) && c.facilitator !== actor.userId) return fail('not-facilitator', 'Only the facilitator moves the session.');
  const close = opts.closeOpenAt;
  const rounds = c.rounds.map(([id, r]) => [id, fieldMap({ ...(close === undefined ? r : arrivedClosed(r, close)), targets: packIds(r.targets) })] as const);
  doc.transact(() => {
    const s = sessionMap(doc);
    if (!isFacilitator(doc, actor)) s.set('facilitator', actor.userId);
    if (c.startedAt !== null && readSession(doc).startedAt === null) s.set('startedAt', c.startedAt);
    replace(roundsMap(doc), rounds);
    if (opts.withTotals !== false) replace(publishedMap(doc), [...c.published]);
    replace(deletedMap(doc), c.deleted);
    replace(planMap(doc), [...c.plan].map(([id, f]) => [id, fieldMap(f)]));
    const w = workshopMap(doc);
    for (const k of [...w.keys()]) w.delete(k);
    if (c.workshop && isStepId(c.workshop.step)) {
      w.set('step', c.workshop.step);
      w.set('startedAt', c.workshop.startedAt);
      w.set('timeBoxMs', c.workshop.timeBoxMs);
    }
    // What is discussed comes along with or without a step.
    if (c.discussing) {
      w.set('discussRound', c.discussing.roundId);
      w.set('discussTarget', c.discussing.targetId);
    }
  }, SESSION_ORIGIN);
  return ok({ rounds: rounds.length, initiatives: c.plan.size });
}

/** Makes `m` hold exactly `entries` (inside the caller's transaction). */
function replace<V>(m: Y.Map<V>, entries: ReadonlyArray<readonly [string, unknown]>): void {
  const keep = new Set(entries.map(([k]) => k));
  for (const k of [...m.keys()]) if (!keep.has(k)) m.delete(k);
  for (const [k, v] of entries) m.set(k, v as V);
}
