/**
 * Boards from before the control doc kept the facilitator's state (session, rounds, plan,
 * deletions, published tallies) in the shared doc, under the same map names. The first time the
 * server loads such a board it copies that state into the control doc, once, each entry read
 * through the session model's checks (core/session/read.ts: a bad entry is left behind), and
 * marks the control doc so it never happens again: what anyone writes into those old maps later
 * is read by nobody. A board made since gets the mark on its first load, with nothing to copy.
 */
import * as Y from 'yjs';
import { isId, packIds } from '../core/session/ids.js';
import { readPublished, readRound, readSession, roundIds } from '../core/session/read.js';
import { readPlan } from '../core/session/read-plan.js';
import { fieldMap, MAP, type InitiativeFields, type RoundFields } from '../core/session/schema.js';

const MIGRATION = 'migration';
const FROM_SHARED = 'fromShared';
const OWNED = [MAP.session, MAP.rounds, MAP.plan, MAP.deleted, MAP.publishedTallies] as const;

/**
 * Copies the shared doc's old facilitator state into `control` unless that was done (or the
 * control doc already holds state of its own). Returns the old facilitator, if any, for the
 * caller to seat (the database is the authority for the seat), or null if nothing was copied.
 */
export function migrateToControl(shared: Y.Doc, control: Y.Doc, now: number, origin: unknown): { facilitator: string | null } | null {
  const mark = control.getMap(MIGRATION);
  if (mark.has(FROM_SHARED)) return null;
  const hasOwn = OWNED.some((m) => control.getMap(m).size > 0);
  const hasOld = OWNED.some((m) => shared.share.has(m) && shared.getMap(m).size > 0);
  if (hasOwn || !hasOld) {
    control.transact(() => mark.set(FROM_SHARED, now), origin);
    return null;
  }
  // Read the old maps with the model's own readers, on a copy that has no control doc linked.
  const old = new Y.Doc();
  Y.applyUpdate(old, Y.encodeStateAsUpdate(shared));
  const session = readSession(old);
  control.transact(() => {
    const s = control.getMap(MAP.session);
    if (session.facilitator !== null) s.set('facilitator', session.facilitator);
    if (session.startedAt !== null) s.set('startedAt', session.startedAt);
    const rounds = control.getMap(MAP.rounds);
    for (const id of roundIds(old)) {
      const r = readRound(old, id)!;
      rounds.set(id, fieldMap<RoundFields>({ ...r, targets: packIds(r.targets) }));
    }
    const plan = control.getMap(MAP.plan);
    for (const [id, f] of readPlan(old)) plan.set(id, fieldMap<InitiativeFields>(f));
    const deleted = control.getMap(MAP.deleted);
    for (const [id, at] of old.getMap(MAP.deleted)) if (isId(id) && typeof at === 'number' && Number.isFinite(at)) deleted.set(id, at);
    const published = control.getMap(MAP.publishedTallies);
    for (const id of old.getMap(MAP.publishedTallies).keys()) {
      const p = readPublished(old, id);
      if (p) published.set(id, p);
    }
    mark.set(FROM_SHARED, now);
  }, origin);
  old.destroy();
  return { facilitator: session.facilitator };
}
