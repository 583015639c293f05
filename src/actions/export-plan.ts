/** The P-IGLO plan as it is now, as a CSV or Markdown file named after what it is and the day. */
import type { Lang } from '../core/lang.js';
import { exportFilename } from '../core/export/filename.js';
import { planToCsv, planToMarkdown } from '../core/export/plan-export.js';
import { listPlan } from '../core/session/plan.js';
import type { ActionContext, ActionResult } from './context.js';
import type { ExportFile, ExportFormat } from './export-results.js';

export async function perform(ctx: Pick<ActionContext, 'doc'>, input: { format: ExportFormat; lang: Lang; now?: number }): Promise<ActionResult<ExportFile>> {
  const plan = listPlan(ctx.doc);
  const date = new Date(input.now ?? Date.now());
  const csv = input.format === 'csv';
  return {
    ok: true,
    value: {
      filename: exportFilename('plan', input.lang, 'p-iglo', date, csv ? 'csv' : 'md'),
      text: csv ? planToCsv(plan, input.lang) : planToMarkdown(plan, input.lang, { date }),
    },
  };
}
