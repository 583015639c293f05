/**
 * The P-IGLO plan: initiatives on the layers P, O, L, G, I, with owner, when and a
 * preparedness flag. The facilitator writes it, starting from the top priorities of a round.
 */
import type * as Y from 'yjs';
import { newId } from './ids.js';
import { readCluster, readInitiative, readPlan } from './read.js';
import { fieldMap, LIMITS, planMap, PLAN_LAYERS, type InitiativeFields, type PlanLayer } from './schema.js';
import { requireFacilitator } from './roles.js';
import { tally } from './tally.js';
import { fail, ok, SESSION_ORIGIN, type Actor, type Result } from './types.js';

export type { PlanError } from '../failures.js';
import type { PlanError } from '../failures.js';

export interface InitiativeView extends InitiativeFields {
  id: string;
}

export type InitiativePatch = Partial<Pick<InitiativeFields, 'layer' | 'text' | 'owner' | 'when' | 'preparedness' | 'draft'>>;

const isLayer = (l: unknown): l is PlanLayer => (PLAN_LAYERS as readonly unknown[]).includes(l);

/** Texts longer than the readers take (read.ts) are refused, not stored to be skipped. */
function tooLong(f: Partial<Pick<InitiativeFields, 'text' | 'owner' | 'when'>>): boolean {
  return (f.text ?? '').length > LIMITS.planText || (f.owner ?? '').length > LIMITS.planField || (f.when ?? '').length > LIMITS.planField;
}

/** Initiatives by layer (P, O, L, G, I), then in the order they were added. */
export function listPlan(doc: Y.Doc): InitiativeView[] {
  return [...readPlan(doc)]
    .map(([id, f]) => ({ id, ...f }))
    .sort((a, b) => PLAN_LAYERS.indexOf(a.layer) - PLAN_LAYERS.indexOf(b.layer) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function addInitiative(
  doc: Y.Doc,
  actor: Actor,
  input: { layer: PlanLayer; text: string; owner?: string; when?: string; preparedness?: boolean; now?: number },
): Result<{ initiativeId: string }, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!isLayer(input.layer)) return fail('invalid', `Not a P-IGLO layer: ${String(input.layer)}`);
  if (tooLong(input)) return fail('too-long', 'Too long.');
  const initiativeId = newId('i');
  doc.transact(() => {
    planMap(doc).set(initiativeId, fieldMap<InitiativeFields>({
      layer: input.layer, text: input.text, owner: input.owner ?? '', when: input.when ?? '',
      preparedness: input.preparedness ?? false, sourceRound: null, sourceTarget: null, draft: false,
      createdAt: input.now ?? Date.now(),
    }));
  }, SESSION_ORIGIN);
  return ok({ initiativeId });
}

/** Change some fields; each field is its own key, so concurrent edits of different fields both stay. */
export function updateInitiative(doc: Y.Doc, actor: Actor, input: { id: string; patch: InitiativePatch }): Result<null, PlanError> {
  const denied = requireFacilitator(doc, actor);
  if (denied) return denied;
  if (!readInitiative(doc, input.id)) return fail('no-initiative', 'That initiative no longer exists.');
  const m = planMap(doc).get(input.id)!;
  if (input.patch.layer !== undefined && !isLayer(input.patch.layer)) return fail('invalid', `Not a P-IGLO layer: ${String(input.patch.layer)}`);
  if (tooLong(input.patch)) return fail('too-long', 'Too long.');
  doc.transact(() => {
    for (const [k, v] of Object.entries(input.patch) as [keyof InitiativePatch, InitiativePatch[keyof InitiativePatch]][]) {
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
 * Turn the top priorities of a shown tally into draft initiatives: every row with votes whose
 * rank is ≤ `count` (so items tied at the boundary all come along). A draft's id is derived
 * from round and target, so running this twice, or on two devices at once, makes one draft.
 * Note texts come from the board (`texts`); a cluster's label is used when none is given.
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
        layer, text: (input.texts?.[row.targetId] ?? label ?? '').slice(0, LIMITS.planText), owner: '', when: '', preparedness: false,
        sourceRound: input.roundId, sourceTarget: row.targetId, draft: true, createdAt: now + i,
      }));
      created.push(id);
    });
  }, SESSION_ORIGIN);
  return ok({ created, existing });
}
