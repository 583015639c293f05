/** The P-IGLO plan as it is now, as a CSV or Markdown file named after what it is and the day; words from the caller. */
import type { Lang } from '../core/lang.js';
import { exportFilename } from '../core/export/filename.js';
import { planToCsv, planToJson, planToMarkdown, type PlanExportWords } from '../core/export/plan-export.js';
import { getRound } from '../core/session/rounds.js';
import { listPlan } from '../core/session/plan.js';
import type { ActionContext, ActionResult } from './context.js';
import type { ExportFile, ExportFormat } from './export-results.js';

export type PlanExportFormat = ExportFormat | 'json';

export interface ExportPlan {
  format: PlanExportFormat;
  lang: Lang;
  words: { file: string; columns: PlanExportWords };
  now?: number;
}

export async function perform(ctx: Pick<ActionContext, 'doc'>, input: ExportPlan): Promise<ActionResult<ExportFile>> {
  // Each initiative's source in words: the question of the round it came from.
  const plan = listPlan(ctx.doc).map((i) => {
    const question = i.sourceRound ? getRound(ctx.doc, i.sourceRound)?.question : undefined;
    return question ? { ...i, source: question } : i;
  });
  const date = new Date(input.now ?? Date.now());
  const ext = input.format === 'markdown' ? 'md' : input.format;
  const text =
    input.format === 'csv' ? planToCsv(plan, input.lang, input.words.columns)
    : input.format === 'json' ? planToJson(plan, { date })
    : planToMarkdown(plan, input.lang, input.words.columns, { date });
  return { ok: true, value: { filename: exportFilename(input.words.file, 'p-iglo', date, ext), text } };
}
