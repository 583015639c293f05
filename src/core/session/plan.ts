/**
 * The P-IGLO plan, an action plan Danish workplaces recognise (handlingsplan): per initiative
 * the problem it answers, the initiative, its layer (P, O, L, G, I), who is responsible, a
 * deadline (a date), follow-up date and method, a success criterion, a status, preparedness,
 * and its source (round and rank). The facilitator writes it, starting from the top
 * priorities of a round: a draft keeps the voted item as the problem and leaves the
 * initiative for the team to write.
 */
import type * as Y from 'yjs';
import { newId } from './ids.js';
import { readCluster } from './read.js';
import { readInitiative, readPlan } from './read-plan.js';
import { fieldMap, isPlanDate, LIMITS, planMap, PLAN_LAYERS, PLAN_PATCH_FIELDS, PLAN_STATUSES, type InitiativeFields, type PlanLayer } from './schema.js';
import { requireFacilitator } from './roles.js';
import { tally } from './tally.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';

export type { PlanError } from '../failures.js';
import type { PlanError } from '../failures.js';

export interface InitiativeView extends InitiativeFields {
  id: string;
}

export { PLAN_PATCH_FIELDS as PATCH_FIELDS };
export type InitiativePatch = Partial<Pick<InitiativeFields, (typeof PLAN_PATCH_FIELDS)[number]>>;
const PATCH_FIELDS = PLAN_PATCH_FIELDS;

const isLayer = (l: unknown): l is PlanLayer => (PLAN_LAYERS as readonly unknown[]).includes(l);

/** Texts longer than the readers take (read.ts) are refused, not stored to be skipped. */
function tooLong(f: InitiativePatch): boolean {
  const long = (v: string | undefined, max: number) => (v ?? '').length > max;
  return long(f.text, LIMITS.planText) || long(f.problem, LIMITS.planText) || long(f.followUpMethod, LIMITS.planText)
    || long(f.successCriterion, LIMITS.planText) || long(f.owner, LIMITS.planField) || long(f.when, LIMITS.planField);
}

/** A layer, date or status the readers would skip: refused here instead. */
function badValue(f: InitiativePatch): string | null {
  if (f.layer !== undefined && !isLayer(f.layer)) return `Not a P-IGLO layer: ${String(f.layer)}`;
  if (f.deadline !== undefined && !isPlanDate(f.deadline)) return `Not a date (YYYY-MM-DD): ${String(f.deadline)}`;
  if (f.followUpDate !== undefined && !isPlanDate(f.followUpDate)) return `Not a date (YYYY-MM-DD): ${String(f.followUpDate)}`;
  if (f.status !== undefined && !PLAN_STATUSES.includes(f.status)) return `Not a status: ${String(f.status)}`;
  return null;
}

const EMPTY = {
  problem: '', owner: '', when: '', deadline: '', followUpDate: '', followUpMethod: '', successCriterion: '', status: 'not-started',
  preparedness: false, sourceRound: null, sourceTarget: null, sourceRank: null, draft: false,
} as const satisfies Partial<InitiativeFields>;

/** Initiatives by layer (P, O, L, G, I), then in the order they were added. */
export function listPlan(doc: Y.Doc): InitiativeView[] {
  return [...readPlan(doc)]
    .map(([id, f]) => ({ id, ...f }))
    .sort((a, b) => PLAN_LAYERS.indexOf(a.layer) - PLAN_LAYERS.indexOf(b.layer) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function addInitiative(
  doc: Y.Doc,
  actor: Actor,
  input: InitiativePatch & { layer: PlanLayer; text: string; now?: number },
): Result<{ initiativeId: string }, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!isLayer(input.layer)) return fail('invalid', `Not a P-IGLO layer: ${String(input.layer)}`);
  const bad = badValue(input);
  if (bad) return fail('invalid', bad);
  if (tooLong(input)) return fail('too-long', 'Too long.');
  const initiativeId = newId('i');
  const given = Object.fromEntries(PATCH_FIELDS.filter((k) => input[k] !== undefined).map((k) => [k, input[k]]));
  doc.transact(() => {
    planMap(doc).set(initiativeId, fieldMap<InitiativeFields>({ ...EMPTY, ...given, layer: input.layer, text: input.text, draft: false, createdAt: input.now ?? Date.now() }));
  }, SESSION_ORIGIN);
  return ok({ initiativeId });
}

