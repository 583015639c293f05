/** The plan's reader (read.ts says how a session doc is read): a bad initiative is skipped. */
import type * as Y from 'yjs';
import { all, BAD, bool, id, int, nullable, one, oneOf, optional, text, time, type Check, type Spec } from './read-checks.js';
import { isPlanDate, LIMITS, MAP, PLAN_LAYERS, PLAN_STATUSES, planMap, type InitiativeFields, type PlanLayer, type PlanStatus } from './schema.js';

// ---- plan ------------------------------------------------------------------------------

const planDate: Check<string> = (v) => (isPlanDate(v) ? v : BAD);

const INITIATIVE: Spec<InitiativeFields> = {
  layer: oneOf<PlanLayer>(PLAN_LAYERS),
  text: text(LIMITS.planText),
  problem: optional(text(LIMITS.planText), ''),
  owner: optional(text(LIMITS.planField), ''),
  when: optional(text(LIMITS.planField), ''),
  deadline: optional(planDate, ''),
  followUpDate: optional(planDate, ''),
  followUpMethod: optional(text(LIMITS.planText), ''),
  successCriterion: optional(text(LIMITS.planText), ''),
  status: optional(oneOf<PlanStatus>(PLAN_STATUSES), 'not-started'),
  preparedness: optional(bool, false),
  sourceRound: nullable(id),
  sourceTarget: nullable(id),
  sourceRank: nullable(int(1, 1_000_000)),
  draft: optional(bool, false),
  createdAt: time,
};

/** An initiative's fields, or null (none, or bad). */
export const readInitiative = (doc: Y.Doc, initiativeId: string): InitiativeFields | null =>
  one(doc, planMap(doc), MAP.plan, initiativeId, INITIATIVE);

/** Every good initiative. */
export const readPlan = (doc: Y.Doc): Map<string, InitiativeFields> => all(doc, planMap(doc), MAP.plan, INITIATIVE);
