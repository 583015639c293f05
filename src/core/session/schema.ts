/**
 * The session doc's shape, named in one place: one Y.Doc per board, these top-level maps.
 * Everything else in src/core/session reads and writes the doc through these accessors.
 *
 * Why the shape makes the rules hold (not validation after the fact):
 * - membership is one key per note (noteId → clusterId): Y.Map keys are last-writer-wins,
 *   so under any concurrency a note names at most one cluster.
 * - a cluster merged away leaves an alias (old → new) instead of rewriting its notes, so a
 *   concurrent move of one of its notes is never undone by the merge. A note whose cluster
 *   is gone (dissolved, or an alias chain that ends nowhere) reads as unclustered.
 * - a round's status is derived from set-once timestamps (openedAt, closedAt, revealedAt),
 *   so two facilitator devices can never move it backwards.
 * - ballots are fixed slots (see ballots.ts), so a ballot can never hold more than `budget`.
 */
import * as Y from 'yjs';
import type { StickyColour } from '../miro-rules.js';
import type { PackedIds } from './ids.js';

export const MAP = {
  /** session: facilitator (user id) and when the session started. */
  session: 'session',
  /** clusterId → Y.Map<ClusterFields> */
  clusters: 'clusters',
  /** clusterId merged away → clusterId it was merged into */
  clusterAliases: 'clusterAliases',
  /** noteId → clusterId (one key per note) */
  membership: 'membership',
  /** targetId gone → ms epoch: notes deleted from the board, clusters dissolved */
  deleted: 'deletedTargets',
  /** roundId → Y.Map<RoundFields> */
  rounds: 'rounds',
  /** roundId → Y.Map<SlotValue>, keys `${ballotKey}.${slot}` (see ballots.ts) */
  ballots: 'ballots',
  /** roundId → PublishedTally, written only by the sync server for sealed rounds */
  publishedTallies: 'publishedTallies',
  /** initiativeId → Y.Map<InitiativeFields>; drafts from a round use `${roundId}:${targetId}` */
  plan: 'plan',
  /** pulseId → Y.Map<PulseFields> (pulse.ts): the psychological-safety pulse */
  pulses: 'pulses',
  /** pulseId → Y.Map<number[]>: anonymous pulses' answers, keyed by a random respondent key */
  pulseAnswers: 'pulseAnswers',
  /** pulseId → PublishedPulse, written only by the sync server for sealed pulses */
  publishedPulses: 'publishedPulses',
  /** the workshop's run sheet: current step, when it started, its time box, what is discussed (workshop.ts) */
  workshop: 'workshop',
} as const;

/** Sizes a value may have; the commands refuse more and the readers (read.ts) skip it. */
export const LIMITS = {
  /** a round's question */
  question: 2000,
  /** notes and clusters one round lists */
  targets: 2000,
  /** votes per person in a round */
  budget: 100,
  /** minimum respondents */
  k: 1000,
  /** a cluster's label */
  label: 200,
  /** a template or zone id in a round's scope */
  scopeId: 200,
  /** an initiative's text */
  planText: 2000,
  /** an initiative's owner and when */
  planField: 200,
  /** a name shown in presence */
  name: 200,
  /** respondents a round's totals carried from another sync mode may count */
  respondents: 100_000,
  /** a step's time box: at most 4 hours */
  timeBoxMs: 4 * 60 * 60 * 1000,
} as const;

// ---- session ---------------------------------------------------------------------------
export interface SessionFields {
  facilitator: string;
  startedAt: number;
  /** A hand-over the facilitator offered and the receiver has not accepted yet. */
  offeredTo: string;
  /** Who held the seat before someone took it without a hand-over (Miro mode), for everyone to see. */
  takenFrom: string;
  /** Miro mode: when the facilitator ended the session and deleted its data (end.ts). */
  endedAt: number;
}

// ---- workshop (run sheet) ------------------------------------------------------------
export interface WorkshopFields {
  /** the agenda step everyone is at (agenda.ts) */
  step: string;
  /** when the facilitator moved to it (ms epoch) */
  startedAt: number;
  /** the step's time box (ms) */
  timeBoxMs: number;
  /** after a reveal: the round and the item now discussed */
  discussRound: string;
  discussTarget: string;
}

// ---- clusters --------------------------------------------------------------------------
export interface ClusterFields {
  label: string;
  colour: StickyColour;
  createdBy: string;
  createdAt: number;
}