/** Change some fields; each field is its own key, so concurrent edits of different fields both stay. */
export function updateInitiative(doc: Y.Doc, actor: Actor, input: { id: string; patch: InitiativePatch }): Result<null, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!readInitiative(doc, input.id)) return fail('no-initiative', 'That initiative no longer exists.');
  const m = planMap(doc).get(input.id)!;
  const bad = badValue(input.patch);
  if (bad) return fail('invalid', bad);
  if (tooLong(input.patch)) return fail('too-long', 'Too long.');
  doc.transact(() => {
    for (const k of PATCH_FIELDS) {
      const v = input.patch[k];
      if (v !== undefined) m.set(k, v as never);
    }
  }, SESSION_ORIGIN);
  return ok(null);
}

export function removeInitiative(doc: Y.Doc, actor: Actor, input: { id: string }): Result<null, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!planMap(doc).has(input.id)) return fail('no-initiative', 'That initiative no longer exists.');
  doc.transact(() => planMap(doc).delete(input.id), SESSION_ORIGIN);
  return ok(null);
}

/**
 * Turn the top priorities of a shown tally into draft initiatives on the layer the facilitator
 * picks: every row with votes whose rank is ≤ `count` (so items tied at the boundary all come
 * along). The voted item is the draft's problem; the initiative is left empty for the team to
 * write. A draft's id is derived from round and target, so running this twice, or on two
 * devices at once, makes one draft. Note texts come from the board (`texts`); a cluster's
 * label is used when none is given.
 */
export function draftFromTopPriorities(
  doc: Y.Doc,
  actor: Actor,
  input: { roundId: string; count?: number; layer?: PlanLayer; texts?: Record<string, string>; now?: number },
): Result<{ created: string[]; existing: string[] }, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const layer = input.layer ?? 'G';
  if (!isLayer(layer)) return fail('invalid', `Not a P-IGLO layer: ${String(layer)}`);
  const now = input.now ?? Date.now();
  const t = tally(doc, input.roundId, { now });
  if (!t.visible) return fail('no-tally', `No results to draw from (${t.reason}).`);
  const count = input.count ?? 3;
  const top = t.rows.filter((r) => r.votes > 0 && r.rank <= count);
  const created: string[] = [];
  const existing: string[] = [];
  const plan = planMap(doc);
  doc.transact(() => {
    top.forEach((row, i) => {
      const id = `${input.roundId}:${row.targetId}`;
      if (readInitiative(doc, id)) return void existing.push(id);
      const label = row.kind === 'cluster' ? readCluster(doc, row.targetId)?.label : undefined;
      plan.set(id, fieldMap<InitiativeFields>({
        ...EMPTY, layer, text: '', problem: (input.texts?.[row.targetId] ?? label ?? '').slice(0, LIMITS.planText),
        sourceRound: input.roundId, sourceTarget: row.targetId, sourceRank: row.rank, draft: true, createdAt: now + i,
      }));
      created.push(id);
    });
  }, SESSION_ORIGIN);
  return ok({ created, existing });
}

/**
 * What the team decided about an item of a shown round (the Discuss step): a draft initiative
 * whose problem is the item and whose initiative is the decision. Its id is the one a draft
 * from the top priorities has (round and target), so deciding about an item already drafted
 * writes the decision into that draft instead of adding a second one.
 */
export function recordDecision(
  doc: Y.Doc,
  actor: Actor,
  input: { roundId: string; targetId: string; decision: string; problem: string; layer?: PlanLayer; now?: number },
): Result<{ initiativeId: string; created: boolean }, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  const layer = input.layer ?? 'G';
  if (!isLayer(layer)) return fail('invalid', `Not a P-IGLO layer: ${String(layer)}`);
  if (!input.decision.trim()) return fail('invalid', 'What did the team decide?');
  if (tooLong({ text: input.decision })) return fail('too-long', 'Too long.');
  // The item's words come from the board: as much as the plan keeps.
  const problem = input.problem.slice(0, LIMITS.planText);
  const now = input.now ?? Date.now();
  const t = tally(doc, input.roundId, { now });
  if (!t.visible) return fail('no-tally', `No results to decide from (${t.reason}).`);
  const row = t.rows.find((r) => r.targetId === input.targetId);
  if (!row) return fail('invalid', 'That item is not in the round’s results.');
  const initiativeId = `${input.roundId}:${row.targetId}`;
  const existing = planMap(doc).get(initiativeId);
  doc.transact(() => {
    if (existing && readInitiative(doc, initiativeId)) {
      existing.set('text', input.decision.trim());
      if (!readInitiative(doc, initiativeId)!.problem) existing.set('problem', problem);
      return;
    }
    planMap(doc).set(initiativeId, fieldMap<InitiativeFields>({
      ...EMPTY, layer, text: input.decision.trim(), problem,
      sourceRound: input.roundId, sourceTarget: row.targetId, sourceRank: row.rank, draft: true, createdAt: now,
    }));
  }, SESSION_ORIGIN);
  return ok({ initiativeId, created: !existing });
}
