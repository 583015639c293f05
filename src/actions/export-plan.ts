/** The P-IGLO plan as it is now, as a CSV or Markdown file named after what it is and the day; words from the caller. */
import type { Lang } from '../core/lang.js';
import { exportFilename } from '../core/export/filename.js';
import { planToCsv, planToMarkdown, type PlanExportWords } from '../core/export/plan-export.js';
import { listPlan } from '../core/session/plan.js';
import type { ActionContext, ActionResult } from './context.js';
import type { ExportFile, ExportFormat } from './export-results.js';

export interface ExportPlan {
  format: ExportFormat;
  lang: Lang;
  words: { file: string; columns: PlanExportWords };
  now?: number;
}

export async function perform(ctx: Pick<ActionContext, 'doc'>, input: ExportPlan): Promise<ActionResult<ExportFile>> {
  const plan = listPlan(ctx.doc);
  const date = new Date(input.now ?? Date.now());
  const csv = input.format === 'csv';
  return {
    ok: true,
    value: {
      filename: exportFilename(input.words.file, 'p-iglo', date, csv ? 'csv' : 'md'),
      text: csv ? planToCsv(plan, input.lang, input.words.columns) : planToMarkdown(plan, input.lang, input.words.columns, { date }),
    },
  };
}