// ---- rounds ----------------------------------------------------------------------------
/** named: ballots keyed by user id. anonymous: by a random key held on the device.
 *  sealed: ballots live on the sync server; only totals reach the doc. */
export type Anonymity = 'named' | 'anonymous' | 'sealed';
export type Visibility = 'live' | 'hidden';
export type RoundStatus = 'draft' | 'open' | 'closed' | 'revealed';

/** Where the targets came from, for display; the targets themselves are listed ids. */
export type RoundScope =
  | { kind: 'zone'; templateId: string; zoneId: string }
  | { kind: 'template'; templateId: string }
  /** the deck's own items on the template (its cards and item areas: deckItemIds), not what people wrote */
  | { kind: 'cards'; templateId: string }
  | { kind: 'selection' };

export interface RoundFields {
  question: string;
  scope: RoundScope;
  /** Note and cluster ids, fixed when the round is created; slots may store an index into
   *  their unpacked order (ids.ts). */
  targets: PackedIds;
  budget: number;
  cap: number;
  anonymity: Anonymity;
  visibility: Visibility;
  /** minimum respondents before any tally is shown */
  k: number;
  /** optional time limit; endsAt = openedAt + timeLimitMs */
  timeLimitMs: number | null;
  createdBy: string;
  createdAt: number;
  openedAt: number | null;
  endsAt: number | null;
  closedAt: number | null;
  revealedAt: number | null;
}

export const ROUND_DEFAULTS = { budget: 5, cap: 3, k: 3, anonymity: 'anonymous', visibility: 'hidden' } as const;

/** A ballot slot's value: an index into the round's targets, or a target id not in that list
 *  (a cluster made after the round was created from its notes). Absent key = empty slot. */
export type SlotValue = number | string;

/** Totals the sync server publishes for a sealed round. Counts are per target as voted
 *  (cap already applied per ballot); the doc resolves clusters and deletions at read time.
 *  Everyone can read the doc, so the server writes counts only when they may be shown
 *  (respondents ≥ k, and a hidden round revealed); before that, `counts: {}` with the
 *  respondent count is fine: tally() shows "n have voted" and nothing else. */
export interface PublishedTally {
  respondents: number;
  counts: Record<string, number>;
  publishedAt: number;
}

// ---- plan ------------------------------------------------------------------------------
/** P-IGLO layers, top to bottom of the template. */
export type PlanLayer = 'P' | 'O' | 'L' | 'G' | 'I';
export const PLAN_LAYERS: readonly PlanLayer[] = ['P', 'O', 'L', 'G', 'I'];

/** Where an initiative stands (a Danish action plan's "status"). */
export type PlanStatus = 'not-started' | 'under-way' | 'done';
export const PLAN_STATUSES: readonly PlanStatus[] = ['not-started', 'under-way', 'done'];

/**
 * One row of the action plan (handlingsplan, as in an APV): the problem it answers (a draft's
 * voted item), the initiative itself, who is responsible, a deadline, when and how its effect
 * is followed up, what counts as success, its status, and where it came from.
 */
export interface InitiativeFields {
  layer: PlanLayer;
  /** the initiative (what the team will do) */
  text: string;
  /** the problem it answers (a draft keeps the voted item here) */
  problem: string;
  /** responsible (Ansvarlig) */
  owner: string;
  /** free text from before deadlines were dates; read, shown where no deadline is set */
  when: string;
  /** YYYY-MM-DD or '' */
  deadline: string;
  /** YYYY-MM-DD or '' */
  followUpDate: string;
  followUpMethod: string;
  successCriterion: string;
  status: PlanStatus;
  /** part of the team's preparedness (beredskab) */
  preparedness: boolean;
  /** the round, target and rank it was drafted from, if any */
  sourceRound: string | null;
  sourceTarget: string | null;
  sourceRank: number | null;
  draft: boolean;
  createdAt: number;
}

/** What the facilitator may set on an initiative (plan.ts, read-command.ts). */
export const PLAN_PATCH_FIELDS = [
  'layer', 'text', 'problem', 'owner', 'when', 'deadline', 'followUpDate', 'followUpMethod', 'successCriterion', 'status', 'preparedness', 'draft',
] as const;

