/**
 * A facilitator command that arrived as untrusted JSON (the sync server's `control` call),
 * checked exactly: a known type, known fields only, values of the right type and size. The
 * clock is the reader's: any `now` the sender put in is replaced, so nobody back-dates a round.
 */
import type { FacilitatorCommand } from './commands.js';
import { isStepId } from './agenda.js';
import { isId } from './ids.js';
import type { InitiativePatch } from './plan.js';
import { isPlanDate, PLAN_LAYERS, PLAN_PATCH_FIELDS as PATCH_FIELDS, PLAN_STATUSES, type RoundScope } from './schema.js';

const MAX_TEXT = 2000;
const MAX_IDS = 2000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const opt = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const isIds = (v: unknown): v is string[] => Array.isArray(v) && v.length <= MAX_IDS && v.every(isId);
const isLayer = (v: unknown) => (PLAN_LAYERS as readonly unknown[]).includes(v);
const only = (o: Obj, keys: readonly string[]) => Object.keys(o).every((k) => keys.includes(k));

function isScope(v: unknown): v is RoundScope {
  if (!isObj(v)) return false;
  if (v.kind === 'selection') return only(v, ['kind']);
  if (v.kind === 'template' || v.kind === 'cards') return only(v, ['kind', 'templateId']) && isId(v.templateId);
  if (v.kind === 'zone') return only(v, ['kind', 'templateId', 'zoneId']) && isId(v.templateId) && isId(v.zoneId);
  return false;
}

function isRoundInput(v: unknown): boolean {
  return isObj(v) && only(v, ['question', 'scope', 'targets', 'budget', 'cap', 'anonymity', 'visibility', 'k', 'timeLimitMs', 'now'])
    && isText(v.question, 500) && isScope(v.scope) && isIds(v.targets)
    && opt(v.budget, isNum) && opt(v.cap, isNum) && opt(v.k, isNum)
    && opt(v.anonymity, (a) => a === 'named' || a === 'anonymous' || a === 'sealed')
    && opt(v.visibility, (a) => a === 'live' || a === 'hidden')
    && opt(v.timeLimitMs, (t) => t === null || isNum(t));
}

const PATCH_KEYS: readonly (keyof InitiativePatch)[] = PATCH_FIELDS;
/** The plan's fields as the facilitator sends them (plan.ts checks them again, with the model's rules). */
const planFields = (v: Obj) => opt(v.layer, isLayer) && opt(v.text, isText) && opt(v.problem, isText) && opt(v.owner, (s) => isText(s, 200))
  && opt(v.when, (s) => isText(s, 200)) && opt(v.deadline, isPlanDate) && opt(v.followUpDate, isPlanDate) && opt(v.followUpMethod, isText)
  && opt(v.successCriterion, isText) && opt(v.status, (s) => (PLAN_STATUSES as readonly unknown[]).includes(s))
  && opt(v.preparedness, (b) => typeof b === 'boolean') && opt(v.draft, (b) => typeof b === 'boolean');
function isPatch(v: unknown): boolean {
  return isObj(v) && only(v, PATCH_KEYS) && planFields(v);
}

function isTexts(v: unknown): boolean {
  return isObj(v) && Object.keys(v).length <= MAX_IDS && Object.entries(v).every(([k, s]) => isId(k) && isText(s));
}

const NOW = ['now'];
const initiativeFields = (c: Obj) => isLayer(c.layer) && isText(c.text) && c.draft === undefined && planFields(c);

