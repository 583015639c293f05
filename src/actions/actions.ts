/**
 * The Actions object the panels are given: every use case bound to one context (doc, actor,
 * ports). Panels call only these; none of them knows whether a board, a server or neither is
 * behind the ports. A new connection (another sync mode) makes a new object.
 */
import type { StickyColour } from '../core/miro-rules.js';
import type { ActionContext } from './context.js';
import { perform as createRound, type CreateRound } from './create-round.js';
import { perform as draftPlan, type DraftPlan } from './draft-plan.js';
import { perform as editPlan, type PlanEdit } from './edit-plan.js';
import { perform as exportPlan } from './export-plan.js';
import { perform as exportResults, type ExportFormat } from './export-results.js';
import { perform as group, type Group } from './group.js';
import { perform as handOver } from './hand-over.js';
import { bindTemplateActions } from './insert-template.js';
import { perform as merge } from './merge.js';
import { perform as openRound } from './open-round.js';
import { perform as recolour } from './recolour.js';
import { perform as relabel } from './relabel.js';
import { perform as roundStatus, type RoundStep } from './round-status.js';
import { perform as roundTargets, templatesOnBoard, type TargetSet } from './round-targets.js';
import { perform as sharePlateAnswer } from './share-plate-answer.js';
import { perform as showResults, type ShowResults } from './show-results.js';
import { perform as startSession } from './start-session.js';
import { perform as takeOut } from './take-out.js';
import { perform as ungroup } from './ungroup.js';
import { perform as vote } from './vote.js';
import type { Lang } from '../core/lang.js';

export function bindActions(ctx: ActionContext) {
  return {
    ...bindTemplateActions(ctx),
    startSession: () => startSession(ctx),
    handOver: (to: string) => handOver(ctx, { to }),
    roundTargets: (set: TargetSet) => roundTargets(ctx, { set }),
    templatesOnBoard: () => templatesOnBoard(ctx),
    createRound: (input: CreateRound) => createRound(ctx, input),
    openRound: (roundId: string, now?: number) => openRound(ctx, now === undefined ? { roundId } : { roundId, now }),
    roundStep: (roundId: string, step: RoundStep, now?: number) => roundStatus(ctx, now === undefined ? { roundId, step } : { roundId, step, now }),
    group: (input: Group) => group(ctx, input),
    ungroup: (clusterId: string) => ungroup(ctx, { clusterId }),
    merge: (from: readonly string[], into: string) => merge(ctx, { from, into }),
    relabel: (clusterId: string, label: string) => relabel(ctx, { clusterId, label }),
    recolour: (clusterId: string, colour: StickyColour) => recolour(ctx, { clusterId, colour }),
    takeOut: (noteIds: readonly string[]) => takeOut(ctx, { noteIds }),
    cast: (roundId: string, targetId: string) => vote(ctx, { roundId, targetId, action: 'cast' }),
    withdraw: (roundId: string, targetId: string) => vote(ctx, { roundId, targetId, action: 'withdraw' }),
    showResults: (input: ShowResults) => showResults(ctx, input),
    exportResults: (input: { roundId: string; format: ExportFormat; lang: Lang; label: (targetId: string) => string; now?: number }) => exportResults(ctx, input),
    exportPlan: (input: { format: ExportFormat; lang: Lang; now?: number }) => exportPlan(ctx, input),
    draftPlan: (input: DraftPlan) => draftPlan(ctx, input),
    editPlan: (input: PlanEdit) => editPlan(ctx, input),
    sharePlateAnswer: (text: string) => sharePlateAnswer(ctx, { text }),
  };
}

export type Actions = ReturnType<typeof bindActions>;
