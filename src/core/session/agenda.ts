/**
 * The workshop's run sheet: the deck's order of exercises, each with the template it uses,
 * what participants do in it, the panel view they follow to, and a default time box the
 * facilitator can change. Plain data; the words for each step live in src/ui/i18n.
 */
import type { TemplateId } from '../template/types.js';

export type Activity = 'write' | 'group' | 'vote' | 'discuss' | 'reflect';
/** The panel section a step brings everyone to (the shell's tab ids). */
export type StepView = 'workshop' | 'group' | 'vote' | 'results' | 'plan' | 'plate';

export interface AgendaStep {
  readonly id: string;
  /** the template on the board the step works on */
  readonly template: TemplateId;
  readonly activities: readonly Activity[];
  readonly view: StepView;
  /** default time box in minutes */
  readonly minutes: number;
}

export const AGENDA = [
  // The check-in zone "Hvornår er lederjobbet bedst?".
  { id: 'opening', template: 'opening', activities: ['write'], view: 'workshop', minutes: 10 },
  // The research card and the two self-talk quotes: the leader as an instrument.
  { id: 'leaders-job', template: 'opening', activities: ['reflect', 'discuss'], view: 'workshop', minutes: 10 },
  { id: 'strain-protection', template: 'strain-protection', activities: ['write', 'group'], view: 'group', minutes: 20 },
  { id: 'preparedness', template: 'preparedness', activities: ['write', 'discuss'], view: 'workshop', minutes: 15 },
  { id: 'warning-signs', template: 'warning-signs', activities: ['write', 'vote'], view: 'workshop', minutes: 15 },
  { id: 'plate', template: 'plate', activities: ['reflect'], view: 'plate', minutes: 10 },
  // After the deck's break: its nine points on what is special about the leader's job.
  { id: 'special-about-the-job', template: 'special-about-the-job', activities: ['reflect', 'write'], view: 'workshop', minutes: 10 },
  { id: 'emotions', template: 'emotions', activities: ['reflect', 'write'], view: 'workshop', minutes: 10 },
  { id: 'safe-unsafe-team', template: 'safe-unsafe-team', activities: ['write', 'vote'], view: 'workshop', minutes: 15 },
  { id: 'not-talked-about', template: 'not-talked-about', activities: ['write', 'group', 'vote'], view: 'group', minutes: 20 },
  { id: 'p-iglo', template: 'p-iglo', activities: ['discuss'], view: 'plan', minutes: 20 },
  { id: 'practice', template: 'practice', activities: ['write'], view: 'workshop', minutes: 10 },
  { id: 'takeaways', template: 'takeaways', activities: ['reflect', 'write'], view: 'workshop', minutes: 10 },
] as const satisfies readonly AgendaStep[];

export type Step = (typeof AGENDA)[number];
export type StepId = Step['id'];

export const isStepId = (v: unknown): v is StepId => AGENDA.some((s) => s.id === v);
export const stepOf = (id: string): Step | undefined => AGENDA.find((s) => s.id === id);
export const defaultTimeBoxMs = (step: AgendaStep): number => step.minutes * 60_000;

/** What "I'm done" names: the step and when it started, so a step opened again starts afresh. */
export const stepKey = (w: { step: string; startedAt: number }): string => `${w.step}@${w.startedAt}`;