const SHAPES: { [T in FacilitatorCommand['type']]: (c: Obj) => boolean } = {
  'start-session': (c) => only(c, ['type', ...NOW]),
  'offer-seat': (c) => only(c, ['type', 'to']) && (c.to === null || isId(c.to)),
  'accept-seat': (c) => only(c, ['type']),
  'take-seat': (c) => only(c, ['type', ...NOW]),
  'go-to-step': (c) => only(c, ['type', 'step', 'timeBoxMs', ...NOW]) && isStepId(c.step) && opt(c.timeBoxMs, isNum),
  'set-time-box': (c) => only(c, ['type', 'timeBoxMs']) && isNum(c.timeBoxMs),
  // A whole state: at most what one message may carry (the server's own limit is lower).
  'import-session': (c) => only(c, ['type', 'state']) && typeof c.state === 'string' && c.state.length <= 8 * 1024 * 1024,
  'discuss': (c) => only(c, ['type', 'roundId', 'targetId']) && isId(c.roundId) && (c.targetId === null || isId(c.targetId)),
  'decide': (c) => only(c, ['type', 'roundId', 'targetId', 'decision', 'problem', 'layer', ...NOW]) && isId(c.roundId) && isId(c.targetId)
    && isText(c.decision) && isText(c.problem) && opt(c.layer, isLayer),
  'create-round': (c) => only(c, ['type', 'round']) && isRoundInput(c.round),
  'open-round': (c) => only(c, ['type', 'roundId', ...NOW]) && isId(c.roundId),
  'close-round': (c) => only(c, ['type', 'roundId', ...NOW]) && isId(c.roundId),
  'reveal-round': (c) => only(c, ['type', 'roundId', ...NOW]) && isId(c.roundId),
  'remove-round': (c) => only(c, ['type', 'roundId']) && isId(c.roundId),
  'mark-deleted': (c) => only(c, ['type', 'ids', ...NOW]) && isIds(c.ids),
  'restore-deleted': (c) => only(c, ['type', 'ids']) && isIds(c.ids),
  'draft-plan': (c) => only(c, ['type', 'roundId', 'count', 'layer', 'texts', ...NOW]) && isId(c.roundId)
    && opt(c.count, (n) => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= 100)
    && opt(c.layer, isLayer) && opt(c.texts, isTexts),
  'add-initiative': (c) => only(c, ['type', ...PATCH_FIELDS.filter((k: string) => k !== 'draft'), ...NOW]) && initiativeFields(c),
  'edit-initiative': (c) => only(c, ['type', 'id', 'patch']) && isId(c.id) && isPatch(c.patch),
  'remove-initiative': (c) => only(c, ['type', 'id']) && isId(c.id),
  'create-pulse': (c) => only(c, ['type', 'pulse']) && isObj(c.pulse) && only(c.pulse, ['label', 'anonymity', 'k', 'now'])
    && opt(c.pulse.label, (s) => isText(s, 200)) && (c.pulse.anonymity === 'anonymous' || c.pulse.anonymity === 'sealed') && opt(c.pulse.k, isNum),
  'open-pulse': (c) => only(c, ['type', 'pulseId', ...NOW]) && isId(c.pulseId),
  'close-pulse': (c) => only(c, ['type', 'pulseId', ...NOW]) && isId(c.pulseId),
  'reveal-pulse': (c) => only(c, ['type', 'pulseId', ...NOW]) && isId(c.pulseId),
  'end-session': (c) => only(c, ['type', ...NOW]),
};

/** The command `v` is, if it is one exactly, with the reader's clock as its `now`. */
export function readCommand(v: unknown, now: number): FacilitatorCommand | null {
  if (!isObj(v) || typeof v.type !== 'string' || !Object.hasOwn(SHAPES, v.type)) return null;
  if (!SHAPES[v.type as FacilitatorCommand['type']](v)) return null;
  const cmd = structuredClone(v) as Obj;
  if (cmd.type === 'create-round') (cmd.round as Obj).now = now;
  else if (cmd.type === 'create-pulse') (cmd.pulse as Obj).now = now;
  else if (NOW_TYPES.has(cmd.type as string)) cmd.now = now;
  return cmd as FacilitatorCommand;
}

const NOW_TYPES = new Set(['start-session', 'take-seat', 'go-to-step', 'open-round', 'close-round', 'reveal-round', 'mark-deleted', 'draft-plan', 'decide', 'add-initiative', 'open-pulse', 'close-pulse', 'reveal-pulse', 'end-session']);
