/**
 * A shown round's result as a CSV or Markdown file (`not-visible` while no tally may be shown),
 * named by its question and the day. The words (file name, columns) come from the caller's
 * language tables; `lang` picks the CSV separator.
 */
import type { Lang } from '../core/lang.js';
import { exportFilename } from '../core/export/filename.js';
import { tallyToCsv, tallyToMarkdown, type TallyExportWords } from '../core/export/tally-export.js';
import { getRound } from '../core/session/rounds.js';
import { refused, type ActionContext, type ActionResult } from './context.js';

export type ExportFormat = 'csv' | 'markdown';

export interface ExportResults {
  roundId: string;
  format: ExportFormat;
  lang: Lang;
  /** What the file is (its name), and its column names and cell words. */
  words: { file: string; columns: TallyExportWords };
  label: (targetId: string) => string;
  now?: number;
}

export interface ExportFile {
  filename: string;
  text: string;
}

export async function perform(
  ctx: Pick<ActionContext, 'doc' | 'votes'>,
  input: ExportResults,
): Promise<ActionResult<ExportFile>> {
  const round = getRound(ctx.doc, input.roundId);
  if (!round) return refused('no-round');
  const tally = ctx.votes.tally(round.id, input.now);
  if (!tally.visible) return refused('not-visible', { reason: tally.reason });
  const source = { tally, label: input.label, question: round.question, lang: input.lang, words: input.words.columns };
  const date = new Date(input.now ?? Date.now());
  const csv = input.format === 'csv';
  return {
    ok: true,
    value: {
      filename: exportFilename(input.words.file, round.question, date, csv ? 'csv' : 'md'),
      text: csv ? tallyToCsv(source) : tallyToMarkdown(source),
    },
  };
}
