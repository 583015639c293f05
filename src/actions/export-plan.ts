/** The P-IGLO plan as it is now, as a CSV or Markdown file named after the day. */
import type { Lang } from '../core/lang.js';
import { isoDate, planToCsv, planToMarkdown } from '../core/export/plan-export.js';
import { listPlan } from '../core/session/plan.js';
import type { ActionContext, ActionResult } from './context.js';
import type { ExportFile, ExportFormat } from './export-results.js';

export async function perform(ctx: Pick<ActionContext, 'doc'>, input: { format: ExportFormat; lang: Lang; now?: number }): Promise<ActionResult<ExportFile>> {
  const plan = listPlan(ctx.doc);
  const date = new Date(input.now ?? Date.now());
  const base = `tryghed-p-iglo-${isoDate(date)}`;
  return {
    ok: true,
    value: input.format === 'csv' ? { filename: `${base}.csv`, text: planToCsv(plan, input.lang) } : { filename: `${base}.md`, text: planToMarkdown(plan, input.lang, { date }) },
  };
}
