/** A shown pulse's aggregates as CSV, Markdown or JSON (`not-visible` while none may be shown). */
import { pulseToCsv, pulseToJson, pulseToMarkdown } from '../core/export/pulse-export.js';
import type { Lang } from '../core/lang.js';
import { getPulse, previousShown } from '../core/session/pulse.js';
import { refused, type ActionContext, type ActionResult } from './context.js';
import type { ExportFile } from './export-results.js';

export type PulseExportFormat = 'csv' | 'markdown' | 'json';

export async function perform(
  ctx: Pick<ActionContext, 'doc' | 'pulses'>,
  input: { pulseId: string; format: PulseExportFormat; lang: Lang; items: readonly string[] },
): Promise<ActionResult<ExportFile>> {
  const pulse = getPulse(ctx.doc, input.pulseId);
  const r = ctx.pulses.result(input.pulseId);
  if (!pulse || !r.visible) return refused('not-visible', { reason: r.visible ? 'no-pulse' : r.reason });
  const prev = previousShown(ctx.doc, input.pulseId);
  const source = {
    aggregate: r.aggregate, k: r.k, items: input.items, label: pulse.label, lang: input.lang,
    ...(prev ? { before: { aggregate: prev.aggregate, label: prev.pulse.label } } : {}),
  };
  const base = `tryghed-pulse-${pulse.id}`;
  const file = input.format === 'csv' ? { filename: `${base}.csv`, text: pulseToCsv(source) }
    : input.format === 'json' ? { filename: `${base}.json`, text: pulseToJson(source) }
    : { filename: `${base}.md`, text: pulseToMarkdown(source) };
  return { ok: true, value: file };
}
