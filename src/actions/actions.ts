/**
 * The Actions object the panels are given: every use case bound to one context (doc, actor,
 * ports). Panels call only these; none of them knows whether a board, a server or neither is
 * behind the ports. A new connection (another sync mode) makes a new object.
 *
 * Each use case's module loads when it is first performed (a user's action), not with the
 * session: what runs by itself as the session opens (badges, deleted notes, label
 * corrections) is imported by src/app/session.ts. A new use case goes here the same way.
 */
import type { StickyColour } from '../core/miro-rules.js';
import type { ActionContext } from './context.js';
import { bindTemplateActions } from './template-actions.js';
import type { CreateRound } from './create-round.js';
import type { DraftPlan } from './draft-plan.js';
import type { PlanEdit } from './edit-plan.js';
import type { ExportPlan } from './export-plan.js';
import type { ExportResults } from './export-results.js';
import type { Group } from './group.js';
import type { RoundStep } from './round-status.js';
import type { TargetSet } from './round-targets.js';
import type { ShowResults } from './show-results.js';
import type { PulseStep } from './pulse-step.js';
import type { PulseExport } from './export-pulse.js';
import type { PulseFrame } from '../board/session-board-port.js';
import type { PlanLayer } from '../core/session/schema.js';

export function bindActions(ctx: ActionContext) {
  return {
    ...bindTemplateActions(ctx), // the first paint's already
    startSession: async () => (await import('./start-session.js')).perform(ctx),
    /** Ends the session and deletes its data (the facilitator's, after a confirmation). */
    endSession: async () => (await import('./end-session.js')).perform(ctx),
    /** The hand-over: offered by the facilitator (null withdraws), accepted by the receiver. */
    offerSeat: async (to: string | null) => (await import('./seat.js')).offer(ctx, { to }),
    acceptSeat: async () => (await import('./seat.js')).accept(ctx),
    /** Miro mode: the seat without a hand-over, visible to everyone (the server refuses it). */
    takeSeat: async (now?: number) => (await import('./seat.js')).take(ctx, now === undefined ? {} : { now }),
    goToStep: async (id: string, timeBoxMs?: number, now?: number) =>
      (await import('./workshop-step.js')).goTo(ctx, { step: id, ...(timeBoxMs === undefined ? {} : { timeBoxMs }), ...(now === undefined ? {} : { now }) }),
    setTimeBox: async (timeBoxMs: number) => (await import('./workshop-step.js')).setTimeBox(ctx, { timeBoxMs }),
    discuss: async (roundId: string, targetId: string | null) => (await import('./workshop-step.js')).discuss(ctx, { roundId, targetId }),
    decide: async (input: { roundId: string; targetId: string; decision: string; problem: string; layer?: PlanLayer }) =>
      (await import('./workshop-step.js')).decide(ctx, input),
    showStep: async (id: string) => (await import('./workshop-step.js')).showStep(ctx, { step: id }),
    roundTargets: async (set: TargetSet) => (await import('./round-targets.js')).perform(ctx, { set }),
    templatesOnBoard: async () => (await import('./round-targets.js')).templatesOnBoard(ctx),
    createRound: async (input: CreateRound) => (await import('./create-round.js')).perform(ctx, input),
    openRound: async (roundId: string, now?: number) => (await import('./open-round.js')).perform(ctx, now === undefined ? { roundId } : { roundId, now }),
    roundStep: async (roundId: string, step: RoundStep, now?: number) =>
      (await import('./round-status.js')).perform(ctx, now === undefined ? { roundId, step } : { roundId, step, now }),
    group: async (input: Group) => (await import('./group.js')).perform(ctx, input),
    ungroup: async (clusterId: string) => (await import('./ungroup.js')).perform(ctx, { clusterId }),
    tidyCluster: async (clusterId: string) => (await import('./tidy-cluster.js')).perform(ctx, { clusterId }),
    merge: async (from: readonly string[], into: string) => (await import('./merge.js')).perform(ctx, { from, into }),
    relabel: async (clusterId: string, label: string) => (await import('./relabel.js')).perform(ctx, { clusterId, label }),
    recolour: async (clusterId: string, colour: StickyColour) => (await import('./recolour.js')).perform(ctx, { clusterId, colour }),
    takeOut: async (noteIds: readonly string[]) => (await import('./take-out.js')).perform(ctx, { noteIds }),
    cast: async (roundId: string, targetId: string) => (await import('./vote.js')).perform(ctx, { roundId, targetId, action: 'cast' }),
    withdraw: async (roundId: string, targetId: string) => (await import('./vote.js')).perform(ctx, { roundId, targetId, action: 'withdraw' }),
    showResults: async (input: ShowResults) => (await import('./show-results.js')).perform(ctx, input),
    exportResults: async (input: ExportResults) => (await import('./export-results.js')).perform(ctx, input),
    exportPlan: async (input: ExportPlan) => (await import('./export-plan.js')).perform(ctx, input),
    draftPlan: async (input: DraftPlan) => (await import('./draft-plan.js')).perform(ctx, input),
    editPlan: async (input: PlanEdit) => (await import('./edit-plan.js')).perform(ctx, input),
    sharePlateAnswer: async (text: string) => (await import('./share-plate-answer.js')).perform(ctx, { text }),
    voteSelection: async (roundId: string) => (await import('./vote-selection.js')).perform(ctx, { roundId }),
    locateTargets: async (ids: readonly string[]) => (await import('./locate-targets.js')).perform(ctx, { ids }),
    showTarget: async (id: string) => (await import('./show-target.js')).perform(ctx, { id }),
    signal: async (message: string) => (await import('./signal.js')).perform(ctx, { message }),
    createPulse: async (input: { label?: string; k?: number }) => (await import('./create-pulse.js')).perform(ctx, input),
    pulseStep: async (pulseId: string, step: PulseStep) => (await import('./pulse-step.js')).perform(ctx, { pulseId, step }),
    answerPulse: async (pulseId: string, answers: readonly number[]) => (await import('./answer-pulse.js')).perform(ctx, { pulseId, answers }),
    /** My answers to a pulse as sent (this device's, or the server's copy), or null. */
    myPulse: (pulseId: string) => ctx.pulses.mine(pulseId),
    showPulse: async (pulseId: string, chart: PulseFrame) => (await import('./show-pulse.js')).perform(ctx, { pulseId, chart }),
    exportPulse: async (input: PulseExport) => (await import('./export-pulse.js')).perform(ctx, input),
  };
}

export type Actions = ReturnType<typeof bindActions>;
