/**
 * A shown pulse's aggregates as CSV, Markdown or JSON (`not-visible` while none may be shown),
 * named by the pulse and the day; with the previous shown pulse's means and the change. The
 * words (file name, columns, statements) come from the caller's language tables.
 */
import { exportFilename } from '../core/export/filename.js';
import { pulseToCsv, pulseToJson, pulseToMarkdown, type PulseExportWords } from '../core/export/pulse-export.js';
import type { Lang } from '../core/lang.js';
import { getPulse, previousShown, pulseResult } from '../core/session/pulse.js';
import { refused, type ActionContext, type ActionResult } from './context.js';
import type { ExportFile } from './export-results.js';

export type PulseExportFormat = 'csv' | 'markdown' | 'json';

export interface PulseExport {
  pulseId: string;
  format: PulseExportFormat;
  lang: Lang;
  /** the seven statements, and the file's and columns' words */
  items: readonly string[];
  words: { file: string; columns: PulseExportWords };
  now?: number;
}

export async function perform(ctx: Pick<ActionContext, 'doc'>, input: PulseExport): Promise<ActionResult<ExportFile>> {
  const pulse = getPulse(ctx.doc, input.pulseId);
  const r = pulseResult(ctx.doc, input.pulseId);
  if (!pulse || !r.visible) return refused('not-visible', { reason: r.visible ? 'no-pulse' : r.reason });
  const prev = previousShown(ctx.doc, input.pulseId);
  const source = {
    aggregate: r.aggregate, k: r.k, items: input.items, label: pulse.label, lang: input.lang, words: input.words.columns,
    ...(prev ? { before: { aggregate: prev.aggregate, label: prev.pulse.label } } : {}),
  };
  const date = new Date(input.now ?? Date.now());
  const ext = input.format === 'markdown' ? 'md' : input.format;
  const text = input.format === 'csv' ? pulseToCsv(source) : input.format === 'json' ? pulseToJson(source) : pulseToMarkdown(source);
  return { ok: true, value: { filename: exportFilename(input.words.file, pulse.label, date, ext), text } };
}
