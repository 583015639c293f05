/** A shown round's result as a CSV or Markdown file (`not-visible` while no tally may be shown), named by its question and the day. */
import type { Lang } from '../core/lang.js';
import { exportFilename } from '../core/export/filename.js';
import { tallyToCsv, tallyToMarkdown } from '../core/export/tally-export.js';
import { getRound } from '../core/session/rounds.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export type ExportFormat = 'csv' | 'markdown';

export interface ExportFile {
  filename: string;
  text: string;
}

export async function perform(
  ctx: Pick<ActionContext, 'doc' | 'votes'>,
  input: { roundId: string; format: ExportFormat; lang: Lang; label: (targetId: string) => string; now?: number },
): Promise<ActionResult<ExportFile>> {
  const round = getRound(ctx.doc, input.roundId);
  if (!round) return refused('no-round');
  const tally = ctx.votes.tally(round.id, input.now);
  if (!tally.visible) return refused('not-visible', { reason: tally.reason });
  const source = { tally, label: input.label, question: round.question, lang: input.lang };
  const date = new Date(input.now ?? Date.now());
  const csv = input.format === 'csv';
  return {
    ok: true,
    value: {
      filename: exportFilename('results', input.lang, round.question, date, csv ? 'csv' : 'md'),
      text: csv ? tallyToCsv(source) : tallyToMarkdown(source),
    },
  };
}