/** A calendar date as the plan keeps it: YYYY-MM-DD that names a real day, or ''. */
export function isPlanDate(v: unknown): v is string {
  if (v === '') return true;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

// ---- pulse -----------------------------------------------------------------------------
/** anonymous: answers in the doc under a random key (no server). sealed: on the server only. */
export type PulseAnonymity = 'anonymous' | 'sealed';

export interface PulseFields {
  /** the facilitator's own name for this run ("before the workshop"); may be empty */
  label: string;
  anonymity: PulseAnonymity;
  /** minimum respondents before any aggregate is shown */
  k: number;
  createdBy: string;
  createdAt: number;
  openedAt: number | null;
  closedAt: number | null;
  revealedAt: number | null;
}

/** What the sync server publishes for a sealed pulse: the respondent count, and once the
 *  aggregates may be shown (revealed, at least k), the scored counts per item (pulse-aggregate.ts:
 *  item-major, 7 items × 7 scores). Before that `counts` is empty. Never a single answer. */
export interface PublishedPulse {
  respondents: number;
  counts: number[];
  publishedAt: number;
}

// ---- typed accessors -------------------------------------------------------------------
/** A Y.Map whose keys are fixed fields of known types. */
export type FieldMap<F> = Omit<Y.Map<unknown>, 'get' | 'set'> & {
  get<K extends keyof F & string>(key: K): F[K] | undefined;
  set<K extends keyof F & string>(key: K, value: F[K]): F[K];
};

/** The session map as the Y type it is, for observers (a FieldMap hides Y.Map's untyped get/set). */
export const sessionType = (doc: Y.Doc): Y.AbstractType<Y.YMapEvent<unknown>> => controlDoc(doc).getMap(MAP.session);
// ---- who writes what ------------------------------------------------------------------
/**
 * What the facilitator owns (the seat, rounds, deletions that change a tally, published
 * tallies, the plan) lives in the *control* doc; what everyone writes (clusters, membership,
 * ballots of doc-held rounds) in the shared doc. In Miro mode one doc plays both roles. In
 * server mode the control doc is a second Y.Doc the server alone writes (participants'
 * connections to it are read-only), linked here so every reader keeps passing one doc.
 */
const controls = new WeakMap<Y.Doc, Y.Doc>();

export function linkControlDoc(shared: Y.Doc, control: Y.Doc): void {
  controls.set(shared, control);
}

/** The doc holding the facilitator's maps for `doc` (itself unless a control doc is linked). */
export const controlDoc = (doc: Y.Doc): Y.Doc => controls.get(doc) ?? doc;

/** Runs `fn` in one transaction of each doc, so a command over both is one update per doc. */
export function transactBoth(doc: Y.Doc, fn: () => void, origin: unknown): void {
  const control = controlDoc(doc);
  doc.transact(() => (control === doc ? fn() : control.transact(fn, origin)), origin);
}

export const sessionMap = (doc: Y.Doc) => controlDoc(doc).getMap(MAP.session) as FieldMap<SessionFields>;
export const clustersMap = (doc: Y.Doc) => doc.getMap<FieldMap<ClusterFields>>(MAP.clusters);
export const aliasesMap = (doc: Y.Doc) => doc.getMap<string>(MAP.clusterAliases);
export const membershipMap = (doc: Y.Doc) => doc.getMap<string>(MAP.membership);
export const deletedMap = (doc: Y.Doc) => controlDoc(doc).getMap<number>(MAP.deleted);
export const roundsMap = (doc: Y.Doc) => controlDoc(doc).getMap<FieldMap<RoundFields>>(MAP.rounds);
export const ballotsMap = (doc: Y.Doc) => doc.getMap<Y.Map<SlotValue>>(MAP.ballots);
export const publishedMap = (doc: Y.Doc) => controlDoc(doc).getMap<PublishedTally>(MAP.publishedTallies);
export const planMap = (doc: Y.Doc) => controlDoc(doc).getMap<FieldMap<InitiativeFields>>(MAP.plan);
export const pulsesMap = (doc: Y.Doc) => controlDoc(doc).getMap<FieldMap<PulseFields>>(MAP.pulses);
export const pulseAnswersMap = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(MAP.pulseAnswers);
export const publishedPulsesMap = (doc: Y.Doc) => controlDoc(doc).getMap<PublishedPulse>(MAP.publishedPulses);
export const workshopMap = (doc: Y.Doc) => controlDoc(doc).getMap(MAP.workshop) as FieldMap<WorkshopFields>;
/** The workshop map as the Y type it is, for observers. */
export const workshopType = (doc: Y.Doc): Y.AbstractType<Y.YMapEvent<unknown>> => controlDoc(doc).getMap(MAP.workshop);

/** Build a nested field map from a plain record (inside a transaction). */
export function fieldMap<F extends object>(fields: F): FieldMap<F> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m as unknown as FieldMap<F>;
}
