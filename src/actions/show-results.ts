/**
 * Put a round's result on the board: a results frame beside its template with the ranked
 * bars, labelled as the panel labels them; an earlier frame of the round is replaced.
 * Only a tally that may be shown is drawn (`not-visible` otherwise).
 */
import type { ResultsOutcome } from '../board/session-board-port.js';
import type { Lang } from '../core/lang.js';
import { getRound } from '../core/session/rounds.js';
import type { TemplateId } from '../core/template/types.js';
import { failureOf, refused, type ActionContext, type ActionResult } from './context.js';

export interface ShowResults {
  roundId: string;
  lang: Lang;
  /** target id → the label the panel shows */
  labels: Record<string, string>;
  /** how many could vote (the N of "n of N") */
  eligible?: number;
}

export async function perform(ctx: ActionContext, input: ShowResults): Promise<ActionResult<ResultsOutcome>> {
  const round = getRound(ctx.doc, input.roundId);
  if (!round) return refused('no-round');
  const tally = ctx.votes.tally(round.id);
  if (!tally.visible) return refused('not-visible', { reason: tally.reason });
  try {
    // A round about a template or one of its zones: its frame lands beside that template.
    const besideTemplate = round.scope.kind === 'template' || round.scope.kind === 'zone' ? (round.scope.templateId as TemplateId) : undefined;
    const meta = {
      question: round.question, labels: input.labels, lang: input.lang,
      ...(input.eligible ? { eligible: input.eligible } : {}),
      ...(besideTemplate ? { besideTemplate } : {}),
    };
    return { ok: true, value: await ctx.board.showResults(round.id, tally, meta) };
  } catch (e) {
    console.error('Tryghed: results frame failed', e);
    return failureOf(e, 'refused');
  }
}
